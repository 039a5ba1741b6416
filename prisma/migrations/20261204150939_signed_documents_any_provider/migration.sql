-- DropForeignKey
ALTER TABLE "signed_documents" DROP CONSTRAINT "signed_documents_certificateSerial_fkey";

-- AlterTable
ALTER TABLE "signed_documents" ADD COLUMN     "certificateIssuer" TEXT,
ADD COLUMN     "providerCertificateSerial" TEXT;

-- Every document stored so far was signed with a certificate of the test КНЕДП.
UPDATE "signed_documents" SET "providerCertificateSerial" = "certificateSerial";

-- AddForeignKey
ALTER TABLE "signed_documents" ADD CONSTRAINT "signed_documents_providerCertificateSerial_fkey" FOREIGN KEY ("providerCertificateSerial") REFERENCES "certificates"("serial") ON DELETE RESTRICT ON UPDATE CASCADE;
