import { describe, expect, it } from "vitest";
import type { MarkRecord } from "@/lib/registry";
import { evaluateEvod, type IssuedEvod } from "./evaluate-evod";
import type { EvodSnapshot } from "./snapshot";
import { evodValidUntil } from "@/lib/rules";

const mark = (patch: Partial<MarkRecord> = {}): MarkRecord => ({
  id: "m1",
  rnokpp: "3333407195",
  edrpou: "34218763",
  fromDate: "2026-10-01",
  untilDate: "2027-03-31",
  status: "ACTIVE",
  source: "portal",
  reservationId: null,
  ...patch,
});

const snapshot = (reservation: EvodSnapshot["reservation"]): EvodSnapshot => ({
  version: 1,
  person: {
    lastName: "Коваленко",
    firstName: "Андрій",
    patronymic: "Сергійович",
    birthDate: "1991-04-07",
    rnokpp: "3333407195",
    address: "м. Дніпро",
    phone: "+380503216549",
    email: null,
  },
  military: null,
  reservation,
});

const reserved = snapshot({
  markId: "m1",
  edrpou: "34218763",
  enterpriseName: "ПрАТ «ДЗЕМ»",
  fromDate: "2026-10-01",
  untilDate: "2027-03-31",
});
const doc = (patch: Partial<IssuedEvod> = {}): IssuedEvod => ({
  snapshot: reserved,
  snapshotHash: "h",
  validUntil: "2027-03-31",
  revokedAt: null,
  ...patch,
});

describe("evaluateEvod", () => {
  it("is valid while the registry matches and the terms run", () => {
    expect(evaluateEvod({ document: doc(), currentHash: "h", marks: [mark()], today: "2027-03-31" })).toEqual({
      valid: true,
    });
  });

  it("a replaced document is invalid first of all", () => {
    expect(
      evaluateEvod({
        document: doc({ revokedAt: new Date() }),
        currentHash: "h",
        marks: [mark()],
        today: "2026-11-22",
      }),
    ).toEqual({ valid: false, reason: "SUPERSEDED" });
  });

  it("an annulled reservation says so, even though the hash would also differ", () => {
    expect(
      evaluateEvod({
        document: doc(),
        currentHash: "other",
        marks: [mark({ status: "ANNULLED" })],
        today: "2026-11-22",
      }),
    ).toEqual({ valid: false, reason: "RESERVATION_ANNULLED" });
  });

  it("a reservation that ran out ends the document the day after, expiry job or not", () => {
    expect(
      evaluateEvod({
        document: doc({ validUntil: "2027-06-01" }),
        currentHash: "h",
        marks: [mark()],
        today: "2027-04-01",
      }),
    ).toEqual({ valid: false, reason: "RESERVATION_ENDED" });
    expect(
      evaluateEvod({ document: doc(), currentHash: "h", marks: [mark({ status: "EXPIRED" })], today: "2026-12-01" }),
    ).toEqual({ valid: false, reason: "RESERVATION_ENDED" });
    expect(evaluateEvod({ document: doc(), currentHash: "h", marks: [], today: "2026-12-01" })).toEqual({
      valid: false,
      reason: "RESERVATION_ENDED",
    });
  });

  it("an extension (the shown mark superseded) is a change of data", () => {
    expect(
      evaluateEvod({
        document: doc(),
        currentHash: "new",
        marks: [mark({ status: "SUPERSEDED" }), mark({ id: "m2" })],
        today: "2026-12-01",
      }),
    ).toEqual({ valid: false, reason: "DATA_CHANGED" });
  });

  it("expires after validUntil, on both sides of the day", () => {
    const plain = doc({ snapshot: snapshot(null), validUntil: "2027-11-21" });
    expect(evaluateEvod({ document: plain, currentHash: "h", marks: [], today: "2027-11-21" })).toEqual({
      valid: true,
    });
    expect(evaluateEvod({ document: plain, currentHash: "h", marks: [], today: "2027-11-22" })).toEqual({
      valid: false,
      reason: "EXPIRED",
    });
  });

  it("any other change of a shown fact, or the person gone from the registry, is DATA_CHANGED", () => {
    const plain = doc({ snapshot: snapshot(null), validUntil: "2027-11-21" });
    expect(evaluateEvod({ document: plain, currentHash: "x", marks: [], today: "2026-11-22" })).toEqual({
      valid: false,
      reason: "DATA_CHANGED",
    });
    expect(evaluateEvod({ document: plain, currentHash: null, marks: [], today: "2026-11-22" })).toEqual({
      valid: false,
      reason: "DATA_CHANGED",
    });
  });
});

describe("evodValidUntil", () => {
  it("is at most a year: the day before the anniversary", () => {
    expect(evodValidUntil("2026-11-22", snapshot(null))).toBe("2027-11-21");
    expect(evodValidUntil("2028-02-29", snapshot(null))).toBe("2029-02-27");
  });

  it("never beyond the reservation it shows", () => {
    expect(evodValidUntil("2026-11-22", reserved)).toBe("2027-03-31");
  });

  it("never beyond a deferment it shows; a deferment already over does not cap", () => {
    const military = {
      status: "ON_REGISTER",
      liability: "LIABLE",
      category: 2,
      tcc: "ТЦК",
      registeredOn: "2008-05-01",
      rank: null,
      specialty: null,
      vlkDate: null,
      vlkResult: null,
      deferment: "Навчання",
      dataUpdatedOn: null,
    };
    expect(
      evodValidUntil("2026-11-22", { reservation: null, military: { ...military, defermentUntil: "2027-06-30" } }),
    ).toBe("2027-06-30");
    expect(
      evodValidUntil("2026-11-22", { reservation: null, military: { ...military, defermentUntil: "2026-11-01" } }),
    ).toBe("2027-11-21");
  });
});
