import { describe, expect, it } from "vitest";
import { decideCertificateEntitlement, type EntitlementFacts, type EntitlementPeriod } from "./certificate-entitlement";

const today = "2026-12-04"; // a Friday
const period = (overrides: Partial<EntitlementPeriod> = {}): EntitlementPeriod => ({
  id: "p1",
  unitCode: "А4521",
  fromDate: "2022-03-01",
  untilDate: "2023-08-31",
  defenceConfirmedOn: "2023-09-20",
  ...overrides,
});
const facts = (overrides: Partial<EntitlementFacts>): EntitlementFacts => ({
  kind: "SERVICE_PARTICIPATION",
  today,
  registration: { status: "ON_REGISTER" },
  servicePeriods: [],
  activeMark: null,
  ...overrides,
});

describe("certificate of participation in military service", () => {
  it("is refused to someone with no period of service (not a veteran)", () => {
    expect(decideCertificateEntitlement(facts({}))).toMatchObject({ outcome: "REFUSE", reason: "NO_SERVICE_PERIODS" });
    // A period that has not begun is not service yet.
    expect(
      decideCertificateEntitlement(
        facts({ servicePeriods: [period({ fromDate: "2026-12-05", defenceConfirmedOn: null })] }),
      ),
    ).toMatchObject({ outcome: "REFUSE" });
  });

  it("is issued at once when every period is confirmed by its unit (a serving soldier too)", () => {
    expect(
      decideCertificateEntitlement(
        facts({
          servicePeriods: [period(), period({ id: "p2", untilDate: null, fromDate: today, defenceConfirmedOn: today })],
        }),
      ),
    ).toEqual({ outcome: "ISSUE" });
  });

  it("goes to the unit of the oldest unconfirmed period, with all of that unit's unconfirmed periods, due in 10 working days", () => {
    const decision = decideCertificateEntitlement(
      facts({
        servicePeriods: [
          period(),
          period({
            id: "p2",
            unitCode: "А0317",
            fromDate: "2023-09-01",
            untilDate: "2024-01-01",
            defenceConfirmedOn: null,
          }),
          period({
            id: "p3",
            unitCode: "А1846",
            fromDate: "2024-02-01",
            untilDate: "2024-05-01",
            defenceConfirmedOn: null,
          }),
          period({
            id: "p4",
            unitCode: "А0317",
            fromDate: "2024-06-01",
            untilDate: "2025-01-01",
            defenceConfirmedOn: null,
          }),
        ],
      }),
    );
    expect(decision).toEqual({
      outcome: "ROUTE_TO_UNIT",
      unitCode: "А0317",
      periodIds: ["p2", "p4"],
      dueOn: "2026-12-18",
    });
  });
});

describe("certificate of military registration", () => {
  it.each(["ON_REGISTER", "BEING_CLARIFIED", "WANTED"])("is issued to a person registered with status %s", (status) => {
    expect(decideCertificateEntitlement(facts({ kind: "MILITARY_REGISTRATION", registration: { status } }))).toEqual({
      outcome: "ISSUE",
    });
  });

  it.each(["REMOVED", "EXCLUDED", "NOT_REGISTERED"])("is refused with status %s", (status) => {
    expect(
      decideCertificateEntitlement(facts({ kind: "MILITARY_REGISTRATION", registration: { status } })),
    ).toMatchObject({ outcome: "REFUSE", reason: "NOT_ON_REGISTER" });
  });

  it("is refused to a person the register does not know", () => {
    expect(decideCertificateEntitlement(facts({ kind: "MILITARY_REGISTRATION", registration: null }))).toMatchObject({
      outcome: "REFUSE",
      reason: "NOT_ON_REGISTER",
    });
  });
});

describe("extract of a reservation", () => {
  const mark = { edrpou: "34218763", fromDate: "2026-06-01", untilDate: "2026-12-04" };

  it("is issued while the mark is in force, its last day included", () => {
    expect(decideCertificateEntitlement(facts({ kind: "RESERVATION_EXTRACT", activeMark: mark }))).toEqual({
      outcome: "ISSUE",
    });
    expect(
      decideCertificateEntitlement(facts({ kind: "RESERVATION_EXTRACT", activeMark: { ...mark, fromDate: today } })),
    ).toEqual({ outcome: "ISSUE" });
  });

  it("is refused without a mark, before it starts and after it ends", () => {
    expect(decideCertificateEntitlement(facts({ kind: "RESERVATION_EXTRACT" }))).toMatchObject({
      outcome: "REFUSE",
      reason: "NO_ACTIVE_RESERVATION",
    });
    expect(
      decideCertificateEntitlement(
        facts({
          kind: "RESERVATION_EXTRACT",
          activeMark: { ...mark, fromDate: "2026-12-05", untilDate: "2027-01-01" },
        }),
      ),
    ).toMatchObject({ outcome: "REFUSE" });
    expect(
      decideCertificateEntitlement(
        facts({ kind: "RESERVATION_EXTRACT", activeMark: { ...mark, untilDate: "2026-12-03" } }),
      ),
    ).toMatchObject({ outcome: "REFUSE" });
  });
});
