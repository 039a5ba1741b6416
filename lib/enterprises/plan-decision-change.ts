import "server-only";
import type { DbClient } from "@/lib/db/transaction";
import { AppError, isAppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { JsonValue } from "@/lib/kep/canonical-json";
import { registryFor } from "@/lib/registry";
import {
  CRITERIA,
  checkDecisionCriteria,
  computeLimitCount,
  isoDateToUtc,
  limitRuleFor,
  rulesetFor,
  type IsoDate,
} from "@/lib/rules";
import { decisionStateOn } from "./decision-state";
import { capFor, lastDayOfTerm } from "@/lib/rules";
import type { LoadedDecision } from "./load-decision";
import { checkAgainstRegister } from "./register-consistency";
import type { DecisionChange } from "./schemas";

// What a signed act does to a decision, worked out the same way when preparing the document
// and when accepting the signature: the guard on the decision's state, the act's own rules,
// the fields before and after (they go into the signed document), and the update to write.

export type ChangePlan = {
  before: Record<string, JsonValue>;
  after: Record<string, JsonValue>;
  update: Record<string, unknown>;
  eventKind: "CONFIRMED" | "EXTENDED" | "LIMIT_CHANGED" | "REVOKED";
};

const CRITERIA_ORDER = CRITERIA.map((c) => c.code as string);

function refuse(field: string, message: string): never {
  throw new AppError("VALIDATION_FAILED", message, { fields: { [field]: message } });
}

export async function planDecisionChange(
  ctx: { db: DbClient },
  options: { decision: LoadedDecision; change: DecisionChange; today: IsoDate },
): Promise<ChangePlan> {
  const tx = ctx.db;
  const { decision: d, change, today } = options;
  const ruleset = rulesetFor(today);
  const { state, effectiveUntil } = decisionStateOn(d, today, ruleset);
  if (state === "REVOKED") throw new AppError("CONFLICT", "Рішення вже скасовано");
  if (state === "EXPIRED" && change.action !== "REVOKE") {
    throw new AppError("CONFLICT", `Строк дії рішення минув ${formatDate(effectiveUntil)}: ухваліть нове рішення`);
  }

  switch (change.action) {
    case "CONFIRM": {
      const criteria = [...change.criteria].sort((a, b) => CRITERIA_ORDER.indexOf(a) - CRITERIA_ORDER.indexOf(b));
      const check = checkDecisionCriteria({
        criteria,
        salaryExemption: change.salaryExemption,
        ruleset,
        limitCategory: d.limitCategory,
      });
      if (!check.ok) refuse("criteria", check.problems.map((p) => p.message).join(". "));
      const enterprise = await registryFor(tx).findEnterprise(d.edrpou);
      if (enterprise) {
        const problems = checkAgainstRegister({ criteria, salaryExemption: change.salaryExemption }, enterprise);
        if (problems.salaryExemption) refuse("salaryExemption", problems.salaryExemption);
        if (problems.criteria) refuse("criteria", problems.criteria);
      }
      return {
        before: { criteria: d.criteria, salaryExemption: d.salaryExemption },
        after: { criteria, salaryExemption: change.salaryExemption },
        update: { criteria, salaryExemption: change.salaryExemption },
        eventKind: "CONFIRMED",
      };
    }
    case "EXTEND": {
      if (change.validUntil <= d.validUntil)
        refuse("validUntil", `Нова дата має бути пізнішою за чинну (${formatDate(d.validUntil)})`);
      const latest = lastDayOfTerm(d.validFrom > today ? d.validFrom : today);
      if (change.validUntil > latest)
        refuse(
          "validUntil",
          `Статус підтверджується щонайменше раз на рік: продовжити можна не далі ніж до ${formatDate(latest)}`,
        );
      const cap = capFor(d.decidedOn, change.validUntil, ruleset);
      if (cap) {
        refuse(
          "validUntil",
          `${cap.basis}: рішення, ухвалене до ${formatDate(cap.decidedBefore)}, діє не довше ${formatDate(cap.endsNoLaterThan)}. Ухваліть нове рішення`,
        );
      }
      return {
        before: { validUntil: d.validUntil },
        after: { validUntil: change.validUntil },
        update: { validUntil: isoDateToUtc(change.validUntil) },
        eventKind: "EXTENDED",
      };
    }
    case "CHANGE_LIMIT": {
      let limitCount: number;
      try {
        limitCount = computeLimitCount({
          category: change.limitCategory,
          militaryLiableCount: change.militaryLiableCount,
          headcount: change.headcount,
          ruleset,
        });
      } catch (error) {
        if (isAppError(error) && error.fields)
          throw new AppError("VALIDATION_FAILED", error.message, { fields: error.fields });
        throw error;
      }
      const rule = limitRuleFor(change.limitCategory, ruleset);
      const headcount = rule.base === "HEADCOUNT" ? change.headcount : null;
      // A headcount only belongs to a headcount-based category; elsewhere it is not part of the limit.
      const beforeHeadcount = limitRuleFor(d.limitCategory, ruleset).base === "HEADCOUNT" ? d.headcount : null;
      const before = {
        limitCategory: d.limitCategory,
        limitPercent: d.limitPercent,
        militaryLiableCount: d.militaryLiableCount,
        headcount: beforeHeadcount,
        limitCount: d.limitCount,
      };
      const after = {
        limitCategory: change.limitCategory,
        limitPercent: rule.percent,
        militaryLiableCount: change.militaryLiableCount,
        headcount,
        limitCount,
      };
      if (JSON.stringify(before) === JSON.stringify(after))
        refuse("limitCategory", "Ліміт і його основа не змінюються");
      return { before, after, update: after, eventKind: "LIMIT_CHANGED" };
    }
    case "REVOKE":
      return {
        before: { status: "ACTIVE" },
        after: { status: "REVOKED" },
        update: { status: "REVOKED", revocationReason: change.reason },
        eventKind: "REVOKED",
      };
  }
}
