import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { issueSigningNonce } from "./accept-official-signature";
import { loadActingAuthority } from "./acting-authority";
import { assertAssessed, assessNewDecision } from "./assess-new-decision";
import { buildGrantDocument, type DecisionRecord } from "./decision-documents";
import { ZNewDecision } from "./schemas";
import { kyivDate } from "@/lib/format";

// Step one of granting status: every check of the form, then the exact document to sign with
// a fresh nonce. Refused input changes nothing (the nonce is only issued for a valid decision).

export type PreparedSigning = {
  /** Base64 of the canonical bytes to sign. */
  document: string;
  nonce: string;
};

export async function prepareDecisionGrant(
  ctx: Ctx<"actor" | "db" | "now">,
  decision: unknown,
): Promise<PreparedSigning & { decision: DecisionRecord }> {
  const client = ctx.db;
  const now = ctx.now;
  const input = parseInput(ZNewDecision, decision);
  return inTransaction(client, async (tx) => {
    const authority = await loadActingAuthority({ db: tx, actor: ctx.actor }, { permission: "decisions.write" });
    const { decision } = assertAssessed(
      await assessNewDecision({ db: tx }, { authority, input, today: kyivDate(now) }),
    );
    const nonce = await issueSigningNonce({ db: tx, now }, { purpose: "grant" });
    const bytes = buildGrantDocument({ authority, decision, nonce });
    return { document: Buffer.from(bytes).toString("base64"), nonce, decision };
  });
}
