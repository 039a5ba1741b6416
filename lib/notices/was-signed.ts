import type { NoticeStatus } from "@/lib/db/generated/client";

/**
 * Whether the head's signature covers this notice: signing takes the batch's FORMED notices, so
 * one withdrawn before the signature was never signed (it is never printed); one withdrawn after
 * it is printed stamped «ВІДКЛИКАНО». Pure: the pages decide their PDF links with it.
 */
export function wasSigned(notice: { status: NoticeStatus; statusAt: Date }, signedAt: Date | null): boolean {
  if (!signedAt || notice.status === "FORMED") return false;
  return notice.status !== "WITHDRAWN" || notice.statusAt.getTime() >= signedAt.getTime();
}
