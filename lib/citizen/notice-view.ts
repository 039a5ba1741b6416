import type { NoticeKind, NoticeStatus } from "@/lib/db/generated/client";
import { NOTICE_STATUS_LABELS, NOTICE_STATUS_TONES } from "@/lib/notices/labels";
import { noticeNumber } from "@/lib/notices/notice-number";
import { NOTICE_KIND_LABELS } from "@/lib/rules/notices";

// A notice as its addressee sees it in /me: the printed facts, where it is on its way to them
// and, when withdrawn, why. The words say what the status means for the person, not for the ТЦК.

/** What the opt-in message says plainly, as Резерв+ does (shown beside the setting and in every message). */
export const NOTICE_SENT_DISCLAIMER =
  "Це повідомлення не є повісткою, і його прочитання не є врученням повістки: повістку вручають лише паперовою — поштою під підпис або особисто.";

export const NOTICE_STATUS_MEANING: Record<NoticeStatus, string> = {
  FORMED: "ТЦК сформував повістку; начальник ТЦК ще не підписав її. Після підпису її надішлють рекомендованим листом.",
  SIGNED: "Повістку підписано; її надішлють вам рекомендованим листом на адресу з реєстру.",
  SENT: "Повістку надіслано рекомендованим листом. Вручення відбувається лише під підпис на пошті або в ТЦК.",
  DELIVERED: "Повістку вручено. З'явіться до ТЦК у зазначені дату, час і місце.",
  REFUSED: "Пошта зафіксувала відмову від отримання повістки.",
  RETURNED: "Пошта повернула лист як невручений.",
  WITHDRAWN: "Повістку відкликано — з'являтися за нею не потрібно.",
};

export type MyNotice = {
  id: string;
  number: string;
  kind: NoticeKind;
  kindLabel: string;
  tcc: string;
  appearAt: Date;
  place: string;
  status: NoticeStatus;
  statusLabel: string;
  statusTone: (typeof NOTICE_STATUS_TONES)[NoticeStatus];
  statusMeaning: string;
  statusAt: Date;
  trackingNumber: string | null;
  withdrawnReason: string | null;
  signedAt: Date | null;
  signerName: string | null;
};

export const MY_NOTICE_SELECT = {
  id: true,
  seq: true,
  kind: true,
  tcc: true,
  appearAt: true,
  place: true,
  status: true,
  statusAt: true,
  trackingNumber: true,
  withdrawnReason: true,
  createdAt: true,
  batch: { select: { signedAt: true, signerName: true } },
} as const;

type Row = {
  id: string;
  seq: bigint;
  kind: NoticeKind;
  tcc: string;
  appearAt: Date;
  place: string;
  status: NoticeStatus;
  statusAt: Date;
  trackingNumber: string | null;
  withdrawnReason: string | null;
  createdAt: Date;
  batch: { signedAt: Date | null; signerName: string | null };
};

export function toMyNotice(row: Row): MyNotice {
  return {
    id: row.id,
    number: noticeNumber(row.seq, row.createdAt),
    kind: row.kind,
    kindLabel: NOTICE_KIND_LABELS[row.kind],
    tcc: row.tcc,
    appearAt: row.appearAt,
    place: row.place,
    status: row.status,
    statusLabel: NOTICE_STATUS_LABELS[row.status],
    statusTone: NOTICE_STATUS_TONES[row.status],
    statusMeaning: NOTICE_STATUS_MEANING[row.status],
    statusAt: row.statusAt,
    trackingNumber: row.trackingNumber,
    withdrawnReason: row.withdrawnReason,
    signedAt: row.batch.signedAt,
    signerName: row.batch.signerName,
  };
}
