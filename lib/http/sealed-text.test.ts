import { describe, expect, it } from "vitest";
import { openText, sealText } from "./sealed-text";

describe("text sealed for URLs", () => {
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
});
