-- CreateTable
CREATE TABLE "trusted_ca_certificates" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "der" BYTEA NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "isRoot" BOOLEAN NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "notAfter" TIMESTAMP(3) NOT NULL,
    "crlUrls" TEXT[],
    "ocspUrls" TEXT[],
    "importId" UUID NOT NULL,

    CONSTRAINT "trusted_ca_certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trust_list_imports" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "certificateCount" INTEGER NOT NULL,
    "importedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trust_list_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "trusted_ca_certificates_sha256_key" ON "trusted_ca_certificates"("sha256");

-- CreateIndex
CREATE INDEX "trusted_ca_certificates_importId_idx" ON "trusted_ca_certificates"("importId");

-- AddForeignKey
ALTER TABLE "trusted_ca_certificates" ADD CONSTRAINT "trusted_ca_certificates_importId_fkey" FOREIGN KEY ("importId") REFERENCES "trust_list_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
