import { formatDate, formatNumber } from "@/lib/format";
import type { NewNotification } from "@/lib/notifications";
import { annulmentMessage, reasonMessage, type AnnulmentGroundCode, type Reason } from "@/lib/rules";

// The words of the lifecycle's notifications, in one place so that the in-app inbox, the
// e-mail and the tests agree. Links point into the cabinets (company, me).

export const applicationLink = (applicationId: string) => `/company/applications/${applicationId}`;
export const ME_LINK = "/me";

export function reservedNotice(
  rnokpp: string,
  enterpriseName: string,
  until: string,
  extension: boolean,
): NewNotification {
  return {
    recipientRnokpp: rnokpp,
    audience: "me",
    kind: extension ? "reservation.extended" : "reservation.granted",
    title: extension ? "Бронювання продовжено" : "Вас заброньовано",
    body: `${enterpriseName} ${extension ? "продовжило ваше бронювання" : "забронювало вас"} до ${formatDate(until)} включно. Відомості внесено до реєстру «Оберіг»; якщо ви формували еВОД раніше, сформуйте новий — він покаже бронювання.`,
    link: ME_LINK,
    email: true,
  };
}

export function refusedNotice(rnokpp: string, enterpriseName: string, reasons: readonly string[]): NewNotification {
  return {
    recipientRnokpp: rnokpp,
    audience: "me",
    kind: "reservation.refused",
    title: "Бронювання не оформлено",
    body: `${enterpriseName} подало заяву про ваше бронювання, але її не задоволено: ${reasons.join("; ")}.`,
    link: ME_LINK,
    email: true,
  };
}

export function applicationDecidedNotice(
  headRnokpp: string,
  applicationId: string,
  counts: { reserved: number; refused: number },
): NewNotification {
  const total = counts.reserved + counts.refused;
  return {
    recipientRnokpp: headRnokpp,
    audience: "company",
    kind: "application.decided",
    title: "Заяву про бронювання розглянуто",
    body: `Заброньовано ${formatNumber(counts.reserved)} з ${formatNumber(total)} працівників; відмовлено — ${formatNumber(counts.refused)}. Причину кожної відмови наведено в заяві.`,
    link: applicationLink(applicationId),
    email: true,
  };
}

export function annulmentDecidedNotice(
  headRnokpp: string,
  applicationId: string,
  counts: { annulled: number; refused: number },
): NewNotification {
  return {
    recipientRnokpp: headRnokpp,
    audience: "company",
    kind: "annulment.decided",
    title: "Заяву про анулювання розглянуто",
    body: `Анульовано бронювань: ${formatNumber(counts.annulled)}; не анульовано: ${formatNumber(counts.refused)}.`,
    link: applicationLink(applicationId),
    email: true,
  };
}

export function applicationFailedNotice(headRnokpp: string, applicationId: string, reason: string): NewNotification {
  return {
    recipientRnokpp: headRnokpp,
    audience: "company",
    kind: "application.failed",
    title: "Заяву не розглянуто",
    body: `Заяву не вдалося розглянути: ${reason}. Сформуйте та підпишіть її знову.`,
    link: applicationLink(applicationId),
    email: true,
  };
}

export function reservationEndedNotice(
  rnokpp: string,
  enterpriseName: string,
  ground: AnnulmentGroundCode,
  on: string,
): NewNotification {
  return {
    recipientRnokpp: rnokpp,
    audience: "me",
    kind: ground === "TERM_EXPIRED" ? "reservation.expired" : "reservation.annulled",
    title: ground === "TERM_EXPIRED" ? "Строк бронювання закінчився" : "Бронювання анульовано",
    body: `${annulmentMessage(ground, on)}. Підприємство: ${enterpriseName}.`,
    link: ME_LINK,
    email: true,
  };
}

export function reservationsEndedHeadNotice(
  headRnokpp: string,
  ground: AnnulmentGroundCode,
  on: string,
  count: number,
): NewNotification {
  return {
    recipientRnokpp: headRnokpp,
    audience: "company",
    kind: "reservations.ended",
    title: ground === "TERM_EXPIRED" ? "Закінчився строк бронювання працівників" : "Бронювання працівників анульовано",
    body: `${annulmentMessage(ground, on)} — працівників: ${formatNumber(count)}.`,
    link: "/company/employees",
    email: true,
  };
}

/** One decided employee, as the decision has it in memory or as its item records it. */
export type DecidedEmployee = {
  rnokpp: string;
  reserved: boolean;
  reasons: readonly Reason[];
  until: string | null;
  extension: boolean;
};

/**
 * What a decision tells its employees: each one reserved or refused, with the reasons. Someone
 * who is not the enterprise's employee, or unknown to the registry, is told nothing: there is
 * nobody to tell, and nothing the enterprise may learn about them.
 */
export function decidedEmployeeNotices(
  employees: readonly DecidedEmployee[],
  enterpriseName: string,
): NewNotification[] {
  const notices: NewNotification[] = [];
  for (const e of employees) {
    if (e.reasons.some((r) => r.code === "NOT_AN_EMPLOYEE" || r.code === "NOT_IN_REGISTRY")) continue;
    notices.push(
      e.reserved
        ? reservedNotice(e.rnokpp, enterpriseName, e.until!, e.extension)
        : refusedNotice(e.rnokpp, enterpriseName, e.reasons.map(reasonMessage)),
    );
  }
  return notices;
}
