import { describe, expect, it } from "vitest";
import { decidedEmployeeNotices } from "./lifecycle-notifications";

// What a decision tells its employees, whether the decision writes it or the follow-up job does
// (from the items): one notice each, reserved or refused with the reasons' words, and nothing to
// someone who is not the enterprise's employee or whom the registry does not know.

const quota = { code: "QUOTA_EXCEEDED", params: { used: 5, limit: 5 } } as const;

describe("decidedEmployeeNotices", () => {
  it("tells each employee reserved until when, or why not", () => {
    const notices = decidedEmployeeNotices(
      [
        { rnokpp: "1111111111", reserved: true, reasons: [], until: "2027-06-05", extension: false },
        { rnokpp: "2222222222", reserved: true, reasons: [], until: "2027-06-05", extension: true },
        { rnokpp: "3333333333", reserved: false, reasons: [quota], until: null, extension: false },
      ],
      "ТОВ «Приклад»",
    );
    expect(notices.map((n) => [n.recipientRnokpp, n.kind])).toEqual([
      ["1111111111", "reservation.granted"],
      ["2222222222", "reservation.extended"],
      ["3333333333", "reservation.refused"],
    ]);
    expect(notices[0]!.body).toContain("ТОВ «Приклад» забронювало вас до 05.06.2027 включно");
    expect(notices[1]!.body).toContain("продовжило ваше бронювання до 05.06.2027");
    expect(notices[2]!.body).toContain("Перевищено ліміт бронювання (5 з 5)");
    expect(notices.every((n) => n.email === true && n.audience === "me")).toBe(true);
  });

  it("tells nothing to someone not employed there or unknown to the registry", () => {
    const notices = decidedEmployeeNotices(
      [
        {
          rnokpp: "4444444444",
          reserved: false,
          reasons: [{ code: "NOT_AN_EMPLOYEE", params: {} }],
          until: null,
          extension: false,
        },
        {
          rnokpp: "5555555555",
          reserved: false,
          reasons: [{ code: "NOT_IN_REGISTRY", params: {} }],
          until: null,
          extension: false,
        },
        { rnokpp: "6666666666", reserved: false, reasons: [quota], until: null, extension: false },
      ],
      "ТОВ «Приклад»",
    );
    expect(notices.map((n) => n.recipientRnokpp)).toEqual(["6666666666"]);
  });
});
