import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import type { Prisma } from "@/lib/db/client";
import { notify } from "@/lib/notifications";
import { registryFor } from "@/lib/registry";
import { decideAnnulment, type IsoDate } from "@/lib/rules";
import { annulReservations } from "./annul-reservations";
import { findEmployedHere } from "./employed-here";
import { findEnterpriseDecision } from "./find-enterprise-decision";
import { annulmentDecidedNotice } from "./lifecycle-notifications";
import type { LockedApplication } from "./locked-application";
import { readApplicationItems } from "./read-application-items";
import { writeItemDecisions, type ItemDecisionRow } from "./write-item-decisions";

// A head's signed annulment decided inside the worker's transaction (locks held): each listed
// employee with an active reservation here is annulled through annulReservations, the others
// are refused NOT_RESERVED_HERE (NOT_AN_EMPLOYEE when not employed here either). A ground that no longer holds (the decision was extended
// since the draft) throws the rules' 400 error: the caller records the application as FAILED.

/** Runs in the caller's transaction: `ctx.db` is the worker's transaction, its locks held. */
export async function decideAnnulmentRequest(
  ctx: Ctx<"db" | "now">,
  input: { application: LockedApplication; date: IsoDate },
): Promise<{ annulled: number; refused: number }> {
  const { db: tx, now } = ctx;
  const { application, date } = input;
  const registry = registryFor(tx);
  const items = await readApplicationItems(tx, application.id);
  const enterprise = await registry.findEnterprise(application.edrpou);
  const decision = await findEnterpriseDecision({ db: tx }, { edrpou: application.edrpou, date });
  const listed = new Set(items.map((i) => i.rnokpp));
  const marks = await registry.findActiveMarksAt(application.edrpou, { rnokpps: [...listed] });
  const employed = await findEmployedHere(registry, application.edrpou, [...listed], date);

  const outcome = decideAnnulment({
    date,
    enterprise: { edrpou: application.edrpou, liquidatedOn: enterprise?.liquidatedOn ?? null },
    decision: decision?.facts ?? null,
    ground: application.ground ?? "",
    employees: items.map((i) => ({ rnokpp: i.rnokpp, employedHere: employed.has(i.rnokpp) })),
    reservations: marks.map((m) => ({ id: m.id, rnokpp: m.rnokpp, from: m.fromDate, until: m.untilDate })),
  });

  const annulled = await annulReservations(tx, {
    edrpou: application.edrpou,
    markIds: outcome.employees.flatMap((e) => e.reservationIds),
    ground: outcome.ground,
    on: date,
    actor: { rnokpp: application.signerRnokpp, role: "ENTERPRISE_HEAD" },
    applicationId: application.id,
    now,
    notifyHead: false,
  });
  const byMark = new Map(annulled.map((a) => [a.markId, a]));

  const rows: ItemDecisionRow[] = outcome.employees.map((e, index) => {
    const ended = e.reservationIds.map((id) => byMark.get(id)).filter((a) => a !== undefined);
    return {
      id: items[index]!.id,
      decision: e.verdict === "ANNUL" ? "ANNULLED" : "REFUSED",
      codes: e.reasons.map((r) => r.code),
      details: { reasons: e.reasons, markIds: e.reservationIds } as unknown as Prisma.InputJsonValue,
      reservedFrom: null,
      reservedUntil: ended[0]?.untilDate ?? null,
      reservationId: ended.find((a) => a.reservationId !== null)?.reservationId ?? null,
    };
  });
  await writeItemDecisions(tx, application.id, rows);

  const counts = { annulled: outcome.counts.annul, refused: outcome.counts.refuse };
  await tx.application.update({
    where: { id: application.id },
    data: {
      status: "DECIDED",
      decidedAt: now,
      rulesetVersion: outcome.rulesetVersion,
      decisionId: decision?.id ?? null,
      // For an annulment the first count is of reservations annulled.
      reservedCount: counts.annulled,
      refusedCount: counts.refused,
    },
  });
  await writeAudit(tx, {
    actor: null,
    action: "annulment.decide",
    entityType: "Application",
    entityId: application.id,
    edrpou: application.edrpou,
    details: { ...counts, date, ground: outcome.ground, rulesetVersion: outcome.rulesetVersion },
  });
  const heads = new Set([enterprise?.headRnokpp, application.signerRnokpp].filter((r): r is string => !!r));
  await notify(
    tx,
    [...heads].map((head) => annulmentDecidedNotice(head, application.id, counts)),
  );
  return counts;
}
