import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import type { Ruleset, RulesetDiffEntry } from "@/lib/rules";
import { assessRulesetDraft } from "./assess-ruleset-draft";
import type { RulesetCtx } from "./ctx";
import { loadMethodologist } from "./load-methodologist";
import { buildRulesetDocument } from "./ruleset-document";
import { ZRulesetDraft } from "./schemas";

// Step one of a new version: the draft checked, the diff against the current version, and the
// exact document to sign with a fresh nonce. A refused draft issues no nonce and writes nothing.

export const RULESET_NONCE_PURPOSE = "ruleset.sign";
const PREPARED_TTL_SECONDS = 30 * 60;

export type PreparedRulesetVersion = {
  document: string;
  nonce: string;
  ruleset: Ruleset;
  diff: RulesetDiffEntry[];
  basedOn: string;
  replaces: string | null;
};

export async function prepareRulesetVersion(ctx: RulesetCtx, input: unknown): Promise<PreparedRulesetVersion> {
  const draft = parseInput(ZRulesetDraft, input);
  return inTransaction(ctx.db, async (tx) => {
    const { authority } = await loadMethodologist({ db: tx, actor: ctx.actor }, { permission: "rulesets.draft" });
    const { next, diff, current, replaced } = await assessRulesetDraft({ db: tx }, { draft, today: kyivDate(ctx.now) });
    const nonce = (
      await issueNonce({ db: tx, now: ctx.now }, { purpose: RULESET_NONCE_PURPOSE, ttlSeconds: PREPARED_TTL_SECONDS })
    ).value;
    const bytes = buildRulesetDocument({
      authority,
      ruleset: next,
      legalBasis: draft.legalBasis,
      basedOn: current.ruleset.version,
      replaces: replaced?.ruleset.version ?? null,
      diff,
      nonce,
    });
    return {
      document: Buffer.from(bytes).toString("base64"),
      nonce,
      ruleset: next,
      diff,
      basedOn: current.ruleset.version,
      replaces: replaced?.ruleset.version ?? null,
    };
  });
}
