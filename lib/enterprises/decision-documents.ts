// The exact documents an official signs. The server builds them when preparing and rebuilds
// them from the submitted input when accepting: the signature covers these bytes and nothing
// else, so a field changed between the two is refused as CONTENT_MISMATCH. No clock inside:
// the nonce makes each document unique, and the same input always gives the same bytes.
import { canonicalJsonBytes, type JsonValue } from "@/lib/kep/canonical-json";
import type { DecisionChange } from "./schemas";

export type SigningAuthority = { id: string; edrpou: string; name: string };

/** A decision as it is recorded: what the official entered plus what follows from it. */
export type DecisionRecord = {
  edrpou: string;
  enterpriseName: string;
  number: string;
  decidedOn: string;
  criteria: string[];
  salaryExemption: string | null;
  limitCategory: string;
  limitPercent: number;
  militaryLiableCount: number;
  headcount: number | null;
  limitCount: number;
  validFrom: string;
  validUntil: string;
  /** The end after a ruleset's cap (Resolution 692), which may be earlier than validUntil. */
  effectiveUntil: string;
  rulesetVersion: string;
};

function decisionJson(d: DecisionRecord): JsonValue {
  return {
    enterprise: { edrpou: d.edrpou, name: d.enterpriseName },
    number: d.number,
    decidedOn: d.decidedOn,
    criteria: d.criteria,
    salaryExemption: d.salaryExemption,
    limit: {
      category: d.limitCategory,
      percent: d.limitPercent,
      militaryLiableCount: d.militaryLiableCount,
      headcount: d.headcount,
      count: d.limitCount,
    },
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    effectiveUntil: d.effectiveUntil,
    rulesetVersion: d.rulesetVersion,
  };
}

function authorityJson(a: SigningAuthority): JsonValue {
  return { id: a.id, edrpou: a.edrpou, name: a.name };
}

export function buildGrantDocument(input: {
  authority: SigningAuthority;
  decision: DecisionRecord;
  nonce: string;
}): Uint8Array {
  return canonicalJsonBytes({
    document: "CRITICAL_DECISION",
    version: 1,
    title: "Рішення про визнання підприємства критично важливим",
    authority: authorityJson(input.authority),
    decision: decisionJson(input.decision),
    nonce: input.nonce,
  });
}

export type ChangeSubject = { id: string; edrpou: string; enterpriseName: string; number: string; decidedOn: string };

const CHANGE_TITLES: Record<DecisionChange["action"], string> = {
  CONFIRM: "Підтвердження статусу критично важливого підприємства",
  EXTEND: "Продовження строку дії рішення про критичність",
  CHANGE_LIMIT: "Зміна ліміту бронювання",
  REVOKE: "Скасування рішення про визнання підприємства критично важливим",
};

/** `before` and `after` hold exactly the fields the act changes, so the signer sees the difference. */
export function buildChangeDocument(input: {
  authority: SigningAuthority;
  decision: ChangeSubject;
  action: DecisionChange["action"];
  reason: string;
  before: Record<string, JsonValue>;
  after: Record<string, JsonValue>;
  nonce: string;
}): Uint8Array {
  return canonicalJsonBytes({
    document: "DECISION_CHANGE",
    version: 1,
    title: CHANGE_TITLES[input.action],
    action: input.action,
    authority: authorityJson(input.authority),
    decision: { ...input.decision },
    reason: input.reason,
    before: input.before,
    after: input.after,
    nonce: input.nonce,
  });
}

export function buildImportDocument(input: {
  authority: SigningAuthority;
  decisions: DecisionRecord[];
  nonce: string;
}): Uint8Array {
  return canonicalJsonBytes({
    document: "DECISION_IMPORT",
    version: 1,
    title: "Пакет рішень про визнання підприємств критично важливими",
    authority: authorityJson(input.authority),
    count: input.decisions.length,
    decisions: input.decisions.map(decisionJson),
    nonce: input.nonce,
  });
}

export const CHANGE_ACTION_LABELS = CHANGE_TITLES;
