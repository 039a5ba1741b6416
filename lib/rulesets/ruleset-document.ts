// The exact document a methodologist signs: the whole new version (not only the diff, so that
// the signature covers every figure in force), its legal basis and the diff it was read with.
// Rebuilt from the submitted draft when signing: a figure changed in between is CONTENT_MISMATCH.
import { canonicalJsonBytes, type JsonValue } from "@/lib/kep/canonical-json";
import type { Ruleset, RulesetDiffEntry } from "@/lib/rules";
import type { LegalBasis } from "./code-versions";

export function buildRulesetDocument(input: {
  authority: { id: string; edrpou: string; name: string };
  ruleset: Ruleset;
  legalBasis: LegalBasis;
  basedOn: string;
  replaces: string | null;
  diff: RulesetDiffEntry[];
  nonce: string;
}): Uint8Array {
  return canonicalJsonBytes({
    document: "RULESET_VERSION",
    version: 1,
    title: "Версія правил бронювання військовозобов'язаних",
    authority: { id: input.authority.id, edrpou: input.authority.edrpou, name: input.authority.name },
    ruleset: input.ruleset as unknown as JsonValue,
    legalBasis: input.legalBasis,
    basedOn: input.basedOn,
    replaces: input.replaces,
    diff: input.diff as unknown as JsonValue,
    nonce: input.nonce,
  });
}
