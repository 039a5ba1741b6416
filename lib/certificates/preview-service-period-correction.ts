import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { withDb } from "@/lib/context-server";
import { inTransaction } from "@/lib/db/transaction";
import { parseInput } from "@/lib/errors";
import { kyivDate } from "@/lib/format";
import { issueNonce } from "@/lib/kep/nonce/issue-nonce";
import { ZServicePeriodCorrection } from "./schemas";
import {
  SERVICE_PERIOD_CORRECTION_NONCE_PURPOSE,
  applyServicePeriodCorrection,
  assertCorrectionApplies,
  loadUnitServicePeriod,
  servicePeriodCorrectionDocument,
} from "./service-period-correction";

const PREPARED_TTL_SECONDS = 30 * 60;

export type ServicePeriodCorrectionPreview = {
  /** The certificates the correction would revoke, the oldest first. */
  revokes: Array<{ number: string; issuedAt: Date }>;
  /** The document to sign (base64) and its one-time nonce. */
  document: string;
  nonce: string;
};

/**
 * Step one of a correction: which certificates it would revoke, and the document to sign. The
 * correction is applied inside a savepoint and rolled back, so the list comes from the very rules
 * the signed correction runs; nothing but the nonce is kept.
 */
export async function previewServicePeriodCorrection(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<ServicePeriodCorrectionPreview> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const correction = parseInput(ZServicePeriodCorrection, input);
  const today = kyivDate(ctx.now);

  const { loaded, revokes } = await inTransaction(ctx.db, async (tx) => {
    const txCtx = withDb({ ...ctx, actor }, tx);
    const loaded = await loadUnitServicePeriod(txCtx, correction.periodId);
    assertCorrectionApplies(loaded, correction, today);
    await tx.$executeRaw`SAVEPOINT service_period_preview`;
    try {
      const outdated = await applyServicePeriodCorrection(txCtx, tx, {
        periodId: correction.periodId,
        correction,
        today,
      });
      return { loaded, revokes: outdated.map(({ number, issuedAt }) => ({ number, issuedAt })) };
    } finally {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT service_period_preview`;
    }
  });
  const nonce = await issueNonce(ctx, {
    purpose: SERVICE_PERIOD_CORRECTION_NONCE_PURPOSE,
    ttlSeconds: PREPARED_TTL_SECONDS,
  });
  const document = servicePeriodCorrectionDocument(
    loaded,
    correction,
    revokes.map((row) => row.number),
    nonce.value,
  );
  return { revokes, document: Buffer.from(document).toString("base64"), nonce: nonce.value };
}
