-- CreateTable
CREATE TABLE "throttle_windows" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "throttle_windows_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "throttle_windows_expiresAt_idx" ON "throttle_windows"("expiresAt");
