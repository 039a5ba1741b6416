import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { AppError, isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { registryFor, type EnterpriseRecord } from "@/lib/registry";
import {
  CRITERIA,
  checkDecisionCriteria,
  computeLimitCount,
  limitRuleFor,
  rulesetFor,
  type IsoDate,
} from "@/lib/rules";
import type { ActingAuthority } from "./acting-authority";
import { checkCompetence } from "./competence";
import type { DecisionRecord } from "./decision-documents";
import { checkDecisionTerms } from "@/lib/rules";
import { findActiveDecision } from "./find-active-decision";
import { checkAgainstRegister } from "./register-consistency";
import type { NewDecisionInput } from "./schemas";

// Every check a new decision must pass, shared by the form, its signed submission and each row
// of an import: the register knows the enterprise, it is in the authority's competence, no
// decision of any authority is in force or pending for it, the criteria make it critical, the
// term is lawful, the limit computes, the number is free. Problems come back per field so the
// form and the import preview can show each one where it belongs.

export type NewDecisionField = keyof NewDecisionInput;
export type NewDecisionAssessment =
  | { ok: true; decision: DecisionRecord; enterprise: EnterpriseRecord }
  | { ok: false; problems: Partial<Record<NewDecisionField, string>>; enterprise: EnterpriseRecord | null };

const CRITERIA_ORDER = CRITERIA.map((c) => c.code as string);

export async function assessNewDecision(
  ctx: { db: DbClient },
  options: { authority: ActingAuthority; input: NewDecisionInput; today: IsoDate },
): Promise<NewDecisionAssessment> {
  const tx = ctx.db;
  const { authority, input, today } = options;
  const problems: Partial<Record<NewDecisionField, string>> = {};

  const enterprise = await registryFor(tx).findEnterprise(input.edrpou);
  if (!enterprise) {
    problems.edrpou = `Підприємство з кодом ЄДРПОУ ${input.edrpou} не знайдено в Єдиному державному реєстрі`;
  } else if (enterprise.liquidatedOn && enterprise.liquidatedOn <= today) {
    problems.edrpou = `Підприємство ліквідовано ${formatDate(enterprise.liquidatedOn)}`;
  } else {
    const competence = checkCompetence(authority, enterprise);
    if (!competence.ok) problems.edrpou = competence.message;
    else {
      const active = await findActiveDecision({ db: tx }, { edrpou: input.edrpou, today });
      if (active) {
        const who = active.authorityId === authority.id ? "вашого органу" : active.authorityShortName;
        problems.edrpou = `Підприємство вже має чинне рішення (${who}, № ${active.number} від ${formatDate(active.decidedOn)}, діє до ${formatDate(active.effectiveUntil)})`;
      }
    }
    Object.assign(problems, checkAgainstRegister(input, enterprise));
  }

  const todayRules = rulesetFor(today);
  const terms = checkDecisionTerms({ ...input, today, ruleset: todayRules });
  Object.assign(problems, terms.problems);

  // The decision is made under the rules in force on its date: its criteria and its limit.
  let ruleset = todayRules;
  if (!terms.problems.decidedOn) {
    try {
      ruleset = rulesetFor(input.decidedOn);
    } catch {
      problems.decidedOn = `Немає правил бронювання, чинних на ${formatDate(input.decidedOn)}`;
    }
  }
  const criteria = checkDecisionCriteria({
    criteria: input.criteria,
    salaryExemption: input.salaryExemption,
    ruleset,
    limitCategory: input.limitCategory,
  });
  if (!criteria.ok) {
    const exemption = criteria.problems.find(
      (p) => p.code === "UNKNOWN_EXEMPTION" || p.code === "EXEMPTION_NOT_IN_FORCE",
    );
    if (exemption) problems.salaryExemption ??= exemption.message;
    const rest = criteria.problems.filter((p) => p !== exemption);
    if (rest.length > 0)
      problems.criteria = [problems.criteria, ...rest.map((p) => p.message)].filter(Boolean).join(". ");
  }

  let limitCount = 0;
  try {
    limitCount = computeLimitCount({
      category: input.limitCategory,
      militaryLiableCount: input.militaryLiableCount,
      headcount: input.headcount,
      ruleset,
    });
  } catch (error) {
    if (!isAppError(error) || !error.fields) throw error;
    for (const [field, message] of Object.entries(error.fields)) {
      if (field === "headcount" || field === "militaryLiableCount" || field === "limitCategory")
        problems[field] ??= message;
    }
  }

  const taken = await tx.criticalDecision.findUnique({
    where: { authorityId_number: { authorityId: authority.id, number: input.number } },
    select: { id: true },
  });
  if (taken) problems.number = `Рішення № ${input.number} у вашому органі вже є`;

  if (Object.keys(problems).length > 0 || !enterprise) return { ok: false, problems, enterprise };
  const base = limitRuleFor(input.limitCategory, ruleset);
  return {
    ok: true,
    enterprise,
    decision: {
      edrpou: enterprise.edrpou,
      enterpriseName: enterprise.name,
      number: input.number,
      decidedOn: input.decidedOn,
      criteria: [...input.criteria].sort((a, b) => CRITERIA_ORDER.indexOf(a) - CRITERIA_ORDER.indexOf(b)),
      salaryExemption: input.salaryExemption,
      limitCategory: input.limitCategory,
      limitPercent: base.percent,
      militaryLiableCount: input.militaryLiableCount,
      // Only the headcount-based category keeps the headcount: elsewhere it is not part of the decision.
      headcount: base.base === "HEADCOUNT" ? input.headcount : null,
      limitCount,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      effectiveUntil: terms.effectiveUntil!,
      rulesetVersion: ruleset.version,
    },
  };
}

/** For callers that refuse at the first problem: the form's submission. */
export function assertAssessed(assessment: NewDecisionAssessment): Extract<NewDecisionAssessment, { ok: true }> {
  if (assessment.ok) return assessment;
  const messages = Object.values(assessment.problems);
  throw new AppError(
    "VALIDATION_FAILED",
    messages.length === 1 ? messages[0] : "Рішення не можна ухвалити: виправте позначені поля",
    {
      fields: assessment.problems as Record<string, string>,
    },
  );
}
