import { describe, expect, it } from "vitest";
import { dataUpdateInfo, markSourceLabel, REGISTRATION_STATUS_INFO } from "./status-info";
import { kyivDate } from "@/lib/format";

describe("status info", () => {
  it("describes all six registry statuses; only «у розшуку» has the red ribbon", () => {
    expect(Object.keys(REGISTRATION_STATUS_INFO).sort()).toEqual([
      "BEING_CLARIFIED",
      "EXCLUDED",
      "NOT_REGISTERED",
      "ON_REGISTER",
      "REMOVED",
      "WANTED",
    ]);
    expect(REGISTRATION_STATUS_INFO.WANTED).toMatchObject({ label: "У розшуку", tone: "fail", ribbon: true });
    expect(Object.values(REGISTRATION_STATUS_INFO).filter((s) => s.ribbon)).toHaveLength(1);
  });

  it("data are up to date from 18.05.2024 (Law 3633-IX), not before, not in the future", () => {
    expect(dataUpdateInfo("2024-05-18", "2026-11-22").upToDate).toBe(true);
    expect(dataUpdateInfo("2024-05-17", "2026-11-22")).toMatchObject({ upToDate: false, label: "Дані не уточнено" });
    expect(dataUpdateInfo(null, "2026-11-22").upToDate).toBe(false);
    expect(dataUpdateInfo("2026-11-23", "2026-11-22").upToDate).toBe(false);
  });

  it("names the channels that made a reservation", () => {
    expect(markSourceLabel("diia")).toBe("Портал «Дія»");
    expect(markSourceLabel("portal")).toBe("Портал «Броня»");
  });

  it("today is the calendar day in Kyiv", () => {
    expect(kyivDate(new Date("2026-08-31T21:30:00Z"))).toBe("2026-09-01");
    expect(kyivDate(new Date("2026-12-31T21:59:00Z"))).toBe("2026-12-31");
  });
});
