import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { createIssuingCa, createRootCa } from "../ca/create-ca";
import { pkiUrls } from "../ca/pki-urls";
import { derFromPem } from "../verify/trust-anchors";
import { ensureFamilyCas } from "./family-cas";
import { generateRsaKeys } from "./generate-rsa-keys";
import { ISSUING_ID, ROOT_ID, caFromRow, certificateToPem, privateKeyToPem } from "./provider-store";

// Creates the test provider's root and issuing CA on first start. Two processes starting at
// once (the dev server and the worker, or parallel test files on one database) serialize on a
// transaction-scoped advisory lock, so exactly one pair is ever created.

const YEAR_MS = 365.25 * 86_400_000;
// Certificates issued in the same minute as the CA must not start before it on a skewed clock.
const BACKDATE_MS = 86_400_000;

export type ProviderCertificates = {
  rootPem: string;
  issuingPem: string;
  rootDer: Uint8Array<ArrayBuffer>;
  issuingDer: Uint8Array<ArrayBuffer>;
  created: boolean;
};

export async function ensureTestProvider(
  ctx: Ctx<"db" | "now">,
  options: { portalUrl?: string } = {},
): Promise<ProviderCertificates> {
  return inTransaction(
    ctx.db,
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bronya.kep.test-provider'))`;
      const rows = await tx.caKey.findMany({
        where: { id: { in: [ROOT_ID, ISSUING_ID] } },
        select: { id: true, certPem: true, keyPem: true },
      });
      const rootRow = rows.find((row) => row.id === ROOT_ID);
      const issuingRow = rows.find((row) => row.id === ISSUING_ID);
      const portalUrl = options.portalUrl ?? env().PORTAL_URL;
      if (rootRow && issuingRow) {
        // A provider made before the ECDSA and DSTU 4145 families gets them now.
        await ensureFamilyCas({ db: tx, now: ctx.now }, { portalUrl });
        return certificatesOf(rootRow.certPem, issuingRow.certPem, false);
      }
      if (issuingRow) throw new Error("Тестовий КНЕДП пошкоджено: є сертифікат ЦСК, але немає кореневого");

      const now = ctx.now;
      const validFrom = new Date(now.getTime() - BACKDATE_MS);
      const root = rootRow
        ? caFromRow(rootRow)
        : createRootCa({ keys: await generateRsaKeys(), validFrom, validTo: new Date(now.getTime() + 20 * YEAR_MS) });
      const issuing = createIssuingCa({
        root,
        keys: await generateRsaKeys(),
        validFrom,
        validTo: new Date(now.getTime() + 10 * YEAR_MS),
        rootCertificateUrl: pkiUrls(portalUrl).rootCa,
      });
      const rootPem = certificateToPem(root.certificate);
      const issuingPem = certificateToPem(issuing.certificate);
      if (!rootRow)
        await tx.caKey.create({ data: { id: ROOT_ID, certPem: rootPem, keyPem: privateKeyToPem(root.privateKey) } });
      await tx.caKey.create({
        data: { id: ISSUING_ID, certPem: issuingPem, keyPem: privateKeyToPem(issuing.privateKey) },
      });
      await ensureFamilyCas({ db: tx, now }, { portalUrl });
      return certificatesOf(rootPem, issuingPem, true);
    },
    // A second starter waits on the lock while the first generates two RSA keys.
    { maxWait: 30_000, timeout: 60_000 },
  );
}

function certificatesOf(rootPem: string, issuingPem: string, created: boolean): ProviderCertificates {
  return { rootPem, issuingPem, rootDer: derFromPem(rootPem), issuingDer: derFromPem(issuingPem), created };
}
