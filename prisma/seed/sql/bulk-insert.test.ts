import { describe, expect, it } from "vitest";
import { buildCombinedInsert, buildInsert, NOW_UTC, type Table } from "./bulk-insert";

type Row = { id: string; sex: "MALE" | "FEMALE"; tags: string[] | null; born: string };

const TABLE: Table<Row> = {
  name: `"oberig"."things"`,
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "sex", type: "text", cast: `"oberig"."Sex"`, value: (r) => r.sex },
    { name: "tags", type: "text[]", value: (r) => r.tags },
    { name: "born", type: "date", value: (r) => r.born },
    { name: "updatedAt", sql: NOW_UTC },
  ],
};

describe("buildInsert", () => {
  it("passes one array per column through unnest, casting enums and rebuilding list columns", () => {
    const rows: Row[] = [
      { id: "a", sex: "MALE", tags: ["A", "B"], born: "1990-01-01" },
      { id: "b", sex: "FEMALE", tags: null, born: "1991-02-02" },
    ];
    const { text, values } = buildInsert(TABLE, rows);
    expect(text).toBe(
      `INSERT INTO "oberig"."things" ("id", "sex", "tags", "born", "updatedAt") SELECT t.c0, t.c1::"oberig"."Sex", ` +
        `CASE WHEN t.c2 IS NULL THEN NULL ELSE ARRAY(SELECT json_array_elements_text(t.c2::json)) END, t.c3, (now() AT TIME ZONE 'UTC') ` +
        `FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) AS t(c0, c1, c2, c3)`,
    );
    expect(values).toEqual([
      ["a", "b"],
      ["MALE", "FEMALE"],
      ['["A","B"]', null],
      ["1990-01-01", "1991-02-02"],
    ]);
  });

  it("quotes column names that need it", () => {
    const { text } = buildInsert({ name: "t", columns: [{ name: 'we"ird', type: "text", value: () => "x" }] }, [{}]);
    expect(text).toContain(`("we""ird")`);
  });

  it("chains several inserts into one statement with parameters numbered across them", () => {
    const rows: Row[] = [{ id: "a", sex: "MALE", tags: [], born: "1990-01-01" }];
    const single = { name: "t", columns: [{ name: "id", type: "uuid", value: (r: Row) => r.id }] } as Table<Row>;
    const { text, values } = buildCombinedInsert([
      { table: TABLE as Table<never>, rows },
      { table: single as Table<never>, rows },
    ]);
    expect(text).toMatch(
      /^WITH w0 AS \(INSERT INTO "oberig"\."things" .* FROM unnest\(\$1::uuid\[\], \$2::text\[\], \$3::text\[\], \$4::date\[\]\) AS t\(c0, c1, c2, c3\)\) INSERT INTO t \("id"\) SELECT t\.c0 FROM unnest\(\$5::uuid\[\]\) AS t\(c0\)$/,
    );
    expect(values).toEqual([["a"], ["MALE"], ["[]"], ["1990-01-01"], ["a"]]);
  });
});
