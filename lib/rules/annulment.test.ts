import { describe, expect, it } from "vitest";
import { ANNULMENT_GROUNDS, HEAD_ANNULMENT_GROUNDS } from "./annulment-grounds";
import { decideAnnulment } from "./decide-annulment";
import type { AnnulmentCheckFacts, AnnulmentRequestFacts } from "./facts";
import { findReservationsToAnnul } from "./find-reservations-to-annul";
import { EDRPOU, decision, nextRnokpp, reservationForCheck } from "./test-facts";

describe("annulment grounds", () => {
  it("a head may choose the grounds the spec gives a head, and no automatic-only one", () => {
    expect(HEAD_ANNULMENT_GROUNDS.map((g) => g.code)).toEqual([
      "DECISION_EXPIRED",
      "DISMISSAL",
      "CONTRACT_SUSPENDED",
      "DEFERMENT_OTHER_GROUND",
      "HEAD_REQUEST",
    ]);
    for (const g of ANNULMENT_GROUNDS) expect(g.label).toMatch(/^[А-ЯІЇЄҐ]/);
    expect(ANNULMENT_GROUNDS.find((g) => g.code === "TERM_EXPIRED")!.status).toBe("EXPIRED");
  });
});

describe("decideAnnulment", () => {
  const [reserved, notHere, ended, extended] = [nextRnokpp(), nextRnokpp(), nextRnokpp(), nextRnokpp()];
  const request = (o: Partial<AnnulmentRequestFacts> = {}): AnnulmentRequestFacts => ({
    date: "2026-07-01",
    enterprise: { edrpou: EDRPOU, liquidatedOn: null },
    decision: decision(),
    ground: "HEAD_REQUEST",
    employees: [reserved, notHere, ended, extended].map((rnokpp) => ({ rnokpp, employedHere: true })),
    reservations: [
      { id: "r1", rnokpp: reserved, from: "2026-01-01", until: "2026-12-31" },
      { id: "r2", rnokpp: ended, from: "2025-07-01", until: "2026-06-30" },
      { id: "r4", rnokpp: extended, from: "2026-07-15", until: "2027-07-14" },
      { id: "r3", rnokpp: extended, from: "2025-07-15", until: "2026-07-14" },
    ],
    ...o,
  });

  it("annuls each listed employee reserved here, and refuses the others with their own code", () => {
    const result = decideAnnulment(request());
    expect(result.employees).toEqual([
      { position: 0, rnokpp: reserved, verdict: "ANNUL", reasons: [], reservationIds: ["r1"] },
      {
        position: 1,
        rnokpp: notHere,
        verdict: "REFUSE",
        reasons: [{ code: "NOT_RESERVED_HERE", params: {} }],
        reservationIds: [],
      },
      {
        position: 2,
        rnokpp: ended,
        verdict: "REFUSE",
        reasons: [{ code: "NOT_RESERVED_HERE", params: {} }],
        reservationIds: [],
      },
      { position: 3, rnokpp: extended, verdict: "ANNUL", reasons: [], reservationIds: ["r3", "r4"] },
    ]);
    expect(result).toMatchObject({
      ground: "HEAD_REQUEST",
      rulesetVersion: "res692-2026-05-30",
      counts: { annul: 2, refuse: 2 },
    });
  });

  it("refuses someone neither employed nor reserved here with the one generic code", () => {
    const stranger = nextRnokpp();
    const result = decideAnnulment(
      request({
        employees: [
          { rnokpp: reserved, employedHere: false },
          { rnokpp: stranger, employedHere: false },
        ],
      }),
    );
    expect(result.employees.map((e) => [e.verdict, e.reasons])).toEqual([
      ["ANNUL", []],
      ["REFUSE", [{ code: "NOT_AN_EMPLOYEE", params: {} }]],
    ]);
  });

  it.each([
    ["NONSENSE", "ANNULMENT_GROUND_UNKNOWN"],
    ["TERM_EXPIRED", "ANNULMENT_GROUND_NOT_ALLOWED"],
    ["LIMIT_EXCEEDED", "ANNULMENT_GROUND_NOT_ALLOWED"],
    ["DECISION_REVOKED", "ANNULMENT_GROUND_NOT_ALLOWED"],
    ["DECISION_EXPIRED", "ANNULMENT_GROUND_NOT_APPLICABLE"],
  ])("ground %s is refused as %s", (ground, code) => {
    expect(() => decideAnnulment(request({ ground }))).toThrow(expect.objectContaining({ code, status: 400 }));
  });

  it("DECISION_EXPIRED is open to the head once the decision has ended", () => {
    const expired = decision({ validUntil: "2026-06-30" });
    expect(decideAnnulment(request({ ground: "DECISION_EXPIRED", decision: expired })).counts.annul).toBe(2);
  });

  it.each(["DISMISSAL", "CONTRACT_SUSPENDED", "DEFERMENT_OTHER_GROUND"])("%s is the head's to state", (ground) => {
    expect(decideAnnulment(request({ ground })).counts).toEqual({ annul: 2, refuse: 2 });
  });

  it("an employee listed twice refuses the request", () => {
    expect(() =>
      decideAnnulment(
        request({
          employees: [
            { rnokpp: reserved, employedHere: true },
            { rnokpp: reserved, employedHere: true },
          ],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: "DUPLICATE_EMPLOYEE" }));
  });
});

describe("findReservationsToAnnul", () => {
  const check = (o: Partial<AnnulmentCheckFacts> = {}): AnnulmentCheckFacts => ({
    date: "2026-07-01",
    enterprise: { edrpou: EDRPOU, liquidatedOn: null },
    decision: decision(),
    reservations: [reservationForCheck()],
    ...o,
  });
  const grounds = (facts: AnnulmentCheckFacts) =>
    findReservationsToAnnul(facts).toAnnul.map((a) => [a.ground, a.since]);

  it("leaves a healthy reservation alone", () => {
    expect(findReservationsToAnnul(check())).toMatchObject({ toAnnul: [], remaining: 1, limit: 10 });
  });

  it("the term ending today is still active; ended yesterday expires", () => {
    expect(grounds(check({ reservations: [reservationForCheck({ until: "2026-07-01" })] }))).toEqual([]);
    expect(grounds(check({ reservations: [reservationForCheck({ until: "2026-06-30" })] }))).toEqual([
      ["TERM_EXPIRED", "2026-07-01"],
    ]);
  });

  it("liquidation and revocation end every reservation", () => {
    const two = [reservationForCheck(), reservationForCheck()];
    expect(grounds(check({ reservations: two, enterprise: { edrpou: EDRPOU, liquidatedOn: "2026-06-20" } }))).toEqual([
      ["ENTERPRISE_LIQUIDATED", "2026-06-20"],
      ["ENTERPRISE_LIQUIDATED", "2026-06-20"],
    ]);
    expect(
      grounds(check({ reservations: two, decision: decision({ status: "REVOKED", revokedOn: "2026-06-25" }) })),
    ).toEqual([
      ["DECISION_REVOKED", "2026-06-25"],
      ["DECISION_REVOKED", "2026-06-25"],
    ]);
    expect(grounds(check({ decision: null }))).toEqual([["DECISION_EXPIRED", "2026-07-01"]]);
  });

  it("an expired decision leaves the head 5 working days, then annuls (Resolution 692 cap included)", () => {
    // Decided before 30.05.2026: ends 01.09.2026 (a Tuesday); +5 working days = 08.09.2026.
    const capped = decision({ decidedOn: "2026-03-01", validFrom: "2026-03-01", validUntil: "2027-02-28" });
    const r = [reservationForCheck({ from: "2026-03-10", until: "2027-02-28" })];
    expect(grounds(check({ date: "2026-09-08", decision: capped, reservations: r }))).toEqual([]);
    expect(grounds(check({ date: "2026-09-09", decision: capped, reservations: r }))).toEqual([
      ["DECISION_EXPIRED", "2026-09-02"],
    ]);
  });

  it("dismissal annuls, a transfer inside the enterprise does not", () => {
    const dismissed = reservationForCheck({
      employments: [{ startDate: "2020-01-01", endDate: "2026-06-30", suspended: false }],
    });
    const lastDay = reservationForCheck({
      employments: [{ startDate: "2020-01-01", endDate: "2026-07-01", suspended: false }],
    });
    const transferred = reservationForCheck({
      employments: [
        { startDate: "2020-01-01", endDate: "2026-06-30", suspended: false },
        { startDate: "2026-07-01", endDate: null, suspended: false },
      ],
    });
    const facts = check({ reservations: [dismissed, lastDay, transferred] });
    expect(findReservationsToAnnul(facts).toAnnul).toEqual([
      {
        reservationId: dismissed.id,
        rnokpp: dismissed.rnokpp,
        ground: "DISMISSAL",
        grounds: ["DISMISSAL"],
        since: "2026-07-01",
      },
    ]);
  });

  it("a suspended contract and a current deferment annul; an ended deferment does not", () => {
    const suspended = reservationForCheck({
      employments: [{ startDate: "2020-01-01", endDate: null, suspended: true }],
    });
    expect(grounds(check({ reservations: [suspended] }))).toEqual([["CONTRACT_SUSPENDED", "2026-07-01"]]);
    expect(grounds(check({ reservations: [reservationForCheck({ deferment: { until: null } })] }))).toEqual([
      ["DEFERMENT_OTHER_GROUND", "2026-07-01"],
    ]);
    expect(grounds(check({ reservations: [reservationForCheck({ deferment: { until: "2026-07-01" } })] }))).toEqual([
      ["DEFERMENT_OTHER_GROUND", "2026-07-01"],
    ]);
    expect(grounds(check({ reservations: [reservationForCheck({ deferment: { until: "2026-06-30" } })] }))).toEqual([]);
  });

  it("records the first ground and lists them all", () => {
    const r = reservationForCheck({
      until: "2026-06-30",
      employments: [{ startDate: "2020-01-01", endDate: "2026-06-10", suspended: false }],
    });
    expect(findReservationsToAnnul(check({ reservations: [r] })).toAnnul[0]).toMatchObject({
      ground: "TERM_EXPIRED",
      grounds: ["TERM_EXPIRED", "DISMISSAL"],
      since: "2026-07-01",
    });
  });

  describe("limit exceeded after a limit change", () => {
    const at = (hour: number, id: string) =>
      reservationForCheck({ id, createdAt: `2026-06-15T${String(hour).padStart(2, "0")}:00:00Z` });

    it("annuls the most recent reservations beyond the limit", () => {
      const rs = [at(9, "a"), at(13, "e"), at(10, "b"), at(12, "d"), at(11, "c")];
      const result = findReservationsToAnnul(check({ decision: decision({ limitCount: 3 }), reservations: rs }));
      expect(result.toAnnul.map((a) => [a.reservationId, a.ground])).toEqual([
        ["e", "LIMIT_EXCEEDED"],
        ["d", "LIMIT_EXCEEDED"],
      ]);
      expect(result).toMatchObject({ remaining: 3, limit: 3 });
    });

    it("at the limit exactly, nothing is annulled; reservations ending for other grounds free slots first", () => {
      const rs = [at(9, "a"), at(10, "b"), at(11, "c")];
      expect(
        findReservationsToAnnul(check({ decision: decision({ limitCount: 3 }), reservations: rs })).toAnnul,
      ).toEqual([]);
      const withDismissed = [...rs, { ...at(12, "d"), employments: [] }];
      expect(grounds(check({ decision: decision({ limitCount: 3 }), reservations: withDismissed }))).toEqual([
        ["DISMISSAL", "2026-07-01"],
      ]);
      const four = [...rs, at(12, "d"), { ...at(8, "x"), until: "2026-06-30" }];
      expect(
        findReservationsToAnnul(check({ decision: decision({ limitCount: 3 }), reservations: four })).toAnnul.map(
          (a) => [a.reservationId, a.ground],
        ),
      ).toEqual([
        ["d", "LIMIT_EXCEEDED"],
        ["x", "TERM_EXPIRED"],
      ]);
    });

    it("breaks ties by id and counts a person with an extension once, from their first reservation", () => {
      const p = nextRnokpp();
      const current = { ...at(9, "p1"), rnokpp: p };
      const extension = { ...at(14, "p2"), rnokpp: p, from: "2027-06-15", until: "2028-06-14" };
      const rs = [current, extension, at(10, "q"), at(10, "r")];
      const result = findReservationsToAnnul(check({ decision: decision({ limitCount: 2 }), reservations: rs }));
      expect(result.toAnnul.map((a) => a.reservationId)).toEqual(["r"]);
      expect(result.remaining).toBe(2);
    });
  });

  it("refuses malformed facts", () => {
    expect(() =>
      findReservationsToAnnul(check({ reservations: [reservationForCheck({ createdAt: "15.06.2026" })] })),
    ).toThrow(expect.objectContaining({ code: "RULES_INVALID_FACTS" }));
    const r = reservationForCheck();
    expect(() => findReservationsToAnnul(check({ reservations: [r, r] }))).toThrow(
      expect.objectContaining({ code: "RULES_INVALID_FACTS" }),
    );
    expect(() => findReservationsToAnnul(check({ date: "2026-7-1" }))).toThrow(
      expect.objectContaining({ code: "RULES_INVALID_FACTS" }),
    );
  });
});
