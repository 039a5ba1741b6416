import { describe, expect, it } from "vitest";
import {
  checkAppearance,
  decideNotice,
  noticeRefusalMessage,
  noticeRulesetFor,
  type NoticePersonFacts,
  type NoticeRequest,
} from "./notices";

const TODAY = "2026-12-04";
const MOBILISATION: NoticeRequest = { kind: "MOBILISATION", today: TODAY, appearOn: "2026-12-10" };

function man(
  overrides: Partial<NoticePersonFacts> = {},
  military: Partial<NonNullable<NoticePersonFacts["military"]>> = {},
): NoticePersonFacts {
  return {
    rnokpp: "3462510431",
    sex: "MALE",
    birthDate: "1994-10-19",
    military: {
      status: "ON_REGISTER",
      liability: "LIABLE",
      deferment: null,
      defermentUntil: null,
      mobilisedOn: null,
      ...military,
    },
    reservation: null,
    ...overrides,
  };
}

const codes = (person: NoticePersonFacts, request: NoticeRequest = MOBILISATION) => {
  const decision = decideNotice(person, request);
  return decision.formed ? [] : decision.reasons.map((reason) => reason.code);
};

describe("decideNotice", () => {
  it("forms a notice for a liable man of 25–59 with nothing protecting him", () => {
    expect(decideNotice(man(), MOBILISATION)).toEqual({ formed: true, ruleset: "notices-2024-04-04" });
  });

  it("refuses a reserved person while the mark lasts, and not after it ended", () => {
    expect(codes(man({ reservation: { edrpou: "34218763", untilDate: TODAY } }))).toEqual(["RESERVED"]);
    expect(codes(man({ reservation: { edrpou: "34218763", untilDate: "2026-12-03" } }))).toEqual([]);
  });

  it("protects a reserved or deferred person from every kind of notice", () => {
    for (const kind of ["CLARIFY_DATA", "VLK", "MOBILISATION"] as const) {
      expect(
        codes(man({ reservation: { edrpou: "34218763", untilDate: "2027-06-01" } }), { ...MOBILISATION, kind }),
      ).toEqual(["RESERVED"]);
      expect(
        codes(man({}, { deferment: "навчання", defermentUntil: "2027-06-30" }), { ...MOBILISATION, kind }),
      ).toEqual(["DEFERRED"]);
    }
  });

  it("refuses a deferment up to its last day, and one with no end date", () => {
    expect(codes(man({}, { deferment: "троє і більше дітей", defermentUntil: TODAY }))).toEqual(["DEFERRED"]);
    expect(codes(man({}, { deferment: "інвалідність", defermentUntil: null }))).toEqual(["DEFERRED"]);
    expect(codes(man({}, { deferment: "навчання", defermentUntil: "2026-12-03" }))).toEqual([]);
  });

  it("refuses a person already serving (the register shows him removed because he was called up)", () => {
    expect(codes(man({}, { status: "REMOVED", mobilisedOn: "2026-03-01" }))).toEqual(["SERVING"]);
  });

  it("refuses a man removed, excluded or not on the register", () => {
    for (const status of ["REMOVED", "EXCLUDED", "NOT_REGISTERED"] as const)
      expect(codes(man({}, { status }))).toEqual(["REMOVED_FROM_REGISTER"]);
    expect(codes(man({ military: null }))).toEqual(["NOT_ON_REGISTER"]);
  });

  it("refuses a woman who is not liable, and lets a liable woman on the register be called", () => {
    expect(codes(man({ sex: "FEMALE", military: null }))).toEqual(["WOMAN_NOT_LIABLE"]);
    expect(codes(man({ sex: "FEMALE" }, { status: "NOT_REGISTERED" }))).toEqual(["WOMAN_NOT_LIABLE"]);
    expect(codes(man({ sex: "FEMALE" }, { liability: "LIABLE" }), { ...MOBILISATION, kind: "VLK" })).toEqual([]);
  });

  it("refuses mobilisation under 25 (on the day of forming) and from 60 (on the day to appear), on both sides of each limit", () => {
    expect(codes(man({ birthDate: "2001-12-05" }))).toEqual(["AGE_UNDER_LIMIT"]);
    expect(codes(man({ birthDate: "2001-12-04" }))).toEqual([]);
    expect(codes(man({ birthDate: "1966-12-10" }))).toEqual(["AGE_OVER_LIMIT"]);
    expect(codes(man({ birthDate: "1966-12-11" }))).toEqual([]);
  });

  it("does not apply the mobilisation ages to the other kinds", () => {
    expect(codes(man({ birthDate: "2006-01-01" }), { ...MOBILISATION, kind: "CLARIFY_DATA" })).toEqual([]);
    expect(codes(man({ birthDate: "1960-01-01" }), { ...MOBILISATION, kind: "VLK" })).toEqual([]);
  });

  it("lists every reason that applies", () => {
    expect(
      codes(
        man(
          { birthDate: "2003-01-01", reservation: { edrpou: "34218763", untilDate: "2027-01-01" } },
          { deferment: "навчання", defermentUntil: null },
        ),
      ),
    ).toEqual(["DEFERRED", "RESERVED", "AGE_UNDER_LIMIT"]);
  });

  it("decides by the ruleset of the forming day: 27 before 04.04.2024, 25 from then", () => {
    const born = "1998-01-01"; // 26 in March 2024
    expect(
      codes(man({ birthDate: born }), { kind: "MOBILISATION", today: "2024-04-03", appearOn: "2024-04-10" }),
    ).toEqual(["AGE_UNDER_LIMIT"]);
    expect(
      codes(man({ birthDate: born }), { kind: "MOBILISATION", today: "2024-04-04", appearOn: "2024-04-10" }),
    ).toEqual([]);
    expect(noticeRulesetFor("2024-04-03").mobilisationMinAge).toBe(27);
  });

  it("words each refusal in Ukrainian with its figures", () => {
    const decision = decideNotice(
      man(
        { reservation: { edrpou: "34218763", untilDate: "2027-06-01" } },
        { deferment: "навчання", defermentUntil: "2027-06-30" },
      ),
      MOBILISATION,
    );
    expect(decision.formed).toBe(false);
    if (decision.formed) return;
    expect(decision.reasons.map(noticeRefusalMessage)).toEqual([
      "Особа має відстрочку: навчання — до 30.06.2027",
      "Особу заброньовано до 01.06.2027 (ЄДРПОУ 34218763)",
    ]);
  });
});

describe("checkAppearance", () => {
  it("accepts a future working day within working hours", () => {
    expect(checkAppearance({ date: "2026-12-07", time: "09:00" }, TODAY)).toEqual([]);
    expect(checkAppearance({ date: "2026-12-07", time: "08:00" }, TODAY)).toEqual([]);
    expect(checkAppearance({ date: "2026-12-07", time: "17:00" }, TODAY)).toEqual([]);
  });

  it("refuses today, the past, a weekend and hours outside 08:00–17:00", () => {
    expect(checkAppearance({ date: TODAY, time: "10:00" }, TODAY)).toEqual(["APPEARANCE_IN_PAST"]);
    expect(checkAppearance({ date: "2026-11-30", time: "10:00" }, TODAY)).toEqual(["APPEARANCE_IN_PAST"]);
    expect(checkAppearance({ date: "2026-12-05", time: "10:00" }, TODAY)).toEqual(["APPEARANCE_NOT_WORKING_DAY"]);
    expect(checkAppearance({ date: "2026-12-07", time: "07:59" }, TODAY)).toEqual(["APPEARANCE_OUTSIDE_HOURS"]);
    expect(checkAppearance({ date: "2026-12-07", time: "17:01" }, TODAY)).toEqual(["APPEARANCE_OUTSIDE_HOURS"]);
  });
});
