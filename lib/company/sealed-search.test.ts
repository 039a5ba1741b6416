import { describe, expect, it } from "vitest";
import { employeeHref, rnokppFromRef } from "./employee-ref";
import { readEmployeeFilters, sealSearch } from "./read-employee-filters";
import { sealText } from "@/lib/http/sealed-text";

describe("search text and employee references sealed for URLs", () => {
  it("an employee's address carries an opaque reference that opens to the РНОКПП", () => {
    const href = employeeHref("3333407195");
    expect(href).toMatch(/^\/company\/employees\/[A-Za-z0-9_-]{40,}$/);
    expect(href).not.toContain("3333407195");
    expect(rnokppFromRef(href.split("/").at(-1)!)).toBe("3333407195");
    expect(rnokppFromRef(sealText("not a РНОКПП", "employee-ref"))).toBeNull();
    expect(rnokppFromRef("3333407195")).toBeNull();
  });

  it("the lists read the search from the sealed `s` only", () => {
    const s = sealSearch(" Коваленко ")!;
    expect(readEmployeeFilters({ s, state: "reserved" })).toMatchObject({ q: "Коваленко", s, state: "reserved" });
    expect(readEmployeeFilters({ q: "3333407195" }).q).toBeUndefined();
    expect(readEmployeeFilters({ s: "forged" })).toMatchObject({ q: undefined, s: undefined });
    expect(sealSearch("  ")).toBeUndefined();
  });
});
