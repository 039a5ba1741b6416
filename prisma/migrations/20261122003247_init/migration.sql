-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "oberig";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "oberig"."Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "oberig"."RegistrationStatus" AS ENUM ('ON_REGISTER', 'REMOVED', 'EXCLUDED', 'NOT_REGISTERED', 'BEING_CLARIFIED', 'WANTED');

-- CreateEnum
CREATE TYPE "oberig"."LiabilityType" AS ENUM ('CONSCRIPT', 'LIABLE', 'RESERVIST');

-- CreateEnum
CREATE TYPE "oberig"."OwnershipForm" AS ENUM ('STATE', 'COMMUNAL', 'PRIVATE', 'COLLECTIVE', 'RELIGIOUS');

-- CreateEnum
CREATE TYPE "oberig"."MarkStatus" AS ENUM ('ACTIVE', 'ANNULLED', 'EXPIRED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "AuthorityKind" AS ENUM ('MINISTRY', 'REGIONAL_ADMINISTRATION');

-- CreateEnum
CREATE TYPE "LimitCategory" AS ENUM ('DEFAULT_50', 'DEFENCE_100', 'FRONTLINE_100', 'DRONE_WEAPONS_100', 'MEDICAL_100', 'LIFE_SUPPORT_75', 'UKRZALIZNYTSIA_80');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "DecisionEventKind" AS ENUM ('GRANTED', 'CONFIRMED', 'EXTENDED', 'LIMIT_CHANGED', 'REVOKED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('RESERVATION', 'ANNULMENT');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('QUEUED', 'PROCESSING', 'DECIDED', 'FAILED');

-- CreateEnum
CREATE TYPE "ItemDecision" AS ENUM ('RESERVED', 'REFUSED', 'ANNULLED');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('ACTIVE', 'ANNULLED', 'EXPIRED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICIAL', 'ENTERPRISE_HEAD', 'AUTHORIZED_PERSON', 'CONSCRIPT', 'RECRUITER');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('GOOD', 'REVOKED');

-- CreateEnum
CREATE TYPE "SignedDocumentKind" AS ENUM ('RESERVATION_APPLICATION', 'ANNULMENT_APPLICATION', 'CRITICAL_DECISION', 'DECISION_CHANGE', 'DECISION_IMPORT', 'AUTHORIZATION', 'OTHER');

-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "VacancyApplicationStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "oberig"."persons" (
    "rnokpp" CHAR(10) NOT NULL,
    "lastName" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "patronymic" TEXT,
    "birthDate" DATE NOT NULL,
    "sex" "oberig"."Sex" NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("rnokpp")
);

-- CreateTable
CREATE TABLE "oberig"."military_registrations" (
    "rnokpp" CHAR(10) NOT NULL,
    "status" "oberig"."RegistrationStatus" NOT NULL,
    "liability" "oberig"."LiabilityType" NOT NULL,
    "category" SMALLINT NOT NULL,
    "tcc" TEXT NOT NULL,
    "registeredOn" DATE NOT NULL,
    "dataUpdatedOn" DATE,
    "wanted" BOOLEAN NOT NULL DEFAULT false,
    "wantedCriminal" BOOLEAN NOT NULL DEFAULT false,
    "rank" TEXT,
    "specialty" TEXT,
    "vlkDate" DATE,
    "vlkResult" TEXT,
    "deferment" TEXT,
    "defermentUntil" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "military_registrations_pkey" PRIMARY KEY ("rnokpp")
);

-- CreateTable
CREATE TABLE "oberig"."employments" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "position" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "salary" DECIMAL(12,2) NOT NULL,
    "mainJob" BOOLEAN NOT NULL DEFAULT true,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "reportedOn" DATE NOT NULL,

    CONSTRAINT "employments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oberig"."enterprises" (
    "edrpou" CHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kved" TEXT NOT NULL,
    "kvedName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "address" TEXT,
    "ownership" "oberig"."OwnershipForm" NOT NULL,
    "stateShare" SMALLINT NOT NULL DEFAULT 0,
    "headRnokpp" CHAR(10),
    "frontline" BOOLEAN NOT NULL DEFAULT false,
    "diiaCity" BOOLEAN NOT NULL DEFAULT false,
    "registeredOn" DATE NOT NULL,
    "liquidatedOn" DATE,

    CONSTRAINT "enterprises_pkey" PRIMARY KEY ("edrpou")
);

-- CreateTable
CREATE TABLE "oberig"."reservation_marks" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "fromDate" DATE NOT NULL,
    "untilDate" DATE NOT NULL,
    "status" "oberig"."MarkStatus" NOT NULL DEFAULT 'ACTIVE',
    "activeRnokpp" CHAR(10),
    "source" TEXT NOT NULL DEFAULT 'portal',
    "reservationId" UUID,
    "annulledOn" DATE,
    "ground" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reservation_marks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "authorities" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "AuthorityKind" NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "region" TEXT,
    "kvedSections" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "authorities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "critical_decisions" (
    "id" UUID NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "authorityId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "criteria" TEXT[],
    "salaryExemption" TEXT,
    "limitCategory" "LimitCategory" NOT NULL,
    "limitPercent" SMALLINT NOT NULL,
    "militaryLiableCount" INTEGER NOT NULL,
    "limitCount" INTEGER NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'ACTIVE',
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "signedDocumentId" UUID,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "critical_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_events" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "kind" "DecisionEventKind" NOT NULL,
    "reason" TEXT,
    "changes" JSONB,
    "signedDocumentId" UUID,
    "actorUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drafts" (
    "id" UUID NOT NULL,
    "kind" "ApplicationKind" NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "createdByUserId" UUID,
    "createdByRnokpp" CHAR(10) NOT NULL,
    "document" BYTEA NOT NULL,
    "nonce" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "precheck" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "kind" "ApplicationKind" NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "draftId" UUID NOT NULL,
    "signedDocumentId" UUID NOT NULL,
    "decisionId" UUID,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'QUEUED',
    "ground" TEXT,
    "rulesetVersion" TEXT,
    "signerRnokpp" CHAR(10) NOT NULL,
    "signerName" TEXT NOT NULL,
    "preparedByRnokpp" CHAR(10) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "reservedCount" INTEGER NOT NULL DEFAULT 0,
    "refusedCount" INTEGER NOT NULL DEFAULT 0,
    "failureReason" TEXT,

    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_items" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "fullName" TEXT NOT NULL,
    "salary" DECIMAL(12,2),
    "decision" "ItemDecision",
    "reasons" TEXT[],
    "reasonDetails" JSONB,
    "reservedFrom" DATE,
    "reservedUntil" DATE,
    "reservationId" UUID,

    CONSTRAINT "application_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "decisionId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "untilDate" DATE NOT NULL,
    "rulesetVersion" TEXT NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'ACTIVE',
    "activeRnokpp" CHAR(10),
    "annulledAt" TIMESTAMP(3),
    "annulmentGround" TEXT,
    "annulmentApplicationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10),
    "email" TEXT,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "totpSecret" TEXT,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "authorityId" UUID,
    "edrpou" CHAR(8),
    "unitId" UUID,
    "position" TEXT,
    "grantedByRnokpp" CHAR(10),
    "signedDocumentId" UUID,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "edrpou" CHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ca_keys" (
    "id" TEXT NOT NULL,
    "certPem" TEXT NOT NULL,
    "keyPem" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ca_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "serial" TEXT NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "edrpou" CHAR(8),
    "subjectName" TEXT NOT NULL,
    "organization" TEXT,
    "title" TEXT,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "der" BYTEA NOT NULL,
    "status" "CertificateStatus" NOT NULL DEFAULT 'GOOD',
    "revokedAt" TIMESTAMP(3),
    "revocationReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "nonces" (
    "value" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "nonces_pkey" PRIMARY KEY ("value")
);

-- CreateTable
CREATE TABLE "signed_documents" (
    "id" UUID NOT NULL,
    "kind" "SignedDocumentKind" NOT NULL,
    "content" BYTEA NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "signature" BYTEA NOT NULL,
    "signatureSha256" TEXT NOT NULL,
    "signerRnokpp" CHAR(10) NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerEdrpou" CHAR(8),
    "certificateSerial" TEXT NOT NULL,
    "signingTime" TIMESTAMP(3) NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edrpou" CHAR(8),
    "authorityId" UUID,

    CONSTRAINT "signed_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "recipientRnokpp" CHAR(10) NOT NULL,
    "audience" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_emails" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "outgoing_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorRnokpp" CHAR(10),
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "edrpou" CHAR(8),
    "authorityId" UUID,
    "details" JSONB,
    "signedDocumentId" UUID,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "military_units" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "military_units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vacancies" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "requirements" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "VacancyStatus" NOT NULL DEFAULT 'OPEN',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "vacancies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vacancy_applications" (
    "id" UUID NOT NULL,
    "vacancyId" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "status" "VacancyApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "vacancy_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "e_documents" (
    "code" TEXT NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" DATE NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotHash" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "e_documents_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "persons_lastName_firstName_idx" ON "oberig"."persons"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "military_registrations_status_idx" ON "oberig"."military_registrations"("status");

-- CreateIndex
CREATE INDEX "employments_edrpou_endDate_idx" ON "oberig"."employments"("edrpou", "endDate");

-- CreateIndex
CREATE INDEX "employments_rnokpp_idx" ON "oberig"."employments"("rnokpp");

-- CreateIndex
CREATE INDEX "enterprises_headRnokpp_idx" ON "oberig"."enterprises"("headRnokpp");

-- CreateIndex
CREATE INDEX "enterprises_region_idx" ON "oberig"."enterprises"("region");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_marks_activeRnokpp_key" ON "oberig"."reservation_marks"("activeRnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "reservation_marks_reservationId_key" ON "oberig"."reservation_marks"("reservationId");

-- CreateIndex
CREATE INDEX "reservation_marks_rnokpp_idx" ON "oberig"."reservation_marks"("rnokpp");

-- CreateIndex
CREATE INDEX "reservation_marks_edrpou_status_idx" ON "oberig"."reservation_marks"("edrpou", "status");

-- CreateIndex
CREATE UNIQUE INDEX "authorities_code_key" ON "authorities"("code");

-- CreateIndex
CREATE UNIQUE INDEX "authorities_edrpou_key" ON "authorities"("edrpou");

-- CreateIndex
CREATE INDEX "critical_decisions_edrpou_status_validUntil_idx" ON "critical_decisions"("edrpou", "status", "validUntil");

-- CreateIndex
CREATE INDEX "critical_decisions_authorityId_status_idx" ON "critical_decisions"("authorityId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "critical_decisions_authorityId_number_key" ON "critical_decisions"("authorityId", "number");

-- CreateIndex
CREATE INDEX "decision_events_decisionId_createdAt_idx" ON "decision_events"("decisionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "drafts_nonce_key" ON "drafts"("nonce");

-- CreateIndex
CREATE INDEX "drafts_edrpou_createdAt_idx" ON "drafts"("edrpou", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "applications_draftId_key" ON "applications"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "applications_signedDocumentId_key" ON "applications"("signedDocumentId");

-- CreateIndex
CREATE INDEX "applications_edrpou_submittedAt_idx" ON "applications"("edrpou", "submittedAt" DESC);

-- CreateIndex
CREATE INDEX "application_items_rnokpp_idx" ON "application_items"("rnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "application_items_applicationId_position_key" ON "application_items"("applicationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "application_items_applicationId_rnokpp_key" ON "application_items"("applicationId", "rnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "reservations_activeRnokpp_key" ON "reservations"("activeRnokpp");

-- CreateIndex
CREATE INDEX "reservations_edrpou_status_idx" ON "reservations"("edrpou", "status");

-- CreateIndex
CREATE INDEX "reservations_rnokpp_idx" ON "reservations"("rnokpp");

-- CreateIndex
CREATE INDEX "reservations_status_untilDate_idx" ON "reservations"("status", "untilDate");

-- CreateIndex
CREATE UNIQUE INDEX "users_rnokpp_key" ON "users"("rnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_userId_idx" ON "memberships"("userId");

-- CreateIndex
CREATE INDEX "memberships_edrpou_role_idx" ON "memberships"("edrpou", "role");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "api_tokens_edrpou_idx" ON "api_tokens"("edrpou");

-- CreateIndex
CREATE INDEX "certificates_rnokpp_idx" ON "certificates"("rnokpp");

-- CreateIndex
CREATE INDEX "nonces_expiresAt_idx" ON "nonces"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "signed_documents_signatureSha256_key" ON "signed_documents"("signatureSha256");

-- CreateIndex
CREATE INDEX "signed_documents_edrpou_idx" ON "signed_documents"("edrpou");

-- CreateIndex
CREATE INDEX "signed_documents_authorityId_idx" ON "signed_documents"("authorityId");

-- CreateIndex
CREATE INDEX "notifications_recipientRnokpp_readAt_idx" ON "notifications"("recipientRnokpp", "readAt");

-- CreateIndex
CREATE INDEX "notifications_recipientRnokpp_createdAt_idx" ON "notifications"("recipientRnokpp", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "outgoing_emails_createdAt_idx" ON "outgoing_emails"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "audit_log_authorityId_at_idx" ON "audit_log"("authorityId", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_edrpou_at_idx" ON "audit_log"("edrpou", "at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_entityType_entityId_idx" ON "audit_log"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "military_units_code_key" ON "military_units"("code");

-- CreateIndex
CREATE INDEX "vacancies_status_region_idx" ON "vacancies"("status", "region");

-- CreateIndex
CREATE INDEX "vacancy_applications_rnokpp_idx" ON "vacancy_applications"("rnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "vacancy_applications_vacancyId_rnokpp_key" ON "vacancy_applications"("vacancyId", "rnokpp");

-- CreateIndex
CREATE INDEX "e_documents_rnokpp_issuedAt_idx" ON "e_documents"("rnokpp", "issuedAt" DESC);

-- AddForeignKey
ALTER TABLE "oberig"."military_registrations" ADD CONSTRAINT "military_registrations_rnokpp_fkey" FOREIGN KEY ("rnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oberig"."employments" ADD CONSTRAINT "employments_rnokpp_fkey" FOREIGN KEY ("rnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oberig"."employments" ADD CONSTRAINT "employments_edrpou_fkey" FOREIGN KEY ("edrpou") REFERENCES "oberig"."enterprises"("edrpou") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oberig"."enterprises" ADD CONSTRAINT "enterprises_headRnokpp_fkey" FOREIGN KEY ("headRnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oberig"."reservation_marks" ADD CONSTRAINT "reservation_marks_rnokpp_fkey" FOREIGN KEY ("rnokpp") REFERENCES "oberig"."persons"("rnokpp") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oberig"."reservation_marks" ADD CONSTRAINT "reservation_marks_edrpou_fkey" FOREIGN KEY ("edrpou") REFERENCES "oberig"."enterprises"("edrpou") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "critical_decisions" ADD CONSTRAINT "critical_decisions_edrpou_fkey" FOREIGN KEY ("edrpou") REFERENCES "oberig"."enterprises"("edrpou") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "critical_decisions" ADD CONSTRAINT "critical_decisions_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "authorities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "critical_decisions" ADD CONSTRAINT "critical_decisions_signedDocumentId_fkey" FOREIGN KEY ("signedDocumentId") REFERENCES "signed_documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_events" ADD CONSTRAINT "decision_events_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "critical_decisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_events" ADD CONSTRAINT "decision_events_signedDocumentId_fkey" FOREIGN KEY ("signedDocumentId") REFERENCES "signed_documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "drafts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_signedDocumentId_fkey" FOREIGN KEY ("signedDocumentId") REFERENCES "signed_documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "critical_decisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "reservations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "critical_decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "authorities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "military_units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_certificateSerial_fkey" FOREIGN KEY ("certificateSerial") REFERENCES "certificates"("serial") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "military_units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vacancy_applications" ADD CONSTRAINT "vacancy_applications_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
