import "server-only";
import type { Ctx } from "@/lib/context";

// What /api/audit/anchors publishes: every sealed day (newest first), the exact signed bytes
// and the signature, and the seal's certificate, so anyone can check an anchor offline.

export type PublishedAnchor = { day: string; seq: string; hash: string; content: string; signature: string };

export async function listAuditAnchors(
  ctx: Ctx<"db">,
  input: { limit?: number } = {},
): Promise<{ anchors: PublishedAnchor[]; sealCertificate: string | null }> {
  const client = ctx.db;
  const rows = await client.auditAnchor.findMany({ orderBy: { day: "desc" }, take: input.limit ?? 366 });
  const sealRow = await client.caKey.findUnique({ where: { id: "portal-seal" }, select: { certPem: true } });
  const sealCertificate = sealRow ? sealRow.certPem : null;
  return {
    anchors: rows.map((r) => ({
      day: r.day.toISOString().slice(0, 10),
      seq: r.seq.toString(),
      hash: r.hash,
      content: Buffer.from(r.content).toString("base64"),
      signature: Buffer.from(r.signature).toString("base64"),
    })),
    sealCertificate,
  };
}
