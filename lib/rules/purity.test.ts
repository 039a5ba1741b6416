// The engine must run anywhere (the company cabinet's browser pre-check imports it): its
// source may import only itself, the shared formatters and the error class — no Prisma, no
// Node built-ins, no server-only module, no environment, no clock. ESLint enforces the same list
// at lint time (eslint.config.mjs, "bronya/lib-rules").
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-facts.ts");
const ALLOWED = [/^\.\//, /^@\/lib\/format$/, /^@\/lib\/errors$/, /^@\/lib\/zod$/];

describe("lib/rules is pure", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources)("%s imports only allowed modules and reads no clock or environment", (file) => {
    const text = readFileSync(`${dir}${file}`, "utf8");
    const specifiers = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    for (const s of specifiers)
      expect(
        ALLOWED.some((re) => re.test(s)),
        `${file} imports ${s}`,
      ).toBe(true);
    expect(text).not.toMatch(/process\.env|Date\.now\(|new Date\(\)|Math\.random|import "server-only"/);
  });
});

describe("the public API", () => {
  it("is exported from lib/rules", async () => {
    const rules = await import(".");
    for (const name of [
      "decideApplication",
      "decideAnnulment",
      "findReservationsToAnnul",
      "rulesetFor",
      "rulesetByVersion",
      "checkDecisionCriteria",
      "computeLimitCount",
      "reasonMessage",
      "toIsoDate",
      "isoDateToUtc",
    ]) {
      expect(typeof (rules as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(rules.ANNULMENT_GROUNDS.length).toBe(9);
    expect(rules.REASON_CODES.length).toBe(12);
  });
});
