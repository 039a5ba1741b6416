import { describe, expect, it } from "vitest";
import { decideBasicServiceEligibility } from "./basic-service";

const today = "2026-12-04";
const conscript = { status: "ON_REGISTER", liability: "CONSCRIPT" };
const decide = (birthDate: string, overrides: Partial<Parameters<typeof decideBasicServiceEligibility>[0]> = {}) =>
  decideBasicServiceEligibility({ birthDate, sex: "MALE", registration: conscript, today, ...overrides });

describe("basic military service", () => {
  it("is open from the 18th birthday to the day before the 25th", () => {
    expect(decide("2008-12-04")).toEqual({ eligible: true, age: 18 });
    expect(decide("2008-12-05")).toMatchObject({ eligible: false, reason: "AGE" });
    expect(decide("2001-12-05")).toEqual({ eligible: true, age: 24 });
    expect(decide("2001-12-04")).toMatchObject({ eligible: false, reason: "AGE" });
  });

  it("needs a man on the register as a призовник", () => {
    expect(decide("2006-03-21", { sex: "FEMALE" })).toMatchObject({ eligible: false, reason: "NOT_MALE" });
    expect(decide("2006-03-21", { registration: null })).toMatchObject({ eligible: false, reason: "NOT_CONSCRIPT" });
    expect(decide("2006-03-21", { registration: { status: "WANTED", liability: "CONSCRIPT" } })).toMatchObject({
      eligible: false,
      reason: "NOT_CONSCRIPT",
    });
    expect(decide("2006-03-21", { registration: { status: "ON_REGISTER", liability: "LIABLE" } })).toMatchObject({
      eligible: false,
      reason: "NOT_CONSCRIPT",
    });
  });
});
