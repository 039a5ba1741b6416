import "server-only";
import type { Ctx } from "@/lib/context";
import { canonicalJson } from "@/lib/kep/canonical-json";
import { verifySignature } from "@/lib/kep/verify/verify-signature";
import { AUDIT_ANCHOR_TYPE } from "./anchor-audit-days";
import { PORTAL_SEAL_SUBJECT } from "./portal-seal";

// Every stored anchor: its signed bytes say what its columns say, and the signature is the
// portal seal's, valid, from the provider's chain. Returns the first failure's sentence.

export async function verifyAuditAnchors(
  ctx: Ctx<"db" | "now">,
): Promise<{ ok: true; anchors: number } | { ok: false; day: string; message: string }> {
  const { db: client, now } = ctx;
  const anchors = await client.auditAnchor.findMany({ orderBy: { day: "asc" } });
  for (const anchor of anchors) {
    const day = anchor.day.toISOString().slice(0, 10);
    const expected = canonicalJson({ type: AUDIT_ANCHOR_TYPE, day, seq: anchor.seq.toString(), hash: anchor.hash });
    if (Buffer.from(anchor.content).toString("utf8") !== expected)
      return { ok: false, day, message: `Печатка дня ${day}: підписаний вміст не збігається із записом` };
    try {
      const signer = await verifySignature(
        { db: client, now },
        { signature: new Uint8Array(anchor.signature), content: new Uint8Array(anchor.content), ownSeal: true },
      );
      if (signer.edrpou !== PORTAL_SEAL_SUBJECT.edrpou)
        return { ok: false, day, message: `Печатка дня ${day}: підписано не печаткою порталу` };
    } catch (error) {
      return {
        ok: false,
        day,
        message: `Печатка дня ${day}: підпис недійсний (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  return { ok: true, anchors: anchors.length };
}
