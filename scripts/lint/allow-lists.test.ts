// The temporary allow-lists of eslint.config.mjs only shrink: an entry whose file no longer
// breaks the boundary (it was converted, moved or deleted) must leave the list, so that the file
// cannot slide back unnoticed.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- the ESLint config is plain JavaScript without type declarations
import { LEGACY_GLOBAL_DB, LEGACY_OBERIG_SQL } from "../../eslint.config.mjs";

const root = new URL("../../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");
const IMPORTS_GLOBAL_DB = /import\s*\{[^}]*\bdb\b[^}]*\}\s*from\s*"@\/lib\/db\/client"/;

describe("eslint.config.mjs allow-lists", () => {
  it.each(LEGACY_GLOBAL_DB as string[])("LEGACY_GLOBAL_DB: %s still imports the global db", (file) => {
    expect(existsSync(new URL(file, root)), `${file} is gone: remove it from LEGACY_GLOBAL_DB`).toBe(true);
    expect(IMPORTS_GLOBAL_DB.test(read(file)), `${file} no longer imports db: remove it from LEGACY_GLOBAL_DB`).toBe(
      true,
    );
  });

  it.each(LEGACY_OBERIG_SQL as string[])("LEGACY_OBERIG_SQL: %s still holds oberig. SQL", (file) => {
    expect(existsSync(new URL(file, root)), `${file} is gone: remove it from LEGACY_OBERIG_SQL`).toBe(true);
    expect(/\boberig\./.test(read(file)), `${file} has no oberig. SQL any more: remove it from LEGACY_OBERIG_SQL`).toBe(
      true,
    );
  });
});
