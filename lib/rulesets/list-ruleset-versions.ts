import "server-only";
import { kyivDate } from "@/lib/format";
import type { Ruleset, RulesetDiffEntry } from "@/lib/rules";
import { diffRulesets } from "@/lib/rules";
import type { LegalBasis } from "./code-versions";
import type { RulesetCtx } from "./ctx";
import { loadMethodologist } from "./load-methodologist";
import { readStoredVersions } from "./ruleset-store";

export type RulesetVersionView = {
  ruleset: Ruleset;
  legalBasis: LegalBasis;
  source: "code" | "signed";
  signerName: string | null;
  signedDocumentId: string | null;
  state: "PAST" | "IN_FORCE" | "SCHEDULED";
  /** What it changed against the version before it. */
  diff: RulesetDiffEntry[];
};

/** Every version, newest first, with its state today and its diff against its predecessor. */
/** Reads only: any client or transaction will do. */
export async function listRulesetVersions(ctx: RulesetCtx): Promise<{ today: string; versions: RulesetVersionView[] }> {
  await loadMethodologist(ctx, { permission: "rulesets.read" });
  const today = kyivDate(ctx.now);
  const stored = await readStoredVersions(ctx.db);
  const inForce = stored.filter((s) => s.ruleset.effectiveFrom <= today).at(-1)?.ruleset.version;
  const versions = stored.map((s, index): RulesetVersionView => ({
    ruleset: s.ruleset,
    legalBasis: s.legalBasis,
    source: s.source,
    signerName: s.signerName,
    signedDocumentId: s.signedDocumentId,
    state: s.ruleset.version === inForce ? "IN_FORCE" : s.ruleset.effectiveFrom > today ? "SCHEDULED" : "PAST",
    diff: index === 0 ? [] : diffRulesets(stored[index - 1]!.ruleset, s.ruleset),
  }));
  return { today, versions: versions.reverse() };
}
