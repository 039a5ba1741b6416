import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The signer runs in the browser: everything reachable from the browser entry must avoid
// Node built-ins, server-only modules, Buffer and the database. Follows relative and "@/"
// imports through the project's own files; packages are checked by name.

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, "../../..");
// jkurwa/gost89 (DSTU 4145) by their model modules only; `buffer` is the browser's Buffer for them.
const ALLOWED_PACKAGES = new Set([
  "node-forge",
  "gost89",
  "jksreader",
  "buffer",
  "jkurwa/lib/curve.js", // loaded before Priv.js, which requires it anyway (see open-key-container.ts)
  "jkurwa/lib/models/Priv.js",
  "jkurwa/lib/models/Certificate.js",
  "jkurwa/lib/spec/pbes.js",
  "jkurwa/lib/spec/keystore.js",
]);

function resolveLocal(from: string, specifier: string): string {
  const base = specifier.startsWith("@/") ? join(projectRoot, specifier.slice(2)) : resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")])
    if (existsSync(candidate)) return candidate;
  throw new Error(`не знайдено ${specifier} з ${from}`);
}

function reachable(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(
      /(?:import|export)\s+(type\s+)?[^"';]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']/g,
    )) {
      if (match[1]) continue; // type-only imports vanish from the bundle
      const specifier = (match[2] ?? match[3])!;
      if (specifier.startsWith(".") || specifier.startsWith("@/")) queue.push(resolveLocal(file, specifier));
      else packages.add(specifier);
    }
  }
  return { files: [...seen], packages };
}

describe("browser signing core", () => {
  const { files, packages } = reachable(join(here, "index.ts"));

  it("reaches the expected modules (the walk works)", () => {
    const names = files.map((file) => file.slice(projectRoot.length + 1));
    expect(names).toEqual(
      expect.arrayContaining([
        "lib/kep/browser/open-key-file.ts",
        "lib/kep/canonical-json.ts",
        "lib/identifiers/rnokpp.ts",
      ]),
    );
  });

  it("imports no package but node-forge", () => {
    expect([...packages].filter((name) => !ALLOWED_PACKAGES.has(name))).toEqual([]);
  });

  it("uses no Buffer, process, server-only marker or database", () => {
    const offending = files.filter((file) => {
      const code = readFileSync(file, "utf8")
        .replace(/\/\/.*$/gm, "")
        .replace(/\/\*[\s\S]*?\*\//g, "");
      return /\bBuffer\.|\bprocess\.|server-only|@\/lib\/db/.test(code);
    });
    expect(offending).toEqual([]);
  });
});
