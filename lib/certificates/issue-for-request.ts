import "server-only";
import type { Ctx } from "@/lib/context";
import type { DbTx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { notify } from "@/lib/notifications";
import type { CertificateFacts } from "./certificate-facts";
import type { CertificateSeal } from "./certificate-seal";
import { CERTIFICATE_KIND_INFO } from "./labels";
import { sealCertificate, type SealedCertificate } from "./seal-certificate";

/**
 * The common end of both paths (at once, or after the unit confirmed): seal the certificate,
 * retire the person's earlier certificate of this kind, audit and tell the citizen — in the
 * caller's transaction.
 */
export async function issueForRequest(
  ctx: Ctx<"now"> & { db: DbTx },
  input: {
    requestId: string;
    facts: CertificateFacts;
    seal: CertificateSeal;
    actor: { rnokpp: string | null; role: string };
  },
): Promise<SealedCertificate> {
  const { facts } = input;
  const rnokpp = facts.person.rnokpp;
  const info = CERTIFICATE_KIND_INFO[facts.kind];
  const earlier = await ctx.db.stateCertificate.findMany({
    where: { rnokpp, kind: facts.kind, revokedAt: null },
    select: { id: true },
  });
  const sealed = await sealCertificate(ctx, { requestId: input.requestId, facts, seal: input.seal });
  if (earlier.length > 0) {
    await ctx.db.stateCertificate.updateMany({
      where: { id: { in: earlier.map((row) => row.id) } },
      data: { revokedAt: ctx.now, revocationReason: `Замінено новішою довідкою № ${sealed.number}` },
    });
  }
  await writeAudit(ctx.db, {
    actor: input.actor,
    action: "certificate.issue",
    entityType: "StateCertificate",
    entityId: sealed.id,
    details: { rnokpp, kind: facts.kind, number: sealed.number, requestId: input.requestId, replaced: earlier.length },
  });
  await notify(ctx.db, [
    {
      recipientRnokpp: rnokpp,
      audience: "me",
      kind: "certificate.issued",
      title: `${info.title} готова`,
      body: `${info.title} № ${sealed.number} скріплена кваліфікованою електронною печаткою. Завантажте PDF і файл печатки (.p7s) у розділі «Довідки»; перевірити її може будь-хто за QR-кодом.`,
      link: "/me/certificates",
    },
  ]);
  return sealed;
}
