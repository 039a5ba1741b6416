// What each registry status means for the person, in Резерв+'s words and colours. Pure and
// browser-safe: the record page, the еВОД and the app API all describe a status the same way.
import { rulesetFor } from "@/lib/rules";

/** The chip colours of the design system (components/ui/badge), named here so lib stays UI-free. */
export type Tone = "success" | "pending" | "fail" | "neutral" | "info" | "warning";

export type RegistrationStatusCode =
  "ON_REGISTER" | "REMOVED" | "EXCLUDED" | "NOT_REGISTERED" | "BEING_CLARIFIED" | "WANTED";

export type StatusInfo = {
  label: string;
  explanation: string;
  tone: Tone;
  /** Резерв+ shows a red ribbon across the document for these. */
  ribbon: boolean;
};

export const REGISTRATION_STATUS_INFO: Record<RegistrationStatusCode, StatusInfo> = {
  ON_REGISTER: {
    label: "На обліку",
    explanation: "Ви перебуваєте на військовому обліку у своєму ТЦК та СП. Нічого робити не потрібно.",
    tone: "success",
    ribbon: false,
  },
  BEING_CLARIFIED: {
    label: "Уточнюється",
    explanation:
      "ТЦК та СП зараз перевіряє ваші дані. Статус зміниться, щойно перевірку завершать; за потреби з вами зв'яжуться.",
    tone: "pending",
    ribbon: false,
  },
  REMOVED: {
    label: "Знято з обліку",
    explanation:
      "Вас знято з військового обліку (наприклад, за віком або через виїзд за кордон на постійне проживання). Якщо це помилка, зверніться до ТЦК та СП.",
    tone: "neutral",
    ribbon: false,
  },
  EXCLUDED: {
    label: "Виключений з обліку",
    explanation:
      "Вас виключено з військового обліку (наприклад, за станом здоров'я). Якщо це помилка, зверніться до ТЦК та СП.",
    tone: "neutral",
    ribbon: false,
  },
  NOT_REGISTERED: {
    label: "Потребує уточнення",
    explanation:
      "Реєстр знає вас, але ви не прикріплені до жодного ТЦК та СП. Зверніться до ТЦК та СП або ЦНАП, щоб стати на облік.",
    tone: "warning",
    ribbon: false,
  },
  WANTED: {
    label: "У розшуку",
    explanation:
      "ТЦК та СП оголосив вас у розшук. Зверніться до свого ТЦК та СП якнайшвидше, щоб з'ясувати причину і зняти розшук.",
    tone: "fail",
    ribbon: true,
  },
};

export const LIABILITY_INFO: Record<"CONSCRIPT" | "LIABLE" | "RESERVIST", string> = {
  CONSCRIPT: "Призовник",
  LIABLE: "Військовозобов'язаний",
  RESERVIST: "Резервіст",
};

/** "Дані уточнено вчасно" as Резерв+ shows it: updated since the date Law 3633-IX requires. */
export function dataUpdateInfo(
  dataUpdatedOn: string | null,
  today: string,
): { upToDate: boolean; label: string; tone: Tone } {
  const since = rulesetFor(today).dataUpdateRequiredSince;
  const upToDate = dataUpdatedOn !== null && dataUpdatedOn >= since && dataUpdatedOn <= today;
  return upToDate
    ? { upToDate, label: "Дані уточнено вчасно", tone: "success" }
    : { upToDate, label: "Дані не уточнено", tone: "fail" };
}

/** The registry's `source` of a reservation mark, as a person would name it. */
export function markSourceLabel(source: string): string {
  switch (source) {
    case "portal":
      return "Портал «Броня»";
    case "diia":
      return "Портал «Дія»";
    default:
      return source;
  }
}
