// Sections of КВЕД-2010 (the Ukrainian NACE Rev. 2): a ministry's competence is stated in
// sections (Authority.kvedSections), the state register gives an enterprise's class ("35.11").
// The section follows from the class's first two digits (the division). Pure: the admin form
// and the decision form use it in the browser.

export const KVED_SECTIONS = [
  { code: "A", label: "Сільське, лісове та рибне господарство", divisions: [1, 3] },
  { code: "B", label: "Добувна промисловість і розроблення кар'єрів", divisions: [5, 9] },
  { code: "C", label: "Переробна промисловість", divisions: [10, 33] },
  { code: "D", label: "Постачання електроенергії, газу, пари та кондиційованого повітря", divisions: [35, 35] },
  { code: "E", label: "Водопостачання; каналізація, поводження з відходами", divisions: [36, 39] },
  { code: "F", label: "Будівництво", divisions: [41, 43] },
  { code: "G", label: "Оптова та роздрібна торгівля; ремонт автотранспортних засобів", divisions: [45, 47] },
  { code: "H", label: "Транспорт, складське господарство, поштова та кур'єрська діяльність", divisions: [49, 53] },
  { code: "I", label: "Тимчасове розміщування й організація харчування", divisions: [55, 56] },
  { code: "J", label: "Інформація та телекомунікації", divisions: [58, 63] },
  { code: "K", label: "Фінансова та страхова діяльність", divisions: [64, 66] },
  { code: "L", label: "Операції з нерухомим майном", divisions: [68, 68] },
  { code: "M", label: "Професійна, наукова та технічна діяльність", divisions: [69, 75] },
  { code: "N", label: "Адміністративне та допоміжне обслуговування", divisions: [77, 82] },
  { code: "O", label: "Державне управління й оборона; обов'язкове соціальне страхування", divisions: [84, 84] },
  { code: "P", label: "Освіта", divisions: [85, 85] },
  { code: "Q", label: "Охорона здоров'я та надання соціальної допомоги", divisions: [86, 88] },
  { code: "R", label: "Мистецтво, спорт, розваги та відпочинок", divisions: [90, 93] },
  { code: "S", label: "Надання інших видів послуг", divisions: [94, 96] },
  { code: "T", label: "Діяльність домашніх господарств", divisions: [97, 98] },
  { code: "U", label: "Діяльність екстериторіальних організацій і органів", divisions: [99, 99] },
] as const;

export type KvedSectionCode = (typeof KVED_SECTIONS)[number]["code"];

export const KVED_SECTION_CODES: readonly KvedSectionCode[] = KVED_SECTIONS.map((s) => s.code);

export function isKvedSectionCode(value: string): value is KvedSectionCode {
  return (KVED_SECTION_CODES as readonly string[]).includes(value);
}

/** The section of a КВЕД class such as "35.11" or "01.1"; null when the code is not one. */
export function kvedSectionOf(kved: string): KvedSectionCode | null {
  const match = /^(\d{2})(?:\.\d{1,2})?$/.exec(kved.trim());
  if (!match) return null;
  const division = Number(match[1]);
  return KVED_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code ?? null;
}

export function kvedSectionLabel(code: KvedSectionCode): string {
  return KVED_SECTIONS.find((s) => s.code === code)!.label;
}
