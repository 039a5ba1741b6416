-- CreateIndex
CREATE INDEX "reservations_exception45_createdAt_idx" ON "reservations"("exception45", "createdAt");
