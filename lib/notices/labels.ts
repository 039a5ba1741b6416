// Words and badge tones for a notice's status: the ТЦК cabinet, the citizen's cabinet and the PDF.

export const NOTICE_STATUS_LABELS = {
  FORMED: "Сформовано, очікує підпису",
  SIGNED: "Підписано, готово до надсилання",
  SENT: "Надіслано поштою",
  DELIVERED: "Вручено",
  REFUSED: "Відмова від отримання",
  RETURNED: "Повернуто як невручене",
  WITHDRAWN: "Відкликано",
} as const;

export type NoticeStatusCode = keyof typeof NOTICE_STATUS_LABELS;

export const NOTICE_STATUS_TONES: Record<
  NoticeStatusCode,
  "success" | "pending" | "fail" | "neutral" | "info" | "warning"
> = {
  FORMED: "pending",
  SIGNED: "info",
  SENT: "info",
  DELIVERED: "success",
  REFUSED: "warning",
  RETURNED: "warning",
  WITHDRAWN: "neutral",
};
