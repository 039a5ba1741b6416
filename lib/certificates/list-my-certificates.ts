import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { toIsoDate } from "@/lib/rules/calendar";
import type { CertificateKind } from "@/lib/rules/certificate-entitlement";

export type MyCertificateRequest = {
  id: string;
  kind: CertificateKind;
  status: "PENDING" | "ISSUED" | "REFUSED";
  createdAt: Date;
  dueOn: string | null;
  decidedAt: Date | null;
  refusalReason: string | null;
  unit: { code: string; name: string } | null;
  certificate: {
    id: string;
    number: string;
    code: string;
    issuedAt: Date;
    revokedAt: Date | null;
    revocationReason: string | null;
  } | null;
};

/** The citizen's own requests and the certificates they produced, newest first. */
export async function listMyCertificates(ctx: Ctx<"actor" | "db">): Promise<MyCertificateRequest[]> {
  const rnokpp = citizenRnokpp(ctx.actor, "certificates.request");
  const rows = await ctx.db.certificateRequest.findMany({
    where: { rnokpp },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      dueOn: true,
      decidedAt: true,
      refusalReason: true,
      unit: { select: { code: true, name: true } },
      certificate: {
        select: { id: true, number: true, code: true, issuedAt: true, revokedAt: true, revocationReason: true },
      },
    },
  });
  return rows.map((row) => ({ ...row, dueOn: row.dueOn ? toIsoDate(row.dueOn) : null }));
}
