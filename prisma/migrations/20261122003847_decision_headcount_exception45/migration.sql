-- AlterTable
ALTER TABLE "critical_decisions" ADD COLUMN     "headcount" INTEGER;

-- AlterTable
ALTER TABLE "reservations" ADD COLUMN     "exception45" BOOLEAN NOT NULL DEFAULT false;
