import { describe, expect, it } from "vitest";
import {
  ZEdrpou,
  ZRnokpp,
  checkEdrpou,
  checkRnokpp,
  generateEdrpou,
  generateRnokpp,
  maskRnokpp,
  rnokppBirthDate,
} from ".";

describe("РНОКПП", () => {
  it("accepts the spec's example and decodes birth date and sex", () => {
    const check = checkRnokpp("1759013776");
    expect(check).toMatchObject({ valid: true, sex: "MALE" });
    expect(check.valid && check.birthDate.toISOString().slice(0, 10)).toBe("1948-02-28");
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["17590137a6", "NOT_DIGITS"],
    ["1759-01377", "NOT_DIGITS"],
    ["175901377", "WRONG_LENGTH"],
    ["17590137760", "WRONG_LENGTH"],
    ["1759013777", "BAD_CHECK_DIGIT"],
    ["1759013775", "BAD_CHECK_DIGIT"],
  ])("refuses %j as %s with a Ukrainian message", (input, problem) => {
    const check = checkRnokpp(input);
    expect(check.valid).toBe(false);
    if (!check.valid) {
      expect(check.problem).toBe(problem);
      expect(check.message).toMatch(/РНОКПП/);
    }
  });

  it("every single-digit change of a valid number except a compensating one is caught", () => {
    const valid = "1759013776";
    let caught = 0;
    for (let pos = 0; pos < 10; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[pos]) continue;
        const changed = valid.slice(0, pos) + d + valid.slice(pos + 1);
        if (!checkRnokpp(changed).valid) caught++;
      }
    }
    expect(caught).toBeGreaterThan(75);
  });

  it("generates valid numbers that encode the birth date and sex", () => {
    for (let serial = 0; serial < 1000; serial += 37) {
      const birth = new Date(Date.UTC(1970 + (serial % 50), serial % 12, 1 + (serial % 28)));
      for (const sex of ["MALE", "FEMALE"] as const) {
        const value = generateRnokpp(birth, sex, serial);
        const check = checkRnokpp(value);
        expect(check.valid, value).toBe(true);
        if (check.valid) {
          expect(check.sex).toBe(sex);
          expect(check.birthDate.getTime()).toBe(birth.getTime());
        }
      }
    }
  });

  it("distinct serials give distinct numbers for the same person data", () => {
    const birth = new Date(Date.UTC(1990, 4, 17));
    const values = new Set(Array.from({ length: 1000 }, (_, i) => generateRnokpp(birth, "MALE", i)));
    expect(values.size).toBe(1000);
  });

  it("refuses to generate outside the encodable range", () => {
    expect(() => generateRnokpp(new Date(Date.UTC(1899, 0, 1)), "MALE", 1)).toThrow(RangeError);
    expect(() => generateRnokpp(new Date(Date.UTC(1990, 0, 1)), "MALE", 1000)).toThrow(RangeError);
  });

  it("decodes the birth date without judging it", () => {
    expect(rnokppBirthDate("0000100000").toISOString().slice(0, 10)).toBe("1900-01-01");
  });

  it("masks all but the first two and last two digits", () => {
    expect(maskRnokpp("1759013776")).toBe("17******76");
  });

  it("zod schema refuses with the reason and trims valid input", () => {
    expect(ZRnokpp.parse(" 1759013776 ")).toBe("1759013776");
    const result = ZRnokpp.safeParse("1759013777");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("РНОКПП недійсний: не збігається контрольна цифра");
  });
});

describe("ЄДРПОУ", () => {
  it.each(["32855961", "38728444", "43556710", "40195208"])("accepts the spec's example %s", (value) => {
    expect(checkEdrpou(value).valid).toBe(true);
  });

  it.each([
    ["", "EMPTY"],
    ["3285596A", "NOT_DIGITS"],
    ["3285596", "WRONG_LENGTH"],
    ["328559610", "WRONG_LENGTH"],
    ["32855962", "BAD_CHECK_DIGIT"],
    ["38728445", "BAD_CHECK_DIGIT"],
  ])("refuses %j as %s", (input, problem) => {
    const check = checkEdrpou(input);
    expect(check.valid).toBe(false);
    if (!check.valid) {
      expect(check.problem).toBe(problem);
      expect(check.message).toMatch(/ЄДРПОУ/);
    }
  });

  it("generates valid codes in every weight band, including the recomputation cases", () => {
    let recomputed = 0;
    for (let stem = 0; stem < 9_999_999; stem += 7919) {
      const code = generateEdrpou(stem);
      expect(checkEdrpou(code).valid, code).toBe(true);
      if (code.endsWith("0")) recomputed++;
    }
    expect(recomputed).toBeGreaterThan(0);
  });

  it("zod schema gives the reason", () => {
    expect(ZEdrpou.safeParse("12345670").error?.issues[0]?.message).toMatch(/контрольна цифра/);
    expect(ZEdrpou.parse("43556710")).toBe("43556710");
  });
});
