import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { StaffRecord } from "@/lib/registry";
import { modelRow, type RowJudgement } from "./employee-list-model";
import {
  assembleModel,
  decodeEmployeeListModel,
  EMPLOYEE_LIST_FORMAT,
  encodeEmployeeListModel,
} from "./employee-list-snapshots";

// Stored employee lists (employee_list_snapshots) outlive the process that judged them, and a
// deployment: a row is read only under the format it was written with. This test ties the format
// to the code that decides what a row holds — the rules engine, the model's rows and judging, the
// facts it reads, the registry's StaffRecord and how the mock fills it — so that changing that code
// without a new format fails here.

const root = path.resolve(__dirname, "../..");

function sourcesFingerprint(): string {
  const files = [
    ...readdirSync(path.join(root, "lib/rules"))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => `lib/rules/${name}`),
    "lib/reservations/employee-list-model.ts",
    "lib/reservations/employee-list-snapshots.ts",
    "lib/reservations/load-application-facts.ts",
    "lib/reservations/find-enterprise-decision.ts",
    "lib/registry/types.ts",
    "lib/registry/postgres/find-staff.ts",
    "lib/registry/postgres/map.ts",
  ].sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** The fingerprint of the sources each format was written by; a new format adds a line. */
const FORMATS: Record<number, string> = {
  1: "6193af5e30ccc2f4",
  2: "1db00c6a75b50963", // the 45-day exceptions left the portal version: the staff's notes carry them
  3: "0ef53a1c9bd44b1b", // findEnterpriseDecision also reads the limit's base; the rows are as in 2
  4: "db88c83f352473d3", // the facts count the enterprise's marks instead of reading them; the rows are as in 3
};

describe("the stored employee list's format", () => {
  it("changes whenever the code that judges and shapes a stored row changes", () => {
    const now = sourcesFingerprint();
    const known = Object.entries(FORMATS).find(([, fingerprint]) => fingerprint === now);
    expect(
      known?.[0],
      `the code behind a stored employee list changed: raise EMPLOYEE_LIST_FORMAT ` +
        `(employee-list-snapshots.ts) and add the line ${EMPLOYEE_LIST_FORMAT + 1}: "${now}" to FORMATS`,
    ).toBe(String(EMPLOYEE_LIST_FORMAT));
  });

  it("never had two formats of the same sources", () => {
    const fingerprints = Object.values(FORMATS);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});

describe("a stored employee list", () => {
  const date = "2026-12-06";
  const records: StaffRecord[] = [
    {
      person: {
        rnokpp: "3000000011",
        lastName: "Авраменко",
        firstName: "Петро",
        patronymic: null,
        fullName: "Авраменко Петро",
        birthDate: "1980-02-29",
        sex: "MALE",
        military: {
          status: "ON_REGISTER",
          liability: "RESERVIST",
          dataUpdatedOn: null,
          wanted: true,
          wantedCriminal: true,
          deferment: "за станом здоров'я",
          defermentUntil: "2027-01-01",
        },
      },
      employments: [
        {
          rnokpp: "3000000011",
          position: "Слюсар",
          startDate: "2019-01-01",
          endDate: "2021-05-31",
          salaryKop: 2_000_000,
          mainJob: true,
          suspended: false,
        },
        {
          rnokpp: "3000000011",
          position: "Майстер",
          startDate: "2021-06-01",
          endDate: null,
          salaryKop: 3_512_345,
          mainJob: false,
          suspended: true,
        },
      ],
      activeMarks: [
        {
          id: "m-1",
          rnokpp: "3000000011",
          edrpou: "12345678",
          fromDate: "2026-01-01",
          untilDate: "2026-12-20",
          status: "ACTIVE",
          source: "diia",
          reservationId: null,
        },
      ],
    },
    {
      person: {
        rnokpp: "3000000022",
        lastName: "Бойко",
        firstName: "Ірина",
        patronymic: "Олегівна",
        fullName: "Бойко Ірина Олегівна",
        birthDate: "1990-07-01",
        sex: "FEMALE",
        military: null,
      },
      employments: [
        {
          rnokpp: "3000000022",
          position: "Лікарка",
          startDate: "2024-03-01",
          endDate: null,
          salaryKop: 4_000_000,
          mainJob: true,
          suspended: false,
        },
      ],
      activeMarks: [],
    },
  ];
  const judgements: RowJudgement[] = [
    {
      eligible: false,
      reasons: [
        { code: "WANTED", params: {} } as never,
        { code: "AGE_OVER_LIMIT", params: { ageLimit: 25, limitReachedOn: "2005-02-28" } } as never,
      ],
      state: "expiring",
      reservedUntil: "2026-12-20",
      exception45: false,
    },
    { eligible: true, reasons: [], state: "not_reserved", reservedUntil: null, exception45: true },
  ];
  const model = assembleModel(
    date,
    records.map((record, i) => modelRow(record, date, judgements[i]!)),
    { total: 10, used: 3, available: 7 },
    new Map(records.map((r) => [r.person.rnokpp, r])),
  );

  it("reads back exactly the model that was stored: rows, records, limit and counts", async () => {
    const bytes = await encodeEmployeeListModel(model);
    expect(await decodeEmployeeListModel(bytes, date)).toEqual(model);
  });

  it("is refused when a row has no registry record to store", async () => {
    const staff = new Map(model.staff);
    staff.delete("3000000022");
    await expect(encodeEmployeeListModel({ ...model, staff })).rejects.toThrow("3000000022");
  });
});
