import { beforeAll, describe, expect, it } from "vitest";
import { checkEdrpou, checkRnokpp } from "@/lib/identifiers";
import { FEMALE_NAMES, MALE_NAMES } from "./data/names";
import { DEFAULT_SEED } from "./build-world";
import { materializeWorld, type MaterializedWorld } from "./test-world";

// Checks run over every generated row; violations are collected so that a failure lists them.

let world: MaterializedWorld;
beforeAll(() => {
  world = materializeWorld();
});

describe("identifiers of the default world", () => {
  it("holds 30,000 persons with valid, unique РНОКПП that encode their birth date and sex", () => {
    expect(world.bundles).toHaveLength(30_000);
    const bad: string[] = [];
    for (const { person } of world.bundles) {
      const check = checkRnokpp(person.rnokpp);
      if (!check.valid) bad.push(`${person.rnokpp}: ${check.problem}`);
      else if (check.sex !== person.sex || check.birthDate.toISOString().slice(0, 10) !== person.birthDate)
        bad.push(`${person.rnokpp}: ${person.sex} ${person.birthDate}`);
    }
    expect(bad).toEqual([]);
    expect(new Set(world.bundles.map((b) => b.person.rnokpp)).size).toBe(30_000);
  });

  it("gives every enterprise and authority a valid ЄДРПОУ, none shared", () => {
    const codes = [...world.enterprises.map((e) => e.edrpou), ...world.authorities.map((a) => a.edrpou)];
    expect(codes.filter((code) => !checkEdrpou(code).valid)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("leaves the factories' identifier ranges free: РНОКПП serials 500–999, ЄДРПОУ 5xxxxxxx", () => {
    expect(world.bundles.filter((b) => Number(b.person.rnokpp.slice(5, 8)) >= 500).map((b) => b.person.rnokpp)).toEqual(
      [],
    );
    expect(
      [...world.enterprises.map((e) => e.edrpou), ...world.authorities.map((a) => a.edrpou)].filter((code) =>
        code.startsWith("5"),
      ),
    ).toEqual([]);
  });

  it("refers only to people and enterprises that exist", () => {
    const persons = new Set(world.bundles.map((b) => b.person.rnokpp));
    const dangling: string[] = [];
    for (const bundle of world.bundles) {
      for (const row of [...bundle.employments, ...bundle.marks])
        if (!world.enterpriseByEdrpou.has(row.edrpou)) dangling.push(row.edrpou);
      if (bundle.registration && bundle.registration.rnokpp !== bundle.person.rnokpp)
        dangling.push(bundle.registration.rnokpp);
    }
    for (const head of world.heads) if (!persons.has(head.headRnokpp)) dangling.push(head.headRnokpp);
    expect(dangling).toEqual([]);
  });
});

describe("determinism", () => {
  it("gives the same persons, enterprises and decisions for the same seed", () => {
    const again = materializeWorld();
    expect(again.bundles.slice(0, 100)).toEqual(world.bundles.slice(0, 100));
    expect(again.bundles.slice(-100)).toEqual(world.bundles.slice(-100));
    expect(again.enterprises).toEqual(world.enterprises);
    expect(again.decisions).toEqual(world.decisions);
  }, 60_000); // a second 30,000-person world: seconds alone, more on a loaded machine

  it("gives different people for another seed", () => {
    const other = materializeWorld({ seed: DEFAULT_SEED + 1, persons: 10_000 });
    const regular = (w: MaterializedWorld) => w.bundles.slice(1000, 1100).map((b) => b.person.rnokpp);
    expect(regular(other)).not.toEqual(regular(world));
  });
});

describe("names", () => {
  it("agree with the person's sex: first name, patronymic and surname", () => {
    const male = new Set(MALE_NAMES.map(([name]) => name));
    const female = new Set(FEMALE_NAMES.map(([name]) => name));
    const bad: string[] = [];
    for (const { person } of world.bundles) {
      const ok =
        person.sex === "MALE"
          ? male.has(person.firstName) &&
            /(ович|ич|іч)$/.test(person.patronymic ?? "") &&
            !/(ська|цька|ова|іна)$/.test(person.lastName)
          : female.has(person.firstName) &&
            /(івна|ївна)$/.test(person.patronymic ?? "") &&
            !/(ський|цький|ий|ов|ін)$/.test(person.lastName);
      if (!ok) bad.push(`${person.sex} ${person.lastName} ${person.firstName} ${person.patronymic}`);
    }
    expect(bad).toEqual([]);
  });

  it("give both genders the gendered surname forms", () => {
    const female = world.bundles.filter((b) => b.person.sex === "FEMALE").map((b) => b.person.lastName);
    const male = world.bundles.filter((b) => b.person.sex === "MALE").map((b) => b.person.lastName);
    expect(female.some((name) => /(ська|цька)$/.test(name))).toBe(true);
    expect(male.some((name) => /(ський|цький)$/.test(name))).toBe(true);
    expect(female.some((name) => /енко$/.test(name))).toBe(true);
  });

  it("use many different names and surnames", () => {
    expect(new Set(world.bundles.map((b) => b.person.lastName)).size).toBeGreaterThan(100);
    expect(new Set(world.bundles.map((b) => b.person.firstName)).size).toBeGreaterThan(70);
  });

  it("give phones in the +380 mobile format and e-mails to some", () => {
    const phones = world.bundles.map((b) => b.person.phone).filter((p): p is string => p !== null);
    const emails = world.bundles.map((b) => b.person.email).filter((e): e is string => e !== null);
    expect(phones.length / world.bundles.length).toBeGreaterThan(0.85);
    expect(phones.filter((phone) => !/^\+380(50|66|95|99|67|68|96|97|98|63|73|93)\d{7}$/.test(phone))).toEqual([]);
    expect(emails.length / world.bundles.length).toBeGreaterThan(0.3);
    expect(emails.length / world.bundles.length).toBeLessThan(0.6);
    expect(emails.filter((email) => !/^[a-z0-9.]+@[a-z.-]+\.[a-z]+$/.test(email))).toEqual([]);
  });
});
