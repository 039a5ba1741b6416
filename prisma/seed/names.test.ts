import { describe, expect, it } from "vitest";
import { FEMALE_NAMES, MALE_NAMES } from "./data/names";
import { patronymicOf, surnameFor, transliterate } from "./names";

describe("patronymicOf", () => {
  it.each([
    ["Олександр", "Олександрович", "Олександрівна"],
    ["Андрій", "Андрійович", "Андріївна"],
    ["Сергій", "Сергійович", "Сергіївна"],
    ["Дмитро", "Дмитрович", "Дмитрівна"],
    ["Михайло", "Михайлович", "Михайлівна"],
    ["Василь", "Васильович", "Василівна"],
    ["Ігор", "Ігорович", "Ігорівна"],
    ["Микола", "Миколайович", "Миколаївна"],
    ["Григорій", "Григорович", "Григорівна"],
    ["Федір", "Федорович", "Федорівна"],
    ["Ілля", "Ілліч", "Іллівна"],
    ["Яків", "Якович", "Яківна"],
    ["Лев", "Львович", "Львівна"],
  ])("%s → %s / %s", (father, male, female) => {
    expect(patronymicOf(father, "MALE")).toBe(male);
    expect(patronymicOf(father, "FEMALE")).toBe(female);
  });

  it("has a rule for every male name the generator can pick", () => {
    for (const [name] of MALE_NAMES) {
      expect(patronymicOf(name, "MALE")).toMatch(/(ович|ич|іч)$/);
      expect(patronymicOf(name, "FEMALE")).toMatch(/(івна|ївна)$/);
    }
  });

  it("refuses a name it has no rule for instead of inventing a form", () => {
    expect(() => patronymicOf("Кузьма", "MALE")).toThrow(RangeError);
  });
});

describe("surnameFor", () => {
  it.each([
    ["Левицький", "Левицька"],
    ["Яворський", "Яворська"],
    ["Заболотний", "Заболотна"],
    ["Лозовий", "Лозова"],
    ["Іванов", "Іванова"],
    ["Ільїн", "Ільїна"],
    ["Шевченко", "Шевченко"],
    ["Ковальчук", "Ковальчук"],
    ["Мельник", "Мельник"],
  ])("%s → %s for a woman, unchanged for a man", (male, female) => {
    expect(surnameFor(male, "FEMALE")).toBe(female);
    expect(surnameFor(male, "MALE")).toBe(male);
  });
});

describe("transliterate", () => {
  it.each([
    ["Олександр", "oleksandr"],
    ["Євген", "yevhen"],
    ["Андрій", "andrii"],
    ["Юлія", "yuliia"],
    ["Їжакевич", "yizhakevych"],
    ["Згурський", "zghurskyi"],
    ["Щербак", "shcherbak"],
    ["Лук'яненко", "lukianenko"],
    ["Марія", "mariia"],
  ])("%s → %s (Resolution 55 of 2010)", (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it("leaves only ASCII for every generated first name", () => {
    for (const [name] of [...MALE_NAMES, ...FEMALE_NAMES]) expect(transliterate(name)).toMatch(/^[a-z]+$/);
  });
});
