import { HEAD_ANNULMENT_GROUNDS } from "@/lib/rules";

// When each ground a head may choose applies, in plain words, for the annulment wizard.

const HINTS: Record<string, string> = {
  DISMISSAL: "Працівника звільняють (крім переведення всередині підприємства).",
  CONTRACT_SUSPENDED: "Дію трудового договору зупинено, наприклад на час служби.",
  DEFERMENT_OTHER_GROUND: "Працівник отримав відстрочку з іншої підстави.",
  DECISION_EXPIRED: "Строк рішення про критичність підприємства закінчився.",
  HEAD_REQUEST: "Інша обґрунтована причина, з якою ви звертаєтеся як керівник.",
};

/** The most common first: dismissal. */
const ORDER = ["DISMISSAL", "CONTRACT_SUSPENDED", "DEFERMENT_OTHER_GROUND", "HEAD_REQUEST", "DECISION_EXPIRED"];

export function annulmentGroundOptions(): Array<{ code: string; label: string; hint: string }> {
  const rank = (code: string) => (ORDER.indexOf(code) + ORDER.length + 1) % (ORDER.length + 1);
  return [...HEAD_ANNULMENT_GROUNDS]
    .sort((a, b) => rank(a.code) - rank(b.code))
    .map((g) => ({ code: g.code, label: g.label, hint: HINTS[g.code] ?? "" }));
}
