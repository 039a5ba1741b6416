import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "@/lib/zod";
import { openApiDocument } from "./openapi";
import { ERROR_CODES } from "./openapi-errors";
import {
  presentAnnulmentDraft,
  presentApplication,
  presentEmployees,
  presentReservationDraft,
  presentSubmitted,
} from "./present";
import {
  refuseRnokppInQuery,
  ZAnnulmentDraftBody,
  ZEmployeesQuery,
  ZEmployeesSearchBody,
  ZReservationDraftBody,
  ZSignedSubmissionBody,
} from "./schemas";

// The hand-written OpenAPI document must match the handlers: the same paths and methods as the
// route files, request examples the handlers' zod schemas accept, and response schemas that
// the presenters' actual output satisfies.

const root = fileURLToPath(new URL("../../..", import.meta.url));
const V1 = path.join(root, "app/api/v1");
// The conscript cabinet's own endpoints (session only, not part of the HR API).
const NOT_HR_API = new Set(["me"]);

function routeFiles(dir: string, rel = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return rel === "" && NOT_HR_API.has(entry.name)
        ? []
        : routeFiles(path.join(dir, entry.name), `${rel}/${entry.name}`);
    return entry.name === "route.ts" ? [rel] : [];
  });
}

function routesOnDisk(): string[] {
  return routeFiles(V1).flatMap((rel) => {
    const source = readFileSync(path.join(V1, rel, "route.ts"), "utf8");
    const methods = [
      ...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1]!.toLowerCase());
    const url = `/api/v1${rel.replace(/\[(\w+)\]/g, "{$1}")}`;
    return methods.map((method) => `${method} ${url}`);
  });
}

function routesInDocument(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([url, item]) =>
    Object.keys(item).map((method) => `${method} ${url}`),
  );
}

type Schema = Record<string, unknown>;

/** A JSON Schema check of the subset the document uses; returns the first mismatch. */
function mismatch(value: unknown, schema: Schema, at = "$"): string | null {
  if (typeof schema.$ref === "string")
    return mismatch(value, openApiDocument.components.schemas[schema.$ref.split("/").pop()!] as Schema, at);
  if (Array.isArray(schema.anyOf))
    return (schema.anyOf as Schema[]).some((s) => mismatch(value, s, at) === null)
      ? null
      : `${at}: не відповідає жодному варіанту`;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never))
    return `${at}: ${JSON.stringify(value)} не з переліку`;
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    const actual =
      value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number")))
      return `${at}: тип ${actual}, очікується ${types.join("|")}`;
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      const found = mismatch(item, schema.items as Schema, `${at}[${i}]`);
      if (found) return found;
    }
  }
  if (value && typeof value === "object" && !Array.isArray(value) && schema.properties) {
    const properties = schema.properties as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in value)) return `${at}.${key}: відсутнє`;
    for (const [key, inner] of Object.entries(value)) {
      if (!(key in properties)) {
        if (schema.additionalProperties === false) return `${at}.${key}: не описано в документі`;
        continue;
      }
      const found = mismatch(inner, properties[key]!, `${at}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

const schemaOf = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("the OpenAPI document", () => {
  it("lists exactly the route files of app/api/v1 with their methods", () => {
    expect(routesInDocument().sort()).toEqual(routesOnDisk().sort());
    expect(routesOnDisk().length).toBeGreaterThanOrEqual(7);
  });

  it("gives request examples that the handlers' schemas accept", () => {
    const schemas: Record<string, z.ZodType> = {
      createReservationDraft: ZReservationDraftBody,
      submitApplication: ZSignedSubmissionBody,
      createAnnulmentDraft: ZAnnulmentDraftBody,
      submitAnnulment: ZSignedSubmissionBody,
      searchEmployees: ZEmployeesSearchBody,
    };
    const withBodies = Object.values(openApiDocument.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => op.requestBody);
    expect(withBodies.map((op) => op.operationId).sort()).toEqual(Object.keys(schemas).sort());
    for (const op of withBodies) {
      const example = op.requestBody!.content["application/json"].example;
      expect(schemas[op.operationId]!.safeParse(example).success, op.operationId).toBe(true);
      expect(
        mismatch(example, op.requestBody!.content["application/json"].schema as Schema),
        op.operationId,
      ).toBeNull();
    }
  });

  it("refuses, in the handlers' schemas, what the document says is refused", () => {
    expect(
      ZReservationDraftBody.safeParse({ edrpou: "34218763", employees: [{ rnokpp: "1759013776", extra: 1 }] }).error
        ?.issues[0]?.code,
    ).toBe("unrecognized_keys");
    expect(
      ZReservationDraftBody.safeParse({ edrpou: "34218763", employees: [{ rnokpp: "1759013776", salary: 100.123 }] })
        .success,
    ).toBe(false);
    expect(ZSignedSubmissionBody.safeParse({ draftId: "x", signature: "AAAA" }).success).toBe(false);
    expect(ZEmployeesSearchBody.safeParse({ q: "3333407195", rnokpp: "3333407195" }).error?.issues[0]?.code).toBe(
      "unrecognized_keys",
    );
    expect(ZEmployeesSearchBody.safeParse({ pageSize: "20" }).success).toBe(false);
    expect(ZEmployeesSearchBody.safeParse({ q: "  " }).success).toBe(false);
  });

  it("keeps a РНОКПП out of the list's query string: a digit in q is RNOKPP_IN_QUERY, a name passes", () => {
    const refused = (query: string) => {
      try {
        refuseRnokppInQuery(new URLSearchParams(query));
        return null;
      } catch (error) {
        return (error as { code: string; status: number }).code;
      }
    };
    expect(refused("q=3333407195")).toBe("RNOKPP_IN_QUERY");
    expect(refused("q=333")).toBe("RNOKPP_IN_QUERY");
    expect(refused("q=%D0%9A%D0%BE%D0%B2%D0%B0&q=3333")).toBe("RNOKPP_IN_QUERY");
    expect(refused("q=%D0%9A%D0%BE%D0%B2%D0%B0%D0%BB%D0%B5%D0%BD%D0%BA%D0%BE&pageSize=50")).toBeNull();
    expect(refused("pageSize=50&page=2")).toBeNull();
    expect(ZEmployeesQuery.safeParse({ q: "Коваленко" }).success).toBe(true);
  });

  it("names only documented error codes, and every $ref resolves", () => {
    for (const item of Object.values(openApiDocument.paths)) {
      for (const op of Object.values(item))
        for (const code of op["x-error-codes"]) expect(ERROR_CODES, `${op.operationId}: ${code}`).toHaveProperty(code);
    }
    const refs = [...JSON.stringify(openApiDocument).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const name of refs) expect(openApiDocument.components.schemas, name).toHaveProperty(name);
  });

  it("describes what the presenters actually return", () => {
    const reasons = [{ code: "QUOTA_EXCEEDED", message: "Перевищено ліміт бронювання (3 з 3)" }];
    const checks: Array<[string, unknown]> = [
      [
        "EmployeeList",
        presentEmployees({
          items: [
            {
              rnokpp: "1759013776",
              fullName: "Шевченко Тарас",
              birthDate: "1985-01-01",
              position: "Інженер",
              salary: 3_000_000,
              hiredOn: "2020-01-01",
              militaryStatus: "ON_REGISTER",
              liability: "LIABLE",
              eligible: false,
              reasons,
              state: "not_reserved",
              reservedUntil: null,
              exception45: false,
            },
            {
              rnokpp: "3151303157",
              fullName: "Іваненко Петро",
              birthDate: "1986-04-12",
              position: null,
              salary: null,
              hiredOn: null,
              militaryStatus: null,
              liability: null,
              eligible: true,
              reasons: [],
              state: "reserved",
              reservedUntil: "2027-01-31",
              exception45: false,
            },
          ],
          total: 2,
          page: 1,
          pageSize: 50,
          date: "2026-07-01",
          limit: { total: 3, used: 3, available: 0 },
          counts: { employees: 2, eligible: 1, reserved: 1 },
        }),
      ],
      [
        "ReservationDraft",
        presentReservationDraft({
          draftId: "0b9b3c52-2f0e-4d4a-9a55-6f1e2c3d4b5a",
          document: new Uint8Array([123, 125]),
          expiresAt: new Date(),
          date: "2026-07-01",
          rulesetVersion: "res692-2026-05-30",
          precheck: [
            {
              position: 1,
              rnokpp: "1759013776",
              fullName: null,
              salary: 2_594_150,
              eligible: false,
              reasons,
              reservedFrom: null,
              reservedUntil: null,
              extension: false,
              exception45: false,
            },
          ],
          limit: { total: 3, used: 3, available: 0 },
        }),
      ],
      [
        "AnnulmentDraft",
        presentAnnulmentDraft({
          draftId: "0b9b3c52-2f0e-4d4a-9a55-6f1e2c3d4b5a",
          document: new Uint8Array([1]),
          expiresAt: new Date(),
          date: "2026-07-01",
          rulesetVersion: "res692-2026-05-30",
          ground: "HEAD_REQUEST",
          precheck: [
            {
              position: 1,
              rnokpp: "1759013776",
              fullName: "Шевченко Тарас",
              annul: false,
              reasons: [{ code: "NOT_RESERVED_HERE", message: "…" }],
              reservedUntil: null,
            },
          ],
        }),
      ],
      [
        "Submitted",
        presentSubmitted({ applicationId: "6c2f8e10-3b1a-4c5d-8e9f-0a1b2c3d4e5f", status: "QUEUED", repeated: false }),
      ],
      [
        "Application",
        presentApplication({
          id: "6c2f8e10-3b1a-4c5d-8e9f-0a1b2c3d4e5f",
          kind: "RESERVATION",
          status: "DECIDED",
          edrpou: "34218763",
          ground: null,
          rulesetVersion: "res692-2026-05-30",
          submittedAt: new Date(),
          decidedAt: new Date(),
          signer: { rnokpp: "1759013776", fullName: "Х" },
          preparedByRnokpp: "1759013776",
          signedDocumentId: "x",
          counts: { items: 2, reserved: 1, refused: 1 },
          failureReason: null,
          items: [
            {
              position: 1,
              rnokpp: "1759013776",
              fullName: "Шевченко Тарас",
              salary: 3_000_000,
              decision: "RESERVED",
              reasons: [],
              reservedFrom: "2026-07-01",
              reservedUntil: "2027-06-30",
              extension: false,
              exception45: false,
            },
            {
              position: 2,
              rnokpp: "3151303157",
              fullName: "",
              salary: null,
              decision: "REFUSED",
              reasons,
              reservedFrom: null,
              reservedUntil: null,
              extension: false,
              exception45: false,
            },
          ],
        }),
      ],
    ];
    for (const [name, value] of checks)
      expect(mismatch(JSON.parse(JSON.stringify(value)), schemaOf(name)), name).toBeNull();
    // …and the checker itself notices a field the document does not describe.
    expect(
      mismatch({ applicationId: "x", status: "QUEUED", repeated: false, extra: 1 }, schemaOf("Submitted")),
    ).toMatch(/extra/);
  });
});
