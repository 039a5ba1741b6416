import { describe, expect, it } from "vitest";
import { employeeHref, rnokppFromRef } from "./employee-ref";
import { readEmployeeFilters, sealSearch } from "./read-employee-filters";
import { openText, sealText } from "./sealed-search";

describe("search text and employee references sealed for URLs", () => {
  it("round-trips, shows nothing of the text, and refuses forged or foreign tokens", () => {
    const token = sealText("3333407195");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain("3333407195");
    expect(openText(token)).toBe("3333407195");
    expect(openText(token, "employee-ref")).toBeNull();
    const flipped = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect(openText(flipped)).toBeNull();
    for (const bad of ["", "abc", "%%%", "A".repeat(2000)]) expect(openText(bad)).toBeNull();
  });

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
