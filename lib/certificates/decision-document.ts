import { canonicalJson } from "@/lib/kep/canonical-json";
import type { CertificateDecision } from "./schemas";
import type { UnitRequest } from "./load-unit-request";

// The exact bytes a staff officer signs: the request, the person, the unit's periods as the
// officer saw them, the decision (and its reason) and a one-time nonce. The server rebuilds them
// from the database at submission, so the officer signs what they saw and nothing else.

export const CERTIFICATE_DECISION_NONCE_PURPOSE = "certificate-decision";

export function certificateDecisionDocument(
  request: UnitRequest,
  decision: CertificateDecision,
  nonce: string,
): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({
      type: "bronya/certificate-decision",
      requestId: request.id,
      unit: { code: request.unit.code, name: request.unit.name },
      person: { rnokpp: request.person.rnokpp, fullName: request.person.fullName },
      periods: request.periods
        .filter((period) => period.defenceConfirmedOn === null)
        .map((period) => ({
          id: period.id,
          position: period.position,
          fromDate: period.fromDate,
          untilDate: period.untilDate,
        })),
      decision: decision.decision,
      ...(decision.decision === "REFUSE" ? { reason: decision.reason } : {}),
      nonce,
    }),
  );
}
