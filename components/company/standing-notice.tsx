import { Notice } from "@/components/ui/notice";
import type { CompanyStanding } from "@/lib/company/enterprise-standing";
import { formatDate } from "@/lib/format";

// Why the enterprise is not critical today, and what to do about it, in plain words.

export function notCriticalText(standing: CompanyStanding): { title: string; body: string } {
  const d = standing.decision;
  switch (standing.cause) {
    case "NO_DECISION":
      return {
        title: "Підприємство не входить до переліку критично важливих",
        body: "Бронювати працівників можна лише після рішення органу влади (міністерства чи обласної військової адміністрації) про визнання підприємства критично важливим. Зверніться до органу, що відповідає за вашу галузь або регіон; щойно рішення внесуть до переліку, ви побачите його тут.",
      };
    case "EXPIRED":
      return {
        title: `Строк рішення про критичність закінчився ${d ? formatDate(d.validUntil) : ""}`.trim(),
        body: "Нові заяви про бронювання буде відхилено, а чинні бронювання анулюють. Зверніться до органу, який ухвалював рішення, щоб підтвердити статус критичності.",
      };
    case "REVOKED":
      return {
        title: "Рішення про критичність скасовано",
        body: `${d?.revoked?.on ? `Рішення скасовано з ${formatDate(d.revoked.on)}. ` : ""}${d?.revoked?.reason ? `Підстава: ${d.revoked.reason}. ` : ""}Бронювання працівників неможливе; усі чинні бронювання анульовано. Зверніться до органу, що скасував рішення.`,
      };
    case "NOT_STARTED":
      return {
        title: `Рішення про критичність набирає чинності ${d ? formatDate(d.validFrom) : ""}`.trim(),
        body: "До цієї дати заяви про бронювання буде відхилено. Ви можете підготувати список працівників заздалегідь.",
      };
    case "LIQUIDATED":
      return {
        title: "Підприємство ліквідовано",
        body: "Бронювання працівників ліквідованого підприємства неможливе.",
      };
    default:
      return { title: "Підприємство не є критично важливим", body: "Бронювання працівників зараз неможливе." };
  }
}

export function NotCriticalNotice({ standing }: { standing: CompanyStanding }) {
  const { title, body } = notCriticalText(standing);
  return (
    <Notice tone="warning" title={title} testId="not-critical">
      {body}
    </Notice>
  );
}
