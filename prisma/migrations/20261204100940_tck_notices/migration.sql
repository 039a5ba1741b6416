-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('CLARIFY_DATA', 'VLK', 'MOBILISATION');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('FORMED', 'SIGNED', 'SENT', 'DELIVERED', 'REFUSED', 'RETURNED', 'WITHDRAWN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'TCK_OFFICER';
ALTER TYPE "Role" ADD VALUE 'TCK_HEAD';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SignedDocumentKind" ADD VALUE 'NOTICE_BATCH';

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "tcc" TEXT;

-- CreateTable
CREATE TABLE "oberig"."tccs" (
    "name" TEXT NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "region" TEXT NOT NULL,
    "address" TEXT NOT NULL,

    CONSTRAINT "tccs_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "notice_batches" (
    "id" UUID NOT NULL,
    "tcc" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "appearAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "formedByRnokpp" CHAR(10),
    "formedByName" TEXT NOT NULL,
    "formedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedDocumentId" UUID,
    "signedAt" TIMESTAMP(3),
    "signerName" TEXT,

    CONSTRAINT "notice_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notices" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "batchId" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "fullName" TEXT NOT NULL,
    "tcc" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "appearAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'FORMED',
    "statusAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trackingNumber" TEXT,
    "withdrawnReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_refusals" (
    "id" UUID NOT NULL,
    "batchId" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "fullName" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "reasons" TEXT[],
    "message" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_refusals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tccs_edrpou_key" ON "oberig"."tccs"("edrpou");

-- CreateIndex
CREATE UNIQUE INDEX "notice_batches_signedDocumentId_key" ON "notice_batches"("signedDocumentId");

-- CreateIndex
CREATE INDEX "notice_batches_tcc_formedAt_idx" ON "notice_batches"("tcc", "formedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notices_seq_key" ON "notices"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "notices_code_key" ON "notices"("code");

-- CreateIndex
CREATE UNIQUE INDEX "notices_trackingNumber_key" ON "notices"("trackingNumber");

-- CreateIndex
CREATE INDEX "notices_batchId_idx" ON "notices"("batchId");

-- CreateIndex
CREATE INDEX "notices_rnokpp_createdAt_idx" ON "notices"("rnokpp", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "notices_tcc_status_appearAt_idx" ON "notices"("tcc", "status", "appearAt");

-- CreateIndex
CREATE INDEX "notice_refusals_batchId_idx" ON "notice_refusals"("batchId");

-- CreateIndex
CREATE INDEX "notice_refusals_at_idx" ON "notice_refusals"("at");

-- CreateIndex
CREATE INDEX "military_registrations_tcc_rnokpp_idx" ON "oberig"."military_registrations"("tcc", "rnokpp");

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "notice_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_refusals" ADD CONSTRAINT "notice_refusals_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "notice_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
