import { describe, expect, it } from "vitest";
import { generateRnokpp } from "@/lib/identifiers";
import { RnokppSet } from "./rnokpp-set";

describe("RnokppSet", () => {
  it("answers like a Set for every serial and sex of a day, and counts each value once", () => {
    const set = new RnokppSet();
    const reference = new Set<number>();
    const day = new Date(Date.UTC(1985, 6, 14));
    for (let serial = 0; serial < 1000; serial += 3) {
      for (const sex of ["MALE", "FEMALE"] as const) {
        const value = Number(generateRnokpp(day, sex, serial));
        expect(set.has(value)).toBe(reference.has(value));
        set.add(value).add(value);
        reference.add(value);
      }
    }
    expect(set.size).toBe(reference.size);
    for (let serial = 0; serial < 1000; serial++) {
      const value = Number(generateRnokpp(day, "MALE", serial));
      expect(set.has(value)).toBe(reference.has(value));
    }
    expect(set.has(Number(generateRnokpp(new Date(Date.UTC(1985, 6, 15)), "MALE", 0)))).toBe(false);
  });
});
