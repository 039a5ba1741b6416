// Dates typed by people: дд.мм.рррр, whatever the browser's language (a native date field shows
// the browser's own order — мм/дд/рррр in an English browser). Pure and browser-safe.

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

const TYPED = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

/** "01.09.2026" (also "1.9.2026", "01/09/2026") → "2026-09-01", or a Ukrainian reason why not. */
export function parseUkDate(text: string, bounds: { min?: string; max?: string } = {}): ParsedDate {
  const trimmed = text.trim().replace(/\s+/g, "");
  const match = TYPED.exec(trimmed);
  if (!match) return { ok: false, message: "Введіть дату у форматі дд.мм.рррр, наприклад 01.09.2026." };
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12)
    return { ok: false, message: `Місяця ${match[2]} не буває: введіть число від 01 до 12.` };
  if (year < 1900 || year > 2100) return { ok: false, message: "Рік має бути між 1900 і 2100." };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return { ok: false, message: `Такої дати немає: у цьому місяці ${last} днів.` };
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (bounds.min && iso < bounds.min) return { ok: false, message: `Дата не може бути раніше ${isoToUk(bounds.min)}.` };
  if (bounds.max && iso > bounds.max)
    return { ok: false, message: `Дата не може бути пізніше ${isoToUk(bounds.max)}.` };
  return { ok: true, iso };
}

/** "2026-09-01" → "01.09.2026"; anything else → "" (an empty field). */
export function isoToUk(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : "";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
