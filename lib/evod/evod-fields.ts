// The еВОД's lines, in the order Резерв+ shows them; the page and the PDF render the same list.
// Pure and browser-safe.
import { LIABILITY_INFO, REGISTRATION_STATUS_INFO, type RegistrationStatusCode } from "@/lib/citizen/status-info";
import { formatDate } from "@/lib/format";
import type { EvodSnapshot } from "./snapshot";

export type EvodField = { label: string; value: string };

const NONE = "—";

export function evodFullName(snapshot: EvodSnapshot): string {
  const { lastName, firstName, patronymic } = snapshot.person;
  return [lastName, firstName, patronymic].filter(Boolean).join(" ");
}

export function evodStatusLabel(snapshot: EvodSnapshot): string | null {
  const status = snapshot.military?.status as RegistrationStatusCode | undefined;
  return status ? REGISTRATION_STATUS_INFO[status].label : null;
}

/** "ПрАТ «…», з 01.02.2026 до 31.01.2027", or the deferment, or that there is neither. */
export function evodProtection(snapshot: EvodSnapshot): EvodField {
  const { reservation, military } = snapshot;
  if (reservation) {
    return {
      label: "Бронювання",
      value: `${reservation.enterpriseName} (ЄДРПОУ ${reservation.edrpou}), з ${formatDate(reservation.fromDate)} до ${formatDate(reservation.untilDate)}`,
    };
  }
  if (military?.deferment) {
    return {
      label: "Відстрочка",
      value: military.defermentUntil
        ? `${military.deferment}, до ${formatDate(military.defermentUntil)}`
        : military.deferment,
    };
  }
  return { label: "Бронювання або відстрочка", value: "Немає" };
}

export function evodFields(snapshot: EvodSnapshot): EvodField[] {
  const { person, military } = snapshot;
  const vlk =
    military?.vlkDate || military?.vlkResult
      ? [military.vlkDate ? formatDate(military.vlkDate) : null, military.vlkResult].filter(Boolean).join(", ")
      : "Не пройдено";
  return [
    { label: "Прізвище, ім'я, по батькові", value: evodFullName(snapshot) },
    { label: "Дата народження", value: formatDate(person.birthDate) },
    { label: "РНОКПП", value: person.rnokpp },
    {
      label: "Статус",
      value: military
        ? `${evodStatusLabel(snapshot)}; ${LIABILITY_INFO[military.liability as keyof typeof LIABILITY_INFO] ?? military.liability}`
        : "Не перебуває на обліку",
    },
    { label: "ТЦК та СП", value: military?.tcc ?? NONE },
    { label: "Дата взяття на облік", value: military ? formatDate(military.registeredOn) : NONE },
    { label: "Категорія обліку", value: military ? String(military.category) : NONE },
    { label: "Військове звання", value: military?.rank ?? "Немає" },
    { label: "ВОС", value: military?.specialty ?? "Немає" },
    { label: "ВЛК", value: vlk },
    evodProtection(snapshot),
    { label: "Адреса проживання", value: person.address ?? NONE },
    { label: "Телефон", value: person.phone ?? NONE },
    { label: "Електронна пошта", value: person.email ?? NONE },
    {
      label: "Дата уточнення даних",
      value: military?.dataUpdatedOn ? formatDate(military.dataUpdatedOn) : "Не уточнено",
    },
  ];
}
