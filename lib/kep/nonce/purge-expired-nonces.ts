import "server-only";
import { db as defaultDb, type DbTx } from "@/lib/db/client";

// Expired one-time values are dead weight: a signature over one is refused whether its row is
// there (NONCE_EXPIRED / NONCE_USED) or gone (NONCE_UNKNOWN), and a signature itself can never be
// accepted twice (SignedDocument.signatureSha256 is unique). A day's grace keeps the precise
// refusal for a signer who comes back late.

export async function purgeExpiredNonces(options: { db?: DbTx; now?: Date; graceHours?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.graceHours ?? 24) * 3_600_000);
  const { count } = await (options.db ?? defaultDb).nonce.deleteMany({ where: { expiresAt: { lt: before } } });
  return count;
}
