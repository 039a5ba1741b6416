// The Ukrainian words for every refusal of a notice, filled from its parameters — shown to the
// officer per person and kept with the batch.
import { formatDate } from "@/lib/format";
import { REGISTRATION_STATUS_LABELS } from "./enums";
import type { NoticeRefusalCode, NoticeRefusalReason } from "./decide-notice";
import type { NoticeKindCode } from "./notice-facts";

export const NOTICE_KIND_LABELS: Record<NoticeKindCode, string> = {
  CLARIFY_DATA: "Для уточнення військово-облікових даних",
  VLK: "Для проходження військово-лікарської комісії",
  MOBILISATION: "Для відправлення до військової частини (мобілізація)",
};

export const NOTICE_REFUSAL_LABELS: Record<NoticeRefusalCode, string> = {
  NOT_ON_REGISTER: "Особа не перебуває на військовому обліку",
  RESERVED: "Особу заброньовано",
  DEFERRED: "Особа має відстрочку",
  SERVING: "Особа вже проходить військову службу",
  REMOVED_FROM_REGISTER: "Особу знято або виключено з військового обліку",
  WOMAN_NOT_LIABLE: "Жінка не є військовозобов'язаною",
  AGE_UNDER_LIMIT: "Особа молодша за мобілізаційний вік",
  AGE_OVER_LIMIT: "Особа досягла граничного віку перебування в запасі",
};

export function noticeRefusalMessage(reason: NoticeRefusalReason): string {
  const label = NOTICE_REFUSAL_LABELS[reason.code];
  switch (reason.code) {
    case "RESERVED":
      return `${label} до ${formatDate(reason.params.until)} (ЄДРПОУ ${reason.params.edrpou})`;
    case "DEFERRED":
      return `${label}: ${reason.params.ground}${reason.params.until ? ` — до ${formatDate(reason.params.until)}` : ""}`;
    case "SERVING":
      return `${label} (призвано ${formatDate(reason.params.since)})`;
    case "REMOVED_FROM_REGISTER":
      return `${label} (статус: ${REGISTRATION_STATUS_LABELS[reason.params.status]})`;
    case "AGE_UNDER_LIMIT":
      return `${label} (${reason.params.age} р.; мобілізації підлягають з ${reason.params.minAge} років)`;
    case "AGE_OVER_LIMIT":
      return `${label} (${reason.params.age} р.; граничний вік — ${reason.params.maxAge} років)`;
    default:
      return label;
  }
}
