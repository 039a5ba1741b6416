-- AlterTable
ALTER TABLE "centre_visits" ADD COLUMN     "remindedAt" TIMESTAMP(3);
