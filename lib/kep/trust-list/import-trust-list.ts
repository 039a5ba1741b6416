import "server-only";
import { createHash } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseTrustBundle } from "./parse-trust-bundle";
import { uploadBytes, type TrustListUpload } from "./schemas";

// The administrator imports the trust list: it replaces the previous one as a whole (the ЦЗО
// publishes the full list every time), in one transaction with its audit row. A bundle that is
// not a list of CA certificates chained to its roots is refused before anything is written.

export type ImportedTrustList = { importId: string; certificateCount: number; providerCount: number };

export async function importTrustList(
  ctx: Ctx<"actor" | "db" | "now">,
  input: TrustListUpload,
): Promise<ImportedTrustList> {
  const { actor } = ctx;
  assertCan(actor, "trustList.manage");
  const bytes = uploadBytes(input);
  const bundle = await parseTrustBundle(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return inTransaction(ctx.db, async (tx) => {
    await tx.trustedCaCertificate.deleteMany({});
    const created = await tx.trustListImport.create({
      data: {
        fileName: input.fileName,
        sha256,
        certificateCount: bundle.certificates.length,
        importedBy: actor.rnokpp ?? actor.fullName,
        createdAt: ctx.now,
      },
      select: { id: true },
    });
    await tx.trustedCaCertificate.createMany({
      data: bundle.certificates.map((certificate) => ({
        sha256: certificate.sha256,
        der: Uint8Array.from(certificate.der),
        provider: certificate.provider,
        subject: certificate.subject,
        issuer: certificate.issuer,
        serial: certificate.serial,
        isRoot: certificate.isRoot,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        crlUrls: certificate.crlUrls,
        ocspUrls: certificate.ocspUrls,
        importId: created.id,
      })),
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "trust_list.import",
      entityType: "TrustListImport",
      entityId: created.id,
      details: {
        fileName: input.fileName,
        sha256,
        certificates: bundle.certificates.length,
        providers: bundle.providers.map((provider) => provider.name),
      },
    });
    return {
      importId: created.id,
      certificateCount: bundle.certificates.length,
      providerCount: bundle.providers.length,
    };
  });
}
