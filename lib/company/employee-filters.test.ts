import { describe, expect, it } from "vitest";
import { filtersQuery, isFiltered, parseEmployeeFilters, toListInput } from "./employee-filters";

describe("employee list filters in the URL", () => {
  it("reads known values and turns them into listEmployees input", () => {
    const filters = {
      ...parseEmployeeFilters({ state: "reserved", eligible: "no", reason: "WANTED", sort: "-salary", page: "3" }),
      q: "Коваль",
    };
    expect(toListInput(filters)).toEqual({
      q: "Коваль",
      state: "reserved",
      eligible: false,
      reason: "WANTED",
      sort: "-salary",
      page: 3,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it("drops what the list does not know instead of failing, and takes the first of repeated keys", () => {
    const filters = parseEmployeeFilters({
      q: "",
      state: "nonsense",
      eligible: "maybe",
      reason: "DROP TABLE",
      sort: "age",
      page: ["0", "2"],
    });
    expect(toListInput(filters)).toEqual({ militaryLiable: true, page: 1 });
    expect(isFiltered(filters)).toBe(false);
    expect(toListInput(parseEmployeeFilters({ page: ["2", "5"] })).page).toBe(2);
  });

  it("never reads or writes search text in the URL: only its sealed form travels", () => {
    expect(parseEmployeeFilters({ q: "3333407195" }).q).toBeUndefined();
    const filters = { ...parseEmployeeFilters({ s: "c2VhbGVk", eligible: "yes", page: "4" }), q: "3333407195" };
    expect(filtersQuery(filters)).toBe("?s=c2VhbGVk&eligible=yes");
    expect(filtersQuery(filters, { step: "salaries" })).toBe("?s=c2VhbGVk&eligible=yes&step=salaries");
    expect(filtersQuery(parseEmployeeFilters({}))).toBe("");
  });

  it("opens on the military-liable; «усі працівники» or a search looks through the whole staff", () => {
    expect(toListInput(parseEmployeeFilters({})).militaryLiable).toBe(true);
    expect(toListInput(parseEmployeeFilters({ who: "all" })).militaryLiable).toBeUndefined();
    expect(toListInput({ ...parseEmployeeFilters({}), q: "Коваль" }).militaryLiable).toBeUndefined();
    expect(parseEmployeeFilters({ who: "everyone" }).who).toBeUndefined();
    expect(filtersQuery(parseEmployeeFilters({ who: "all", eligible: "no" }))).toBe("?eligible=no&who=all");
  });
});
