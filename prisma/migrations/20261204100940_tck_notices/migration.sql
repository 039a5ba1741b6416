-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('SERVICE_PARTICIPATION', 'MILITARY_REGISTRATION', 'RESERVATION_EXTRACT');

-- CreateEnum
CREATE TYPE "CertificateRequestStatus" AS ENUM ('PENDING', 'ISSUED', 'REFUSED');

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


ALTER TYPE "Role" ADD VALUE 'UNIT_STAFF_OFFICER';
ALTER TYPE "Role" ADD VALUE 'TCK_OFFICER';
ALTER TYPE "Role" ADD VALUE 'TCK_HEAD';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SignedDocumentKind" ADD VALUE 'NOTICE_BATCH';
ALTER TYPE "SignedDocumentKind" ADD VALUE 'CERTIFICATE_DECISION';

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
CREATE TABLE "oberig"."service_periods" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "unitCode" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "untilDate" DATE,
    "defenceConfirmedOn" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_requests" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "status" "CertificateRequestStatus" NOT NULL,
    "openKey" TEXT,
    "unitId" UUID,
    "dueOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedByRnokpp" CHAR(10),
    "refusalReason" TEXT,
    "signedDocumentId" UUID,

    CONSTRAINT "certificate_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "state_certificates" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "requestId" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "facts" JSONB NOT NULL,
    "factsHash" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "seal" BYTEA NOT NULL,
    "sealCertificateSerial" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,

    CONSTRAINT "state_certificates_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "service_periods_rnokpp_idx" ON "oberig"."service_periods"("rnokpp");

-- CreateIndex
CREATE INDEX "service_periods_unitCode_idx" ON "oberig"."service_periods"("unitCode");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_requests_openKey_key" ON "certificate_requests"("openKey");

-- CreateIndex
CREATE INDEX "certificate_requests_rnokpp_createdAt_idx" ON "certificate_requests"("rnokpp", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "certificate_requests_unitId_status_idx" ON "certificate_requests"("unitId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "state_certificates_number_key" ON "state_certificates"("number");

-- CreateIndex
CREATE UNIQUE INDEX "state_certificates_code_key" ON "state_certificates"("code");

-- CreateIndex
CREATE UNIQUE INDEX "state_certificates_requestId_key" ON "state_certificates"("requestId");

-- CreateIndex
CREATE INDEX "state_certificates_rnokpp_issuedAt_idx" ON "state_certificates"("rnokpp", "issuedAt" DESC);

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
ALTER TABLE "oberig"."service_periods" ADD CONSTRAINT "service_periods_rnokpp_fkey" FOREIGN KEY ("rnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "military_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "state_certificates" ADD CONSTRAINT "state_certificates_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "certificate_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "notice_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_refusals" ADD CONSTRAINT "notice_refusals_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "notice_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
