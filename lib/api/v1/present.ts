import type {
  ApplicationView,
  EmployeeList,
  AnnulmentDraft,
  ReservationDraft,
  SubmittedApplication,
} from "@/lib/reservations";

// Domain results → the HR API's JSON. Money leaves as hryvnias (a number with at most two
// decimals), bytes as base64, reasons as codes with their Ukrainian messages beside them.

const uah = (kopiykas: number | null) => (kopiykas === null ? null : kopiykas / 100);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function presentEmployees(list: EmployeeList) {
  return {
    items: list.items.map((e) => ({
      rnokpp: e.rnokpp,
      fullName: e.fullName,
      position: e.position,
      salary: uah(e.salary),
      militaryStatus: e.militaryStatus,
      eligible: e.eligible,
      reasons: e.reasons.map((r) => r.code),
      messages: e.reasons.map((r) => r.message),
      reservedUntil: e.reservedUntil,
      state: e.state,
    })),
    total: list.total,
    page: list.page,
    pageSize: list.pageSize,
    date: list.date,
    limit: list.limit,
  };
}

export function presentReservationDraft(draft: ReservationDraft) {
  return {
    draftId: draft.draftId,
    document: base64(draft.document),
    expiresAt: draft.expiresAt.toISOString(),
    date: draft.date,
    ruleset: draft.rulesetVersion,
    precheck: draft.precheck.map((p) => ({
      position: p.position,
      rnokpp: p.rnokpp,
      fullName: p.fullName,
      salary: uah(p.salary),
      eligible: p.eligible,
      reasons: p.reasons.map((r) => r.code),
      messages: p.reasons.map((r) => r.message),
      reservedFrom: p.reservedFrom,
      reservedUntil: p.reservedUntil,
      extension: p.extension,
    })),
    limit: draft.limit,
  };
}

export function presentAnnulmentDraft(draft: AnnulmentDraft) {
  return {
    draftId: draft.draftId,
    document: base64(draft.document),
    expiresAt: draft.expiresAt.toISOString(),
    date: draft.date,
    ruleset: draft.rulesetVersion,
    ground: draft.ground,
    precheck: draft.precheck.map((p) => ({
      position: p.position,
      rnokpp: p.rnokpp,
      fullName: p.fullName,
      annul: p.annul,
      reasons: p.reasons.map((r) => r.code),
      messages: p.reasons.map((r) => r.message),
      reservedUntil: p.reservedUntil,
    })),
  };
}

export function presentSubmitted(submitted: SubmittedApplication) {
  return { applicationId: submitted.applicationId, status: submitted.status, repeated: submitted.repeated };
}

export function presentApplication(view: ApplicationView) {
  return {
    id: view.id,
    kind: view.kind,
    status: view.status,
    edrpou: view.edrpou,
    ground: view.ground?.code ?? null,
    ruleset: view.rulesetVersion,
    submittedAt: view.submittedAt.toISOString(),
    decidedAt: view.decidedAt?.toISOString() ?? null,
    counts: view.counts,
    failureReason: view.failureReason,
    items: view.items.map((i) => ({
      position: i.position,
      rnokpp: i.rnokpp,
      fullName: i.fullName || null,
      decision: i.decision,
      reasons: i.reasons.map((r) => r.code),
      messages: i.reasons.map((r) => r.message),
      reservedFrom: i.reservedFrom,
      reservedUntil: i.reservedUntil,
    })),
  };
}
