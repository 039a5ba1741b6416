-- CreateEnum
CREATE TYPE "NoticeWithdrawalCause" AS ENUM ('RESERVED', 'DEFERRED');

-- AlterTable
ALTER TABLE "notices" ADD COLUMN     "withdrawnCause" "NoticeWithdrawalCause";

-- CreateTable
CREATE TABLE "citizen_preferences" (
    "rnokpp" CHAR(10) NOT NULL,
    "noticeSentAlerts" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "citizen_preferences_pkey" PRIMARY KEY ("rnokpp")
);
