// Gendered forms of Ukrainian names: patronymics from the father's name, feminine surnames,
// and the official (2010 Cabinet) transliteration used for e-mail addresses.

import type { Sex } from "@/lib/identifiers";

const PATRONYMIC_EXCEPTIONS: Record<string, readonly [male: string, female: string]> = {
  Григорій: ["Григорович", "Григорівна"],
  Федір: ["Федорович", "Федорівна"],
  Ілля: ["Ілліч", "Іллівна"],
  Микола: ["Миколайович", "Миколаївна"],
  Лев: ["Львович", "Львівна"],
  Яків: ["Якович", "Яківна"],
  Лука: ["Лукич", "Луківна"],
};

/** The patronymic a child of `fatherName` carries. */
export function patronymicOf(fatherName: string, sex: Sex): string {
  const exception = PATRONYMIC_EXCEPTIONS[fatherName];
  if (exception) return sex === "MALE" ? exception[0] : exception[1];
  if (fatherName.endsWith("ій")) {
    const stem = fatherName.slice(0, -2);
    return sex === "MALE" ? `${stem}ійович` : `${stem}іївна`;
  }
  if (fatherName.endsWith("о")) {
    const stem = fatherName.slice(0, -1);
    return sex === "MALE" ? `${stem}ович` : `${stem}івна`;
  }
  if (fatherName.endsWith("ь")) {
    return sex === "MALE" ? `${fatherName}ович` : `${fatherName.slice(0, -1)}івна`;
  }
  if (fatherName.endsWith("а") || fatherName.endsWith("я")) {
    throw new RangeError(`no patronymic rule for ${fatherName}`);
  }
  return sex === "MALE" ? `${fatherName}ович` : `${fatherName}івна`;
}

/** A surname in the bearer's gender: Левицький → Левицька, Лозовий → Лозова, Іванов → Іванова. */
export function surnameFor(masculine: string, sex: Sex): string {
  if (sex === "MALE") return masculine;
  if (/(ський|цький|зький)$/.test(masculine)) return `${masculine.slice(0, -2)}а`;
  if (/[^аеєиіїоуюя]ий$/.test(masculine)) return `${masculine.slice(0, -2)}а`;
  if (/(ов|ев|єв|ін|їн)$/.test(masculine)) return `${masculine}а`;
  return masculine;
}

const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: "iu",
  я: "ia",
  "'": "",
  "’": "",
};
const LATIN_INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** Transliteration by Resolution No. 55 of 27.01.2010 (as in passports), lower case. */
export function transliterate(text: string): string {
  let out = "";
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const atWordStart = i === 0 || !/[а-яіїєґ'’]/.test(lower[i - 1]!);
    if (ch === "г" && lower[i - 1] === "з") {
      out += "gh";
      continue;
    }
    if (atWordStart && LATIN_INITIAL[ch]) out += LATIN_INITIAL[ch];
    else out += LATIN[ch] ?? ch;
  }
  return out;
}

/** "Коваленко Андрій Сергійович" — the registry's order. */
export function fullNameOf(person: { lastName: string; firstName: string; patronymic?: string | null }): string {
  return [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(" ");
}
