import "server-only";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { decideApplication, employmentOn } from "@/lib/rules";
import { refuseDuplicates } from "@/lib/rules/validate-facts";
import { insertDraft } from "./bulk-inserts";
import { reservationDocument } from "./canonical-documents";
import { DRAFT_NONCE_PURPOSE, DRAFT_TTL_SECONDS } from "./constants";
import { ZCreateReservationDraftInput } from "./draft-input";
import type { ReservationDraftPayload, ReservationPrecheck } from "./draft-payload";
import { cachedEmployeeListModel } from "./employee-list-model";
import { loadApplicationFacts } from "./load-application-facts";
import { reasonViews } from "./reason-views";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { PrecheckItem, ReservationDraft } from "./types";
import { kyivDate } from "@/lib/format";

// Step one of an application: the head or an authorized person lists employees; the server
// pre-checks them with the very function the worker will decide with, and freezes the exact
// bytes the head is to sign. Nothing is reserved here and the limit is not held: the decision
// re-reads every fact. Reads run outside the transaction (in parallel); only the nonce and
// the draft are written, together.

export type CreateReservationDraftInput = {
  edrpou: string;
  /** In the head's order; `salary` (kopiykas) is the figure the head confirms, else the registry's counts. */
  employees: ReadonlyArray<{ rnokpp: string; salary?: number }>;
};

/** From this many employees listed, a draft takes the records of the employee list's model at hand. */
const DRAFT_FROM_MODEL_FROM = 500;

export async function createReservationDraft(
  ctx: Ctx<"actor" | "db" | "now" | "registry">,
  raw: CreateReservationDraftInput,
): Promise<ReservationDraft> {
  const input = parseInput(ZCreateReservationDraftInput, { edrpou: raw.edrpou, employees: raw.employees });
  refuseDuplicates(input.employees.map((e) => e.rnokpp));
  const { actor, db, now } = ctx;
  const date = kyivDate(now);

  const { enterprise } = await resolveEnterpriseAccess(ctx, {
    edrpou: input.edrpou,
    permission: "applications.prepare",
  });
  const listed = input.employees.map((e) => ({ rnokpp: e.rnokpp, confirmedSalary: e.salary ?? null }));
  // The list the head chose from is usually at hand in this process (the employee list's model,
  // brought to the registry's current version), and for the largest enterprises the worker keeps
  // one in Postgres (a draft sent through the HR API starts from it): its records are not read again. Only for a long
  // list: bringing the model up to date may mean building it whole, which costs a long list about
  // what reading it does, and a short one far more. A model that fails is no reason to fail here.
  const model =
    listed.length >= DRAFT_FROM_MODEL_FROM
      ? await cachedEmployeeListModel(ctx, { edrpou: input.edrpou, date, storedUpTo: listed.length * 4 }).catch(
          () => null,
        )
      : null;
  const loaded = await loadApplicationFacts(ctx, {
    edrpou: input.edrpou,
    date,
    employees: listed,
    known: model?.staff,
  });
  const outcome = decideApplication(loaded.facts);

  const precheck: PrecheckItem[] = outcome.employees.map((decided, index) => {
    // Someone who is not the enterprise's employee gets one generic refusal (the rules' NOT_AN_EMPLOYEE):
    // no name, no salary from the registry, in the draft and in the signed bytes alike.
    const outsider = decided.reasons.some((r) => r.code === "NOT_AN_EMPLOYEE");
    const record = outsider ? undefined : loaded.staff.get(decided.rnokpp);
    const employment = record ? employmentOn(record.employments, date) : null;
    const registrySalary = employment?.employed ? employment.record.salaryKop : null;
    return {
      position: index + 1,
      rnokpp: decided.rnokpp,
      fullName: record?.person.fullName ?? null,
      // By signing, the head confirms their own figure or, without one, the registry's.
      salary: listed[index]!.confirmedSalary ?? registrySalary,
      eligible: decided.verdict === "RESERVE",
      reasons: reasonViews(decided.reasons),
      reservedFrom: decided.term?.from ?? null,
      reservedUntil: decided.term?.until ?? null,
      extension: decided.extension,
      exception45: decided.exception45?.applied === true,
    };
  });
  const limit = {
    total: outcome.limit.total,
    used: outcome.limit.usedBefore,
    available: outcome.limit.availableBefore,
  };

  return inTransaction(
    db,
    async (tx) => {
      const nonce = await issueNonce(
        { db: tx, now },
        { purpose: DRAFT_NONCE_PURPOSE.RESERVATION, ttlSeconds: DRAFT_TTL_SECONDS },
      );
      const document = reservationDocument({
        edrpou: enterprise.edrpou,
        enterpriseName: enterprise.name,
        decision: loaded.decision
          ? {
              number: loaded.decision.number,
              authority: loaded.decision.authorityName,
              decidedOn: loaded.decision.decidedOn,
            }
          : null,
        employees: precheck.map((p) => ({ rnokpp: p.rnokpp, fullName: p.fullName, salary: p.salary })),
        rulesetVersion: outcome.rulesetVersion,
        precheckDate: date,
        preparedBy: { rnokpp: actor.rnokpp!, fullName: actor.fullName },
        nonce: nonce.value,
        createdAt: now,
      });
      const draft = await insertDraft(tx, {
        kind: "RESERVATION",
        edrpou: enterprise.edrpou,
        createdByUserId: actor.userId,
        createdByRnokpp: actor.rnokpp!,
        document,
        nonce: nonce.value,
        payload: {
          employees: precheck.map((p) => ({ rnokpp: p.rnokpp, fullName: p.fullName, salary: p.salary })),
          decisionId: loaded.decision?.id ?? null,
        } satisfies ReservationDraftPayload,
        precheck: {
          date,
          rulesetVersion: outcome.rulesetVersion,
          limit,
          items: precheck,
        } satisfies ReservationPrecheck,
        employeeCount: precheck.length,
        passingCount: precheck.filter((p) => p.eligible).length,
        createdAt: now,
        expiresAt: nonce.expiresAt,
      });
      return {
        draftId: draft.id,
        document,
        expiresAt: nonce.expiresAt,
        date,
        rulesetVersion: outcome.rulesetVersion,
        precheck,
        limit,
      };
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
}
