import { describe, expect, it } from "vitest";
import { ZAnnulmentDraftBody } from "@/lib/api/v1/schemas";
import { zodToAppError } from "@/lib/errors";
import { MAX_EMPLOYEES } from "./constants";
import { ZCreateAnnulmentDraftInput } from "./draft-input";

// The annulment draft's one schema: the cabinet's action parses it without `edrpou`, the HR API
// as it is, and the domain again — so each refusal reads the same through every door.

const edrpou = "34218763";
const rnokpp = "1759013776";
const draft = (over: Record<string, unknown> = {}) => ({
  edrpou,
  ground: "HEAD_REQUEST",
  employees: [{ rnokpp }],
  ...over,
});
const refusal = (input: unknown) => {
  const result = ZCreateAnnulmentDraftInput.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  const error = zodToAppError(result.error);
  return { code: error.code, message: error.message, fields: error.fields };
};

describe("the annulment draft's input", () => {
  it("accepts a ground and the employees, in their order", () => {
    const employees = [{ rnokpp }, { rnokpp: "3333407195" }];
    expect(ZCreateAnnulmentDraftInput.parse(draft({ employees }))).toEqual({
      edrpou,
      ground: "HEAD_REQUEST",
      employees,
    });
  });

  it("refuses in Ukrainian, naming the field", () => {
    expect(refusal(draft({ employees: [] }))).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Оберіть хоча б одного працівника",
      fields: { employees: "Оберіть хоча б одного працівника" },
    });
    expect(refusal(draft({ employees: Array.from({ length: MAX_EMPLOYEES + 1 }, () => ({ rnokpp })) }))).toMatchObject({
      message: "Не більше 10000 працівників в одній заяві",
      fields: { employees: "Не більше 10000 працівників в одній заяві" },
    });
    expect(refusal(draft({ ground: "" }))).toMatchObject({
      message: "Оберіть підставу анулювання",
      fields: { ground: "Оберіть підставу анулювання" },
    });
    expect(refusal(draft({ employees: [{ rnokpp: "1759013777" }] }))).toMatchObject({
      code: "INVALID_RNOKPP",
      fields: { "employees.0.rnokpp": expect.stringMatching(/РНОКПП/) },
    });
  });

  it("refuses a field it does not know, at the top and in an employee", () => {
    expect(refusal({ ...draft(), rnokpps: [rnokpp] }).code).toBe("UNKNOWN_FIELD");
    expect(refusal(draft({ employees: [{ rnokpp, salary: 1 }] })).code).toBe("UNKNOWN_FIELD");
  });

  it("is the HR API's body as it is, and the cabinet's form without the enterprise", () => {
    expect(ZAnnulmentDraftBody).toBe(ZCreateAnnulmentDraftInput);
    const form = ZCreateAnnulmentDraftInput.omit({ edrpou: true });
    expect(form.safeParse({ ground: "HEAD_REQUEST", employees: [{ rnokpp }] }).success).toBe(true);
    expect(form.safeParse(draft()).success).toBe(false);
  });
});
