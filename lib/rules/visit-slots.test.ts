import { describe, expect, it } from "vitest";
import { checkVisitSlot, isoWeekday, slotsOn, type CentreHours } from "./visit-slots";

const hours: CentreHours = {
  weekdays: [1, 2, 3, 4, 5, 6],
  opensAt: "09:00",
  closesAt: "11:00",
  slotMinutes: 30,
  capacity: 2,
};
const now = { day: "2026-12-04", time: "10:15" }; // a Friday

describe("slots of a day", () => {
  it("follow the hours and the slot length; none on a closed day", () => {
    expect(isoWeekday("2026-12-04")).toBe(5);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(slotsOn(hours, "2026-12-05")).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    expect(slotsOn(hours, "2026-12-06")).toEqual([]);
    expect(slotsOn({ ...hours, slotMinutes: 45 }, "2026-12-05")).toEqual(["09:00", "09:45"]);
  });
});

describe("booking a slot", () => {
  const check = (day: string, time: string, booked = 0) => checkVisitSlot(hours, { day, time, now, booked });

  it("accepts a free slot later today and on a later open day", () => {
    expect(check("2026-12-04", "10:30")).toEqual({ ok: true });
    expect(check("2026-12-05", "09:00", 1)).toEqual({ ok: true });
  });

  it("refuses the past, this very minute included", () => {
    expect(check("2026-12-04", "10:00")).toMatchObject({ ok: false, reason: "PAST" });
    expect(check("2026-12-04", "10:15")).toMatchObject({ ok: false, reason: "PAST" });
    expect(check("2026-12-03", "10:30")).toMatchObject({ ok: false, reason: "PAST" });
  });

  it("refuses a full slot, a closed day, a time off the grid and beyond the horizon", () => {
    expect(check("2026-12-05", "09:00", 2)).toMatchObject({ ok: false, reason: "FULL" });
    expect(check("2026-12-06", "09:00")).toMatchObject({ ok: false, reason: "CLOSED" });
    expect(check("2026-12-05", "09:15")).toMatchObject({ ok: false, reason: "NOT_A_SLOT" });
    expect(check("2026-12-05", "11:00")).toMatchObject({ ok: false, reason: "NOT_A_SLOT" });
    expect(check("2027-01-04", "09:00")).toMatchObject({ ok: false, reason: "TOO_FAR" });
    expect(check("2027-01-02", "09:00")).toEqual({ ok: true });
  });
});
