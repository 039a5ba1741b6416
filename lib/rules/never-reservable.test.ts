import { describe, expect, it } from "vitest";
import { isNeverReservable, leadingReason } from "./never-reservable";

describe("the employee lists' reading of a refusal", () => {
  it("marks only the refusals no application can overcome", () => {
    expect(isNeverReservable([{ code: "NOT_IN_REGISTRY" }])).toBe(true);
    expect(isNeverReservable([{ code: "ENTERPRISE_NOT_CRITICAL" }, { code: "NOT_MILITARY_LIABLE" }])).toBe(true);
    for (const code of [
      "DATA_NOT_UPDATED",
      "WANTED",
      "SALARY_BELOW_THRESHOLD",
      "ALREADY_RESERVED",
      "RESERVED_ELSEWHERE",
      "AGE_OVER_LIMIT",
      "ENTERPRISE_NOT_CRITICAL",
    ]) {
      expect(isNeverReservable([{ code }]), code).toBe(false);
    }
    expect(isNeverReservable([])).toBe(false);
  });

  it("leads with the first reason about the person, the enterprise's standing only when alone", () => {
    expect(
      leadingReason([{ code: "ENTERPRISE_NOT_CRITICAL" }, { code: "NOT_MILITARY_LIABLE" }, { code: "NOT_EMPLOYED" }]),
    ).toEqual({ code: "NOT_MILITARY_LIABLE" });
    expect(leadingReason([{ code: "DATA_NOT_UPDATED" }, { code: "SALARY_BELOW_THRESHOLD" }])).toEqual({
      code: "DATA_NOT_UPDATED",
    });
    expect(leadingReason([{ code: "ENTERPRISE_NOT_CRITICAL" }])).toEqual({ code: "ENTERPRISE_NOT_CRITICAL" });
    expect(leadingReason([])).toBeUndefined();
  });
});
