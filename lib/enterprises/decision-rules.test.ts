import { describe, expect, it } from "vitest";
import { rulesetFor } from "@/lib/rules";
import { checkCompetence } from "./competence";
import { decisionStateOn } from "./decision-state";
import { capFor, checkDecisionTerms, lastDayOfTerm } from "@/lib/rules";
import { kvedSectionOf } from "./kved-sections";
import { checkAgainstRegister } from "./register-consistency";

// The ministry's pure rules, on both sides of every threshold.

const today = "2026-11-22";
const ruleset = rulesetFor(today);

describe("kvedSectionOf", () => {
  it.each([
    ["01.11", "A"],
    ["03.22", "A"],
    ["05.10", "B"],
    ["09.90", "B"],
    ["10.51", "C"],
    ["33.20", "C"],
    ["35.11", "D"],
    ["36.00", "E"],
    ["41.20", "F"],
    ["56.10", "I"],
    ["62.01", "J"],
    ["84.11", "O"],
    ["86.10", "Q"],
    ["99.00", "U"],
    ["85", "P"],
  ])("%s is in section %s", (kved, section) => expect(kvedSectionOf(kved)).toBe(section));
  it.each(["04.00", "34.10", "", "ab.cd", "123.4"])("%s is in no section", (kved) =>
    expect(kvedSectionOf(kved)).toBeNull(),
  );
});

describe("checkCompetence", () => {
  const ministry = { shortName: "Міненерго", region: null, kvedSections: ["B", "D"] };
  const ova = { shortName: "Харківська ОВА", region: "Харківська область", kvedSections: [] };
  it("lets a ministry decide on its sections only", () => {
    expect(checkCompetence(ministry, { kved: "35.11", region: "м. Київ" }).ok).toBe(true);
    const refused = checkCompetence(ministry, { kved: "10.51", region: "м. Київ" });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining("секція C") });
  });
  it("lets a ministry with no sections decide on any sector", () => {
    expect(checkCompetence({ ...ministry, kvedSections: [] }, { kved: "56.10", region: "Львівська область" }).ok).toBe(
      true,
    );
  });
  it("lets an ОВА decide on its region only, and narrows it by sections when set", () => {
    expect(checkCompetence(ova, { kved: "56.10", region: "Харківська область" }).ok).toBe(true);
    expect(checkCompetence(ova, { kved: "56.10", region: "Сумська область" })).toEqual({
      ok: false,
      message: expect.stringContaining("«Харківська область»"),
    });
    expect(checkCompetence({ ...ova, kvedSections: ["D"] }, { kved: "56.10", region: "Харківська область" }).ok).toBe(
      false,
    );
  });
});

describe("checkDecisionTerms", () => {
  const terms = (decidedOn: string, validFrom: string, validUntil: string) =>
    checkDecisionTerms({ decidedOn, validFrom, validUntil, today, ruleset });
  it("allows exactly 12 months (until the day before the anniversary), not a day more", () => {
    expect(lastDayOfTerm(today)).toBe("2027-11-21");
    expect(terms(today, today, "2027-11-21").problems).toEqual({});
    expect(terms(today, today, "2027-11-22").problems.validUntil).toContain("не пізніше 21.11.2027");
  });
  it("refuses a decision dated tomorrow, a start before the decision, an end before the start", () => {
    expect(terms("2026-11-23", "2026-11-23", "2027-01-01").problems.decidedOn).toBeTruthy();
    expect(terms(today, "2026-11-21", "2027-01-01").problems.validFrom).toBeTruthy();
    expect(terms(today, "2026-12-10", "2026-12-09").problems.validUntil).toContain("раніше дати початку");
  });
  it("allows a decision that ends today and refuses one that ended yesterday", () => {
    expect(terms("2026-06-10", "2026-06-10", "2026-11-22").problems).toEqual({});
    expect(terms("2026-06-10", "2026-06-10", "2026-11-21").problems.validUntil).toBe("Строк дії рішення вже минув");
  });
  it("applies Resolution 692: made on 29.05.2026 ends by 01.09.2026, made on 30.05.2026 does not", () => {
    expect(capFor("2026-05-29", "2027-01-01", ruleset)?.endsNoLaterThan).toBe("2026-09-01");
    expect(capFor("2026-05-30", "2027-01-01", ruleset)).toBeNull();
    expect(capFor("2026-05-29", "2026-09-01", ruleset)).toBeNull();
    const capped = checkDecisionTerms({
      decidedOn: "2026-05-29",
      validFrom: "2026-05-29",
      validUntil: "2027-05-28",
      today: "2026-08-01",
      ruleset,
    });
    expect(capped).toMatchObject({
      problems: {},
      effectiveUntil: "2026-09-01",
      cap: { endsNoLaterThan: "2026-09-01" },
    });
    expect(terms("2026-05-29", "2026-05-29", "2027-05-28").problems.validUntil).toContain("01.09.2026");
  });
});

describe("decisionStateOn", () => {
  const base = {
    status: "ACTIVE" as const,
    decidedOn: "2026-10-01",
    validFrom: "2026-10-01",
    validUntil: "2027-09-30",
  };
  it("tells active, pending, expired and revoked apart on the boundary days", () => {
    expect(decisionStateOn(base, today, ruleset).state).toBe("ACTIVE");
    expect(decisionStateOn({ ...base, validFrom: "2026-11-23" }, today, ruleset).state).toBe("PENDING");
    expect(decisionStateOn({ ...base, validFrom: today }, today, ruleset).state).toBe("ACTIVE");
    expect(decisionStateOn({ ...base, validUntil: today }, today, ruleset).state).toBe("ACTIVE");
    expect(decisionStateOn({ ...base, validUntil: "2026-11-21" }, today, ruleset).state).toBe("EXPIRED");
    expect(decisionStateOn({ ...base, status: "REVOKED" }, today, ruleset).state).toBe("REVOKED");
    expect(decisionStateOn({ ...base, decidedOn: "2026-04-01", validFrom: "2026-04-01" }, today, ruleset)).toEqual({
      state: "EXPIRED",
      effectiveUntil: "2026-09-01",
    });
  });
});

describe("checkAgainstRegister", () => {
  const privateCo = { ownership: "PRIVATE" as const, stateShare: 0, diiaCity: false };
  it("refuses exemptions the register contradicts and accepts those it confirms", () => {
    expect(
      checkAgainstRegister({ criteria: [], salaryExemption: "STATE_OR_COMMUNAL" }, privateCo).salaryExemption,
    ).toBeTruthy();
    expect(
      checkAgainstRegister(
        { criteria: [], salaryExemption: "STATE_OR_COMMUNAL" },
        { ...privateCo, ownership: "COMMUNAL" },
      ),
    ).toEqual({});
    expect(
      checkAgainstRegister({ criteria: [], salaryExemption: "STATE_SHARE_OVER_50" }, { ...privateCo, stateShare: 50 })
        .salaryExemption,
    ).toContain("50 %");
    expect(
      checkAgainstRegister({ criteria: [], salaryExemption: "STATE_SHARE_OVER_50" }, { ...privateCo, stateShare: 51 }),
    ).toEqual({});
    expect(
      checkAgainstRegister({ criteria: ["DIIA_CITY"], salaryExemption: "DIIA_CITY_RESIDENT" }, privateCo),
    ).toMatchObject({ criteria: expect.any(String), salaryExemption: expect.any(String) });
    expect(checkAgainstRegister({ criteria: [], salaryExemption: "ENERGY_WAR_DAMAGED" }, privateCo)).toEqual({});
  });
});
