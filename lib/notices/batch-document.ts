import "server-only";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canonicalJsonBytes } from "@/lib/kep/canonical-json";
import type { TccRecord } from "@/lib/registry";
import { noticeNumber } from "./notice-number";

// The exact bytes the ТЦК head signs for a batch: RFC 8785 canonical JSON of the ТЦК, the
// appearance, and every notice still awaiting signature (number, person, QR code) in number
// order, with a one-time nonce. Rebuilt from the database when the signature arrives, so a batch
// that changed in between (a notice withdrawn) no longer matches what was signed.

export const NOTICE_SIGNING_PURPOSE = "notices.sign";

export async function loadBatchForSigning(tx: DbTx, batchId: string, tcc: TccRecord) {
  const batch = await tx.noticeBatch.findFirst({
    where: { id: batchId, tcc: tcc.name },
    select: {
      id: true,
      kind: true,
      appearAt: true,
      place: true,
      formedAt: true,
      signedDocumentId: true,
      formedByName: true,
    },
  });
  if (!batch) throw new AppError("NOT_FOUND", "Пакет повісток не знайдено");
  if (batch.signedDocumentId) throw new AppError("NOTICE_BATCH_SIGNED");
  const notices = await tx.notice.findMany({
    where: { batchId, status: "FORMED" },
    orderBy: { seq: "asc" },
    select: { id: true, seq: true, rnokpp: true, fullName: true, code: true, createdAt: true },
  });
  if (notices.length === 0) throw new AppError("NOTICE_BATCH_EMPTY");
  return { batch, notices };
}

export function buildBatchDocument(input: {
  tcc: TccRecord;
  batch: Awaited<ReturnType<typeof loadBatchForSigning>>["batch"];
  notices: Awaited<ReturnType<typeof loadBatchForSigning>>["notices"];
  nonce: string;
}): Uint8Array {
  return canonicalJsonBytes({
    type: "bronya.notice-batch",
    version: 1,
    tcc: { name: input.tcc.name, edrpou: input.tcc.edrpou },
    batchId: input.batch.id,
    kind: input.batch.kind,
    appearAt: input.batch.appearAt.toISOString(),
    place: input.batch.place,
    formedBy: input.batch.formedByName,
    notices: input.notices.map((n) => ({
      number: noticeNumber(n.seq, n.createdAt),
      rnokpp: n.rnokpp,
      fullName: n.fullName,
      code: n.code,
    })),
    nonce: input.nonce,
  });
}
