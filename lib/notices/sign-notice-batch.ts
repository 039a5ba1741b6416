import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { acceptSignedDocument } from "@/lib/kep/accept-signed-document";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { buildBatchDocument, loadBatchForSigning, NOTICE_SIGNING_PURPOSE } from "./batch-document";
import { ZSignBatch } from "./schemas";

// Step two: the head's detached signature over the rebuilt bytes is verified like every signed
// act of the portal (CMS, digest, chain to the test provider, validity, revocation, replay) and
// accepted only from the head of THIS ТЦК with a key issued for its ЄДРПОУ. The batch, its
// notices (now SIGNED), the signed document and the audit row are written together.

export async function signNoticeBatch(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ signed: number }> {
  const data = parseInput(ZSignBatch, input);
  const signature = Uint8Array.from(Buffer.from(data.signature, "base64"));
  if (signature.length === 0) throw new AppError("SIGNATURE_MALFORMED", "Порожній підпис");
  return inTransaction(ctx.db, async (tx) => {
    const { actor, tcc } = await loadActingTcc({ ...ctx, db: tx }, "notices.sign");
    const { batch, notices } = await loadBatchForSigning(tx, data.batchId, tcc);
    const content = buildBatchDocument({ tcc, batch, notices, nonce: data.nonce });
    const accepted = await acceptSignedDocument(
      { db: tx, now: ctx.now },
      {
        kind: "NOTICE_BATCH",
        content,
        signature,
        nonce: { value: data.nonce, purpose: NOTICE_SIGNING_PURPOSE },
        signer: { role: "TCK_HEAD", tcc: { name: tcc.name, edrpou: tcc.edrpou } },
      },
    );
    await tx.noticeBatch.update({
      where: { id: batch.id },
      data: { signedDocumentId: accepted.id, signedAt: ctx.now, signerName: accepted.signer.fullName },
    });
    const updated = await tx.notice.updateMany({
      where: { id: { in: notices.map((n) => n.id) }, status: "FORMED" },
      data: { status: "SIGNED", statusAt: ctx.now },
    });
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "notices.sign",
      entityType: "notice_batch",
      entityId: batch.id,
      signedDocumentId: accepted.id,
      details: { tcc: tcc.name, notices: updated.count },
    });
    return { signed: updated.count };
  });
}
