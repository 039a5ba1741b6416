import type { EnterpriseRecord } from "@/lib/registry";
import { kvedSectionLabel, kvedSectionOf } from "@/lib/enterprises/kved-sections";
import { formatDate } from "@/lib/format";
import { maskRnokpp } from "@/lib/identifiers";
import { OWNERSHIP_LABELS } from "@/lib/rules";

/** The enterprise as the state register (ЄДР) knows it. */
export function EnterpriseCard({ enterprise }: { enterprise: EnterpriseRecord }) {
  const sectionCode = kvedSectionOf(enterprise.kved);
  const facts: Array<[string, string]> = [
    ["ЄДРПОУ", enterprise.edrpou],
    [
      "КВЕД",
      `${enterprise.kved} ${enterprise.kvedName}${sectionCode ? ` (секція ${sectionCode}: ${kvedSectionLabel(sectionCode)})` : ""}`,
    ],
    ["Регіон", enterprise.region],
    ["Адреса", enterprise.address ?? "—"],
    ["Форма власності", OWNERSHIP_LABELS[enterprise.ownership]],
    ["Частка держави", `${enterprise.stateShare} %`],
    [
      "Керівник",
      enterprise.headName
        ? `${enterprise.headName}${enterprise.headRnokpp ? ` (РНОКПП ${maskRnokpp(enterprise.headRnokpp)})` : ""}`
        : "не зазначено",
    ],
    ["Прифронтова територія", enterprise.frontline ? "так" : "ні"],
    ["Резидент Дія.Сіті", enterprise.diiaCity ? "так" : "ні"],
    ["Дата реєстрації", formatDate(enterprise.registeredOn)],
  ];
  if (enterprise.liquidatedOn) facts.push(["Ліквідовано", formatDate(enterprise.liquidatedOn)]);
  return (
    <div data-testid="enterprise-card">
      <p className="font-semibold">{enterprise.name}</p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-muted">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-muted">Джерело: Єдиний державний реєстр (дані реєстру «Оберіг»).</p>
    </div>
  );
}
