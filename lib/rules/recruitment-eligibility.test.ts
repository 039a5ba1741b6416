import { describe, expect, it } from "vitest";
import { applicantEligibility } from "./recruitment-eligibility";

const m = (status: string, wanted = false, wantedCriminal = false) => ({ status, wanted, wantedCriminal });

describe("applicantEligibility", () => {
  it("lets persons on the register and those whose data are being clarified apply", () => {
    expect(applicantEligibility(m("ON_REGISTER"))).toEqual({ allowed: true, wanted: false });
    expect(applicantEligibility(m("BEING_CLARIFIED"))).toEqual({ allowed: true, wanted: false });
  });

  it("lets a wanted person apply, flagged for the unit", () => {
    expect(applicantEligibility(m("WANTED", true))).toEqual({ allowed: true, wanted: true });
    expect(applicantEligibility(m("ON_REGISTER", true))).toEqual({ allowed: true, wanted: true });
  });

  it("refuses a person wanted under arts. 336/337", () => {
    expect(applicantEligibility(m("WANTED", true, true))).toMatchObject({ allowed: false, code: "WANTED_CRIMINAL" });
  });

  it.each([[null], [m("NOT_REGISTERED")]])("refuses a person without a military registration (%o)", (military) => {
    expect(applicantEligibility(military)).toMatchObject({ allowed: false, code: "NOT_REGISTERED" });
  });

  it.each(["REMOVED", "EXCLUDED"])("refuses a person %s from the register", (status) => {
    expect(applicantEligibility(m(status))).toMatchObject({ allowed: false, code: "REMOVED_OR_EXCLUDED" });
  });
});
