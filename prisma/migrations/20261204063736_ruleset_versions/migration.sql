-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'METHODOLOGIST';

-- AlterEnum
ALTER TYPE "SignedDocumentKind" ADD VALUE 'RULESET_VERSION';

-- CreateTable
CREATE TABLE "ruleset_versions" (
    "version" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "legalAct" TEXT NOT NULL,
    "legalNumber" TEXT NOT NULL,
    "legalDate" DATE NOT NULL,
    "basedOn" TEXT,
    "content" JSONB NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'signed',
    "signedDocumentId" UUID,
    "signerRnokpp" CHAR(10),
    "signerName" TEXT,
    "createdByUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ruleset_versions_pkey" PRIMARY KEY ("version")
);

-- CreateIndex
CREATE UNIQUE INDEX "ruleset_versions_signedDocumentId_key" ON "ruleset_versions"("signedDocumentId");

-- CreateIndex
CREATE INDEX "ruleset_versions_effectiveFrom_idx" ON "ruleset_versions"("effectiveFrom");

-- AddForeignKey
ALTER TABLE "ruleset_versions" ADD CONSTRAINT "ruleset_versions_signedDocumentId_fkey" FOREIGN KEY ("signedDocumentId") REFERENCES "signed_documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A version is never deleted, and its content never changes; one not yet in force (Kyiv time)
-- may only be marked withdrawn, when a signed replacement takes its place.
CREATE FUNCTION "ruleset_versions_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ruleset_versions: a version is never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD."withdrawnAt" IS NULL AND NEW."withdrawnAt" IS NOT NULL
     AND (to_jsonb(NEW) - 'withdrawnAt') = (to_jsonb(OLD) - 'withdrawnAt')
     AND OLD."effectiveFrom" > (now() AT TIME ZONE 'Europe/Kyiv')::date THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ruleset_versions: version % is in force or signed and cannot be changed', OLD."version" USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER "ruleset_versions_immutable" BEFORE UPDATE OR DELETE ON "ruleset_versions"
  FOR EACH ROW EXECUTE FUNCTION "ruleset_versions_guard"();
