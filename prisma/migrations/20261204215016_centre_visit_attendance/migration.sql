-- CreateEnum
CREATE TYPE "CentreVisitAttendance" AS ENUM ('CAME', 'NO_SHOW');

-- AlterTable
ALTER TABLE "centre_visits" ADD COLUMN     "attendance" "CentreVisitAttendance",
ADD COLUMN     "markedAt" TIMESTAMP(3),
ADD COLUMN     "markedByRnokpp" CHAR(10);
