-- CreateEnum
CREATE TYPE "CentreVisitStatus" AS ENUM ('BOOKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BasicServiceStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CENTRE_RECRUITER';

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "centreId" UUID;

-- CreateTable
CREATE TABLE "oberig"."basic_service_records" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "outcome" TEXT NOT NULL,
    "centreName" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "basic_service_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recruitment_centres" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "weekdays" INTEGER[],
    "opensAt" TEXT NOT NULL,
    "closesAt" TEXT NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,

    CONSTRAINT "recruitment_centres_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recruitment_centre_units" (
    "centreId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "recruitment_centre_units_pkey" PRIMARY KEY ("centreId","unitId")
);

-- CreateTable
CREATE TABLE "centre_visits" (
    "id" UUID NOT NULL,
    "centreId" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "fullName" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "time" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "CentreVisitStatus" NOT NULL DEFAULT 'BOOKED',
    "openKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "centre_visits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "basic_service_applications" (
    "id" UUID NOT NULL,
    "rnokpp" CHAR(10) NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "centreId" UUID NOT NULL,
    "specialty" TEXT NOT NULL,
    "status" "BasicServiceStatus" NOT NULL DEFAULT 'SUBMITTED',
    "openKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedByRnokpp" CHAR(10),
    "decisionComment" TEXT,

    CONSTRAINT "basic_service_applications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "basic_service_records_rnokpp_idx" ON "oberig"."basic_service_records"("rnokpp");

-- CreateIndex
CREATE UNIQUE INDEX "recruitment_centres_code_key" ON "recruitment_centres"("code");

-- CreateIndex
CREATE INDEX "recruitment_centres_region_idx" ON "recruitment_centres"("region");

-- CreateIndex
CREATE INDEX "recruitment_centre_units_unitId_idx" ON "recruitment_centre_units"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "centre_visits_openKey_key" ON "centre_visits"("openKey");

-- CreateIndex
CREATE INDEX "centre_visits_centreId_day_time_idx" ON "centre_visits"("centreId", "day", "time");

-- CreateIndex
CREATE INDEX "centre_visits_rnokpp_day_idx" ON "centre_visits"("rnokpp", "day");

-- CreateIndex
CREATE UNIQUE INDEX "basic_service_applications_openKey_key" ON "basic_service_applications"("openKey");

-- CreateIndex
CREATE INDEX "basic_service_applications_centreId_status_createdAt_idx" ON "basic_service_applications"("centreId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "basic_service_applications_rnokpp_createdAt_idx" ON "basic_service_applications"("rnokpp", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "recruitment_centres"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_centre_units" ADD CONSTRAINT "recruitment_centre_units_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "recruitment_centres"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recruitment_centre_units" ADD CONSTRAINT "recruitment_centre_units_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "military_units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "centre_visits" ADD CONSTRAINT "centre_visits_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "recruitment_centres"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "basic_service_applications" ADD CONSTRAINT "basic_service_applications_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "recruitment_centres"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
