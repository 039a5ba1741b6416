import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkEdrpou, checkRnokpp } from "@/lib/identifiers";
import {
  createAuthority,
  createCriticalDecision,
  createEmployment,
  createEnterprise,
  createMilitaryUnit,
  createPerson,
  createReservationMark,
  createUser,
  createVacancy,
  nextEdrpou,
  nextRnokpp,
} from "@/prisma/seed/factories";
import { seedDemo } from "@/prisma/seed";
import { testDatabaseUrl } from "./setup/database";
import { expectEvery } from "@/tests/support/expect-every";

// The factories later features build their fixtures with: defaults that make sense, overrides
// that take, valid identifiers, and refusals where the data model refuses.

describe("seed factories", () => {
  it("make valid, distinct identifiers that encode what was asked", () => {
    const rnokpps = Array.from({ length: 2_500 }, () => nextRnokpp("1979-06-30", "FEMALE"));
    expect(new Set(rnokpps).size).toBe(2_500);
    for (const value of rnokpps.slice(0, 50)) {
      const check = checkRnokpp(value);
      expect(check.valid && check.sex === "FEMALE" && check.birthDate.toISOString().startsWith("1979-06-30")).toBe(
        true,
      );
    }
    const codes = Array.from({ length: 500 }, () => nextEdrpou());
    expect(new Set(codes).size).toBe(500);
    expectEvery(codes, (code) => checkEdrpou(code).valid && code.startsWith("5"));
  });

  it("create a military-liable man with updated data, and a woman off the register, by default", async () => {
    const man = await createPerson(db);
    expect(man.military).toMatchObject({ status: "ON_REGISTER", liability: "LIABLE", wanted: false });
    expect(man.military!.dataUpdatedOn).toBeInstanceOf(Date);
    const woman = await createPerson(db, { sex: "FEMALE" });
    expect(woman.military).toBeNull();
    const wanted = await createPerson(db, { military: { wanted: true, wantedCriminal: true, dataUpdatedOn: null } });
    expect(wanted.military).toMatchObject({
      status: "WANTED",
      wanted: true,
      wantedCriminal: true,
      dataUpdatedOn: null,
    });
  });

  it("build an enterprise with a head, employees, a decision and a reservation", async () => {
    const enterprise = await createEnterprise(db, { head: true, region: "Харківська область", frontline: true });
    expect(enterprise.headRnokpp).not.toBeNull();
    const head = await db.employment.findFirstOrThrow({
      where: { rnokpp: enterprise.headRnokpp!, edrpou: enterprise.edrpou },
    });
    expect(head.position).toBe("Директор");

    const employee = await createPerson(db, { employments: [{ edrpou: enterprise.edrpou, salary: 25_941 }] });
    expect(employee.employments[0]!.salary.toString()).toBe("25941");
    await createEmployment(db, {
      rnokpp: employee.rnokpp,
      edrpou: enterprise.edrpou,
      startDate: "2015-01-01",
      endDate: "2019-12-31",
    });

    const ova = await createAuthority(db, { kind: "REGIONAL_ADMINISTRATION", region: "Харківська область" });
    const decision = await createCriticalDecision(db, {
      edrpou: enterprise.edrpou,
      authorityId: ova.id,
      limitCategory: "FRONTLINE_100",
      militaryLiableCount: 7,
    });
    expect(decision).toMatchObject({ limitPercent: 100, limitCount: 7, status: "ACTIVE" });
    expect(decision.validUntil.toISOString().slice(0, 10)).toBe("2027-08-31");
    const defence = await createCriticalDecision(db, {
      edrpou: (await createEnterprise(db)).edrpou,
      limitCategory: "DEFENCE_100",
      militaryLiableCount: 7,
      headcount: 30,
    });
    expect(defence.limitCount).toBe(30);
    const general = await createCriticalDecision(db, {
      edrpou: (await createEnterprise(db)).edrpou,
      militaryLiableCount: 7,
    });
    expect(general.limitCount).toBe(3);

    const mark = await createReservationMark(db, { rnokpp: employee.rnokpp, edrpou: enterprise.edrpou });
    expect(mark).toMatchObject({ status: "ACTIVE", activeRnokpp: employee.rnokpp, source: "diia" });
    // One active mark per person: the database refuses a second one.
    await expect(createReservationMark(db, { rnokpp: employee.rnokpp, edrpou: enterprise.edrpou })).rejects.toThrow();
    const ended = await createReservationMark(db, {
      rnokpp: employee.rnokpp,
      edrpou: enterprise.edrpou,
      status: "EXPIRED",
      fromDate: "2025-01-01",
    });
    expect(ended.activeRnokpp).toBeNull();
  });

  it("create users with the memberships of granted roles, and refuse a role without its organisation", async () => {
    const authority = await createAuthority(db);
    const official = await createUser(db, {
      role: "OFFICIAL",
      authorityId: authority.id,
      password: "secret-1",
      totpSecret: "JBSWY3DPEHPK3PXP",
    });
    expect(official.membership).toMatchObject({ role: "OFFICIAL", authorityId: authority.id });
    expect(official.user.email).toMatch(/@test\.gov\.ua$/);
    const unit = await createMilitaryUnit(db);
    const recruiter = await createUser(db, { role: "RECRUITER", unitId: unit.id });
    expect(recruiter.membership?.unitId).toBe(unit.id);
    expect((await createVacancy(db, { unitId: unit.id, status: "CLOSED" })).closedAt).toBeInstanceOf(Date);
    const conscript = await createUser(db, { role: "CONSCRIPT" });
    expect(conscript.membership).toBeNull();
    await expect(createUser(db, { role: "OFFICIAL" })).rejects.toThrow(/authorityId/);
    await expect(createUser(db, { role: "AUTHORIZED_PERSON" })).rejects.toThrow(/edrpou/);
  });

  it("work in a seeded database without colliding with the demo", async () => {
    await seedDemo({
      databaseUrl: testDatabaseUrl(),
      dataDir: "/x",
      log: () => undefined,
      persons: 10_000,
      force: true,
      today: "2026-11-22",
    });
    for (let i = 0; i < 200; i++) {
      const enterprise = await createEnterprise(db);
      await createPerson(db, { birthDate: "1990-01-01", employments: [{ edrpou: enterprise.edrpou }] });
    }
    expect(await db.person.count()).toBe(10_000 + 200);
  }, 120_000);
});
