-- AlterTable
ALTER TABLE "vacancy_applications" ADD COLUMN     "decidedByRnokpp" CHAR(10),
ADD COLUMN     "decisionComment" TEXT;

-- CreateIndex
CREATE INDEX "vacancies_unitId_status_idx" ON "vacancies"("unitId", "status");
