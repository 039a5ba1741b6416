import { describe, expect, it } from "vitest";
import { parseSalaryText, ZSalaryText } from "./salary-input";

describe("the confirmed salary as typed", () => {
  it.each([
    ["30000", 3_000_000],
    ["30 000", 3_000_000],
    ["30 000,50", 3_000_050],
    ["30\u00a0000,5", 3_000_050],
    ["25941.00", 2_594_100],
    ["25 941,00 грн", 2_594_100],
    ["0,01", 1],
  ])("%s → %i kopiykas", (text, kopiykas) => {
    expect(parseSalaryText(text)).toEqual({ ok: true, value: kopiykas });
  });

  it.each([
    ["", "Вкажіть заробітну плату"],
    ["тридцять", "Не схоже на суму. Сума в гривнях, наприклад 30 000,00"],
    ["30 000,505", "Не схоже на суму. Сума в гривнях, наприклад 30 000,00"],
    ["-100", "Заробітна плата має бути більшою за нуль"],
    ["0", "Заробітна плата має бути більшою за нуль"],
    ["1000000000,01", "Завелика сума: перевірте кількість цифр"],
  ])("refuses %j with a message for the field", (text, message) => {
    expect(parseSalaryText(text)).toEqual({ ok: false, message });
    expect(ZSalaryText.safeParse(text).error?.issues[0]?.message).toBe(message);
  });
});
