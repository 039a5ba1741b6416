import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    "/company",
    "/company/applications/5b0c?tab=items#top",
    "/ministry?q=%D0%A5%D0%B0%D1%80",
    "/me/vacancies?q=a%20b",
    "/",
  ])("keeps the same-origin path %j", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ["/\\evil.example", "a backslash after the slash"],
    ["/%5Cevil.example", "an encoded backslash"],
    ["/%255Cevil.example", "a doubly encoded backslash"],
    ["//evil.example", "a protocol-relative URL"],
    ["/%2Fevil.example", "an encoded second slash"],
    ["/%252F%252Fevil.example", "doubly encoded slashes"],
    ["https://evil.example/company", "an absolute URL"],
    ["javascript:alert(1)", "a script scheme"],
    ["/\tevil", "a tab"],
    ["/\n/evil.example", "a newline"],
    ["/%0a/evil.example", "an encoded newline"],
    ["evil.example", "a relative path"],
    ["", "an empty value"],
    ["/%E0%A4%A", "a malformed percent-encoding"],
    [`/${"a".repeat(600)}`, "an overlong value"],
  ])("refuses %j (%s)", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/company"])).toBeNull();
    expect(safeNextPath(42)).toBeNull();
  });
});
