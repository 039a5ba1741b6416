import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { loadActingTcc } from "@/lib/tck/acting-tcc";
import { buildBatchDocument, loadBatchForSigning, NOTICE_SIGNING_PURPOSE } from "./batch-document";
import { ZBatchRef } from "./schemas";

/** Step one of the head's signature: the canonical bytes of the batch and a fresh nonce. */
export async function prepareBatchSigning(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ document: string; nonce: string; count: number; tccEdrpou: string }> {
  const { batchId } = parseInput(ZBatchRef, input);
  return inTransaction(ctx.db, async (tx) => {
    const { tcc } = await loadActingTcc({ ...ctx, db: tx }, "notices.sign");
    const { batch, notices } = await loadBatchForSigning(tx, batchId, tcc);
    const nonce = (await issueNonce({ db: tx, now: ctx.now }, { purpose: NOTICE_SIGNING_PURPOSE, ttlSeconds: 30 * 60 }))
      .value;
    const bytes = buildBatchDocument({ tcc, batch, notices, nonce });
    return { document: Buffer.from(bytes).toString("base64"), nonce, count: notices.length, tccEdrpou: tcc.edrpou };
  });
}
