import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { CERTIFICATE_DECISION_NONCE_PURPOSE, certificateDecisionDocument } from "./decision-document";
import { loadUnitRequest } from "./load-unit-request";
import { ZCertificateDecision } from "./schemas";

const PREPARED_TTL_SECONDS = 30 * 60;

/** Step one of the staff officer's decision: the exact document to sign, with a fresh nonce. Nothing is decided yet. */
export async function prepareCertificateDecision(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ document: string; nonce: string }> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const decision = parseInput(ZCertificateDecision, input);
  const request = await loadUnitRequest({ ...ctx, actor }, decision.requestId);
  if (request.status !== "PENDING") throw new AppError("CERTIFICATE_REQUEST_DECIDED");
  const nonce = await issueNonce(ctx, {
    purpose: CERTIFICATE_DECISION_NONCE_PURPOSE,
    ttlSeconds: PREPARED_TTL_SECONDS,
  });
  return {
    document: Buffer.from(certificateDecisionDocument(request, decision, nonce.value)).toString("base64"),
    nonce: nonce.value,
  };
}
