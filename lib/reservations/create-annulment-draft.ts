import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { decideAnnulment } from "@/lib/rules";
import { refuseDuplicates } from "@/lib/rules/validate-facts";
import { assertAnnulmentSpacing } from "./assert-annulment-spacing";
import { insertDraft } from "./bulk-inserts";
import { annulmentDocument } from "./canonical-documents";
import { DRAFT_NONCE_PURPOSE, DRAFT_TTL_SECONDS } from "./constants";
import { ZCreateAnnulmentDraftInput } from "./draft-input";
import type { AnnulmentDraftPayload, AnnulmentPrecheck } from "./draft-payload";
import { findEmployedHere } from "./employed-here";
import { findEnterpriseDecision } from "./find-enterprise-decision";
import { annulmentRefusalViews } from "./reason-views";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { AnnulmentDraft, AnnulmentPrecheckItem } from "./types";
import { kyivDate } from "@/lib/format";

// A head's annulment, step one: employees of the enterprise and a ground the head may choose
// (HEAD_ANNULMENT_GROUNDS). The rules pre-check it — a ground the head may not use or that
// does not hold is refused now, with its code; an employee with no active reservation here is
// shown as "not reserved here" — and the exact bytes to sign are frozen in a draft.

export type CreateAnnulmentDraftInput = {
  edrpou: string;
  /** A code of HEAD_ANNULMENT_GROUNDS. */
  ground: string;
  employees: ReadonlyArray<{ rnokpp: string }>;
};

export async function createAnnulmentDraft(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  raw: CreateAnnulmentDraftInput,
): Promise<AnnulmentDraft> {
  const input = parseInput(ZCreateAnnulmentDraftInput, {
    edrpou: raw.edrpou,
    ground: raw.ground,
    employees: raw.employees,
  });
  const rnokpps = input.employees.map((e) => e.rnokpp);
  refuseDuplicates(rnokpps);
  const { actor, db, registry, now } = ctx;
  const date = kyivDate(now);

  const { enterprise } = await resolveEnterpriseAccess(ctx, {
    edrpou: input.edrpou,
    permission: "applications.prepare",
  });
  const [decision, mine, people, employed] = await Promise.all([
    findEnterpriseDecision(ctx, { edrpou: input.edrpou, date }),
    registry.findActiveMarksAt(input.edrpou, { rnokpps }),
    registry.findPeople(rnokpps),
    findEmployedHere(registry, input.edrpou, rnokpps, date),
  ]);
  const outcome = decideAnnulment({
    date,
    enterprise: { edrpou: enterprise.edrpou, liquidatedOn: enterprise.liquidatedOn },
    decision: decision?.facts ?? null,
    ground: input.ground,
    employees: rnokpps.map((rnokpp) => ({ rnokpp, employedHere: employed.has(rnokpp) })),
    reservations: mine.map((m) => ({ id: m.id, rnokpp: m.rnokpp, from: m.fromDate, until: m.untilDate })),
  });
  // After the ground's checks (a wrong ground is the head's to fix whenever they file).
  await assertAnnulmentSpacing({ db }, { edrpou: enterprise.edrpou, date });
  const untilOf = new Map(mine.map((m) => [m.id, m.untilDate]));

  const precheck: AnnulmentPrecheckItem[] = outcome.employees.map((e, index) => ({
    position: index + 1,
    rnokpp: e.rnokpp,
    // Someone who is neither employed nor reserved here stays nameless, in the draft and the signed bytes.
    fullName: e.reasons.some((r) => r.code === "NOT_AN_EMPLOYEE") ? null : (people.get(e.rnokpp)?.fullName ?? null),
    annul: e.verdict === "ANNUL",
    reasons: annulmentRefusalViews(e.reasons),
    reservedUntil:
      e.reservationIds
        .map((id) => untilOf.get(id)!)
        .sort()
        .at(-1) ?? null,
  }));

  return inTransaction(
    db,
    async (tx) => {
      const nonce = await issueNonce(
        { db: tx, now },
        { purpose: DRAFT_NONCE_PURPOSE.ANNULMENT, ttlSeconds: DRAFT_TTL_SECONDS },
      );
      const employees = precheck.map((p) => ({
        rnokpp: p.rnokpp,
        fullName: p.fullName,
        reservedUntil: p.reservedUntil,
      }));
      const document = annulmentDocument({
        edrpou: enterprise.edrpou,
        enterpriseName: enterprise.name,
        ground: outcome.ground,
        employees,
        rulesetVersion: outcome.rulesetVersion,
        precheckDate: date,
        preparedBy: { rnokpp: actor.rnokpp!, fullName: actor.fullName },
        nonce: nonce.value,
        createdAt: now,
      });
      const draft = await insertDraft(tx, {
        kind: "ANNULMENT",
        edrpou: enterprise.edrpou,
        createdByUserId: actor.userId,
        createdByRnokpp: actor.rnokpp!,
        document,
        nonce: nonce.value,
        payload: { employees, ground: outcome.ground } satisfies AnnulmentDraftPayload,
        precheck: {
          date,
          rulesetVersion: outcome.rulesetVersion,
          ground: outcome.ground,
          items: precheck,
        } satisfies AnnulmentPrecheck,
        employeeCount: precheck.length,
        passingCount: precheck.filter((p) => p.annul).length,
        createdAt: now,
        expiresAt: nonce.expiresAt,
      });
      return {
        draftId: draft.id,
        document,
        expiresAt: nonce.expiresAt,
        date,
        rulesetVersion: outcome.rulesetVersion,
        ground: outcome.ground,
        precheck,
      };
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
}
