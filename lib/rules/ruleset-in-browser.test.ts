// The browser's copy of lib/rules knows only the code's rulesets (the seed of ruleset_versions):
// a client component must judge with the versions the server sent, through rulesetAmong(),
// never with rulesetFor() or the engine functions that call it.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULESETS, rulesetAmong, rulesetFor, type Ruleset } from "./rulesets";

const root = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const CATALOGUE_BOUND = [
  "rulesetFor",
  "rulesetByVersion",
  "installedRulesets",
  "installRulesets",
  "decideApplication",
  "decideAnnulment",
  "findReservationsToAnnul",
];

function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return clientFiles(full);
    return /\.tsx?$/.test(name) && /^\s*["']use client["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

describe("rulesets in the browser", () => {
  it("rulesetAmong answers from the versions given, by date, like rulesetFor over the catalogue", () => {
    const last = RULESETS.at(-1)!;
    const signed: Ruleset = { ...last, version: "me-2099-01-01", effectiveFrom: "2099-01-01", ageLimit: 58 };
    const list = [...RULESETS, signed];
    expect(rulesetAmong(list, "2098-12-31").version).toBe(last.version);
    expect(rulesetAmong(list, "2099-01-01")).toBe(signed);
    expect(rulesetFor("2099-01-01").version).toBe(last.version);
    expect(rulesetAmong(RULESETS, RULESETS[1]!.effectiveFrom)).toBe(rulesetFor(RULESETS[1]!.effectiveFrom));
    expect(() => rulesetAmong(list, "2020-01-01")).toThrow(expect.objectContaining({ code: "RULESET_NOT_FOUND" }));
  });

  const files = [...clientFiles(path.join(root, "components")), ...clientFiles(path.join(root, "app"))];
  it("has client components to check", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => path.relative(root, f)))("%s takes no ruleset from the browser's catalogue", (file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    const imported = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/lib\/rules[^"]*"/g)].flatMap((m) =>
      m[1]!.split(",").map(
        (s) =>
          s
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0]!,
      ),
    );
    expect(imported.filter((name) => CATALOGUE_BOUND.includes(name))).toEqual([]);
  });
});
