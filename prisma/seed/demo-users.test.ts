import { beforeAll, describe, expect, it } from "vitest";
import { checkRnokpp, isValidEdrpou } from "@/lib/identifiers";
import { AUTHORITY_SEEDS } from "./data/authorities";
import { UNITS } from "./data/military";
import { DEMO_FACTS } from "./demo-persons";
import { DEMO_EDRPOU, DEMO_USERS, demoUser } from "./demo-users";
import { FIXED_ENTERPRISES } from "./demo-enterprises";
import { looksReservable } from "./reservation-marks";
import { ageOn } from "./dates";
import { materializeWorld, TEST_TODAY, type MaterializedWorld } from "./test-world";

describe("DEMO_USERS", () => {
  it("covers every role with the logins the brief asks for", () => {
    const roles = DEMO_USERS.map((user) => user.role);
    for (const role of [
      "ADMIN",
      "OFFICIAL",
      "ENTERPRISE_HEAD",
      "AUTHORIZED_PERSON",
      "CONSCRIPT",
      "RECRUITER",
      "METHODOLOGIST",
      "UNIT_STAFF_OFFICER",
      "TCK_OFFICER",
      "TCK_HEAD",
      "CENTRE_RECRUITER",
    ] as const)
      expect(roles).toContain(role);
    expect(roles.filter((role) => role === "OFFICIAL")).toHaveLength(2);
    expect(roles.filter((role) => role === "ENTERPRISE_HEAD")).toHaveLength(3);
    // Reserved, reservable, two veterans (service confirmed / a period awaiting the unit) and a 20-year-old призовник.
    expect(roles.filter((role) => role === "CONSCRIPT")).toHaveLength(5);
    expect(new Set(DEMO_USERS.map((user) => user.key)).size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((user) => user.login)).size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((user) => user.password)).size).toBe(DEMO_USERS.length);
  });

  it("signs officials and the administrator in by e-mail with a TOTP secret, everyone else by РНОКПП", () => {
    for (const user of DEMO_USERS) {
      if (
        user.role === "ADMIN" ||
        user.role === "OFFICIAL" ||
        user.role === "METHODOLOGIST" ||
        user.role === "TCK_OFFICER" ||
        user.role === "TCK_HEAD"
      ) {
        expect(user.login).toBe(user.email);
        expect(user.login).toBe(user.login.toLowerCase());
        expect(user.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      } else {
        expect(user.login).toBe(user.rnokpp);
        expect(user.totpSecret).toBeUndefined();
      }
    }
  });

  it("have valid РНОКПП that encode the birth date and sex of their registry record", () => {
    for (const user of DEMO_USERS) {
      const check = checkRnokpp(user.rnokpp);
      const facts = DEMO_FACTS[user.key]!;
      expect(check.valid, user.key).toBe(true);
      if (check.valid) {
        expect(check.sex).toBe(facts.sex);
        expect(check.birthDate.toISOString().slice(0, 10)).toBe(facts.birthDate);
      }
      expect(user.fullName.split(" ")).toHaveLength(3);
    }
  });

  it("name organisations that exist in the seed", () => {
    for (const edrpou of Object.values(DEMO_EDRPOU)) {
      expect(isValidEdrpou(edrpou)).toBe(true);
      expect(FIXED_ENTERPRISES.some((e) => e.edrpou === edrpou)).toBe(true);
    }
    for (const user of DEMO_USERS) {
      if (user.authorityCode)
        expect(
          AUTHORITY_SEEDS.some((a) => a.code === user.authorityCode),
          user.key,
        ).toBe(true);
      if (user.unitCode)
        expect(
          UNITS.some((u) => u.code === user.unitCode),
          user.key,
        ).toBe(true);
    }
    expect(() => demoUser("nobody")).toThrow(RangeError);
  });
});

describe("the demo users in the generated registry", () => {
  let world: MaterializedWorld;
  beforeAll(() => {
    world = materializeWorld();
  });
  const bundleOf = (key: string) => world.bundles.find((b) => b.person.rnokpp === demoUser(key).rnokpp)!;

  it("are registry persons under their own names", () => {
    for (const user of DEMO_USERS) {
      const { person } = bundleOf(user.key);
      expect(`${person.lastName} ${person.firstName} ${person.patronymic}`).toBe(user.fullName);
    }
  });

  it("make each demo head the head of their enterprise", () => {
    for (const user of DEMO_USERS.filter((u) => u.role === "ENTERPRISE_HEAD")) {
      expect(world.heads.find((h) => h.edrpou === user.edrpou)?.headRnokpp, user.key).toBe(user.rnokpp);
    }
    const authorized = bundleOf("authorized-big");
    expect(authorized.employments.some((j) => j.edrpou === DEMO_EDRPOU.big && j.endDate === null)).toBe(true);
  });

  it("give the reserved conscript an active mark at the big enterprise, and the eligible one none", () => {
    const reserved = bundleOf("conscript-reserved");
    expect(reserved.marks).toEqual([
      expect.objectContaining({ status: "ACTIVE", edrpou: DEMO_EDRPOU.big, source: "diia" }),
    ]);
    expect(reserved.marks[0]!.untilDate > TEST_TODAY).toBe(true);
    const eligible = bundleOf("conscript-eligible");
    expect(eligible.marks).toEqual([]);
    const plan = world.critical[world.enterprises.find((e) => e.fixed === "big")!.index]!;
    expect(
      looksReservable({
        age: ageOn(eligible.person.birthDate, TEST_TODAY),
        registration: eligible.registration,
        job: eligible.employments[0]!,
        exempt: plan.exempt,
        frontline: false,
        today: TEST_TODAY,
      }),
    ).toBe(true);
  });
});
