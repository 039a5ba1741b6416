import type { CertificateKind } from "@/lib/rules/certificate-entitlement";

// Ukrainian names of the certificates and of a request's states. Pure: the pages use them too.

export const CERTIFICATE_KIND_INFO: Record<
  CertificateKind,
  { title: string; short: string; numberPrefix: string; description: string }
> = {
  SERVICE_PARTICIPATION: {
    title: "Довідка про участь у військовій службі",
    short: "Участь у службі",
    numberPrefix: "УС",
    description:
      "Періоди вашої служби, підтверджені військовими частинами: для статусу ветерана чи учасника бойових дій.",
  },
  MILITARY_REGISTRATION: {
    title: "Довідка про взяття на військовий облік",
    short: "Військовий облік",
    numberPrefix: "ВО",
    description: "Ваш ТЦК та СП, дата взяття на облік, категорія, звання і ВОС.",
  },
  RESERVATION_EXTRACT: {
    title: "Витяг про бронювання",
    short: "Бронювання",
    numberPrefix: "ВБ",
    description: "Для роботодавця або блокпосту: підприємство, яке вас забронювало, і строк бронювання.",
  },
};

export const REQUEST_STATUS_INFO: Record<
  "PENDING" | "ISSUED" | "REFUSED",
  { label: string; tone: "pending" | "success" | "fail" }
> = {
  PENDING: { label: "На підтвердженні у військовій частині", tone: "pending" },
  ISSUED: { label: "Видано", tone: "success" },
  REFUSED: { label: "Відмовлено", tone: "fail" },
};
