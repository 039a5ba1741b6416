import { describe, expect, it } from "vitest";
import { apiTokenPrefix, demoApiToken, generateApiToken, hashApiToken, ZApiToken } from "./token-format";

describe("API token format", () => {
  it("generates distinct tokens of the documented shape", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a).not.toBe(b);
    expect(ZApiToken.safeParse(a).success).toBe(true);
    expect(a).toHaveLength(47);
    expect(apiTokenPrefix(a)).toBe(a.slice(0, 12));
  });

  it("stores a SHA-256, never the token", () => {
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiToken("brn_x")).not.toBe(hashApiToken("brn_y"));
  });

  it("derives the demo token from the ЄДРПОУ as documented, in the same format", () => {
    const token = demoApiToken("34218763");
    expect(token).toBe(demoApiToken("34218763"));
    expect(token).not.toBe(demoApiToken("43892157"));
    expect(ZApiToken.safeParse(token).success).toBe(true);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "brn_short", `xyz_${"a".repeat(43)}`, `brn_${"a".repeat(42)}!`])
      expect(ZApiToken.safeParse(bad).success).toBe(false);
  });
});
