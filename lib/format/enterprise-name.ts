// Enterprise names: the registry holds the full legal form («Приватне акціонерне товариство
// «…»»). Lists, charts and headers show the short form (ПрАТ «…»); the full name stays where the
// enterprise is the subject (its decision, its cabinet's heading). Pure and browser-safe.

const LEGAL_FORMS: Array<[full: string, short: string]> = [
  ["Товариство з обмеженою відповідальністю", "ТОВ"],
  ["Товариство з додатковою відповідальністю", "ТДВ"],
  ["Приватне акціонерне товариство", "ПрАТ"],
  ["Публічне акціонерне товариство", "ПАТ"],
  ["Акціонерне товариство", "АТ"],
  ["Державне підприємство", "ДП"],
  ["Казенне підприємство", "КазП"],
  ["Комунальне некомерційне підприємство", "КНП"],
  ["Комунальне підприємство", "КП"],
  ["Приватне підприємство", "ПП"],
  ["Фермерське господарство", "ФГ"],
  ["Сільськогосподарський виробничий кооператив", "СВК"],
  ["Релігійна організація", "РО"],
];

/** "Приватне акціонерне товариство «Дніпро»" → "ПрАТ «Дніпро»"; other names unchanged. */
export function shortEnterpriseName(name: string): string {
  const trimmed = name.trim();
  for (const [full, short] of LEGAL_FORMS) {
    if (trimmed.toLocaleLowerCase("uk").startsWith(full.toLocaleLowerCase("uk"))) {
      const rest = trimmed.slice(full.length).trimStart();
      return rest ? `${short} ${rest}` : short;
    }
  }
  return trimmed;
}
