import { describe, expect, it } from "vitest";
import { ZCreateReservationDraftInput } from "@/lib/reservations/draft-input";
import { ZReservationDraftBody } from "./schemas";

// The HR API's draft body is the domain's schema with salaries in hryvnias: converted once here,
// refused with the domain's messages.

const draft = (salary: unknown) => ({ edrpou: "34218763", employees: [{ rnokpp: "1759013776", salary }] });
const fieldMessage = (body: unknown) => ZReservationDraftBody.safeParse(body).error?.issues[0]?.message;

describe("the HR API's reservation draft body", () => {
  it("converts hryvnias to the domain's kopiykas, once", () => {
    expect(ZReservationDraftBody.parse(draft(20000.5))).toEqual({
      edrpou: "34218763",
      employees: [{ rnokpp: "1759013776", salary: 2_000_050 }],
    });
    expect(ZReservationDraftBody.parse({ edrpou: "34218763", employees: [{ rnokpp: "1759013776" }] })).toEqual(
      ZCreateReservationDraftInput.parse({ edrpou: "34218763", employees: [{ rnokpp: "1759013776" }] }),
    );
  });

  it("refuses with the domain's Ukrainian messages", () => {
    expect(fieldMessage(draft(100.123))).toBe("Заробітна плата: не більше двох знаків після коми");
    expect(fieldMessage(draft(0.001))).toBe("Заробітна плата: не більше двох знаків після коми");
    expect(fieldMessage(draft(0))).toBe("Заробітна плата має бути додатною");
    expect(fieldMessage(draft(-5))).toBe("Заробітна плата має бути додатною");
    expect(fieldMessage(draft(100_000_000.01))).toBe("Заробітна плата: не більше 100 000 000 грн");
    expect(fieldMessage(draft(1e300))).toBe("Заробітна плата: не більше 100 000 000 грн");
    expect(fieldMessage({ edrpou: "34218763", employees: [] })).toBe("Оберіть хоча б одного працівника");
    expect(ZReservationDraftBody.safeParse(draft("30000")).success).toBe(false);
    expect(ZReservationDraftBody.safeParse({ ...draft(1), edrpou: "1" }).success).toBe(false);
  });
});
