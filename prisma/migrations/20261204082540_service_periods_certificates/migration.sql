-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('SERVICE_PARTICIPATION', 'MILITARY_REGISTRATION', 'RESERVATION_EXTRACT');

-- CreateEnum
CREATE TYPE "CertificateRequestStatus" AS ENUM ('PENDING', 'ISSUED', 'REFUSED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'UNIT_STAFF_OFFICER';

-- AlterEnum
ALTER TYPE "SignedDocumentKind" ADD VALUE 'CERTIFICATE_DECISION';

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

-- AddForeignKey
ALTER TABLE "oberig"."service_periods" ADD CONSTRAINT "service_periods_rnokpp_fkey" FOREIGN KEY ("rnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_requests" ADD CONSTRAINT "certificate_requests_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "military_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "state_certificates" ADD CONSTRAINT "state_certificates_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "certificate_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
