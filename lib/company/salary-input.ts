import { toKopiykas, type Kopiykas } from "@/lib/format";
import { z } from "@/lib/zod";

// The salary a head confirms in step 2, typed the way people write money here — "30000",
// "30 000", "30 000,50", "30000.5" — read exactly into kopiykas (no float in between). The
// same schema checks the field in the browser and the action on the server.

export const MAX_SALARY: Kopiykas = 100_000_000_00;
export const SALARY_HINT = "Сума в гривнях, наприклад 30 000,00";

export function parseSalaryText(text: string): { ok: true; value: Kopiykas } | { ok: false; message: string } {
  const compact = text.replace(/[\s\u00a0]/g, "").replace(/грн\.?$/i, "");
  if (compact === "") return { ok: false, message: "Вкажіть заробітну плату" };
  let value: Kopiykas;
  try {
    value = toKopiykas(compact);
  } catch {
    return { ok: false, message: `Не схоже на суму. ${SALARY_HINT}` };
  }
  if (value <= 0) return { ok: false, message: "Заробітна плата має бути більшою за нуль" };
  if (value > MAX_SALARY) return { ok: false, message: "Завелика сума: перевірте кількість цифр" };
  return { ok: true, value };
}

export const ZSalaryText = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const parsed = parseSalaryText(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  });
