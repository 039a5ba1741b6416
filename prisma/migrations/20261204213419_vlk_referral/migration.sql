-- AlterTable
ALTER TABLE "oberig"."military_registrations" ADD COLUMN     "vlkReferralAt" TIMESTAMP(3),
ADD COLUMN     "vlkReferralPlace" TEXT;
