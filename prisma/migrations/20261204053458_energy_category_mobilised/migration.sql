-- AlterEnum
ALTER TYPE "LimitCategory" ADD VALUE 'ENERGY_EQUIPMENT_100';

-- AlterTable
ALTER TABLE "oberig"."military_registrations" ADD COLUMN     "mobilisedOn" DATE;
