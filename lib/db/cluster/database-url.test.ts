import { describe, expect, it } from "vitest";
import { parseDatabaseUrl, quoteIdentifier, redactDatabaseUrl, withDatabaseName } from "./database-url";

describe("parseDatabaseUrl", () => {
  it("accepts postgres and postgresql URLs", () => {
    expect(parseDatabaseUrl("postgresql://u:p@db.example:6543/bronya")).toEqual({
      url: "postgresql://u:p@db.example:6543/bronya",
      host: "db.example",
      port: 6543,
      database: "bronya",
      user: "u",
    });
    expect(parseDatabaseUrl(" postgres://localhost/app?sslmode=disable ")).toMatchObject({
      host: "localhost",
      port: 5432,
      database: "app",
    });
  });

  it.each([
    ["", /порожнє/],
    ["not a url", /не URL/],
    ["mysql://u:p@localhost:3306/db", /схема «mysql»/],
    ["postgresql://localhost:5432", /назву бази даних/],
    ["postgresql://localhost:5432/", /назву бази даних/],
    ["postgresql://localhost:99999/db", /не URL|порт/],
    ["postgresql:///db", /не URL|імені сервера/],
  ])("refuses %j with a sentence that says what to do", (raw, reason) => {
    try {
      parseDatabaseUrl(raw);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "DATABASE_URL_INVALID" });
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toMatch(/вкажіть адресу/);
    }
  });
});

describe("URL helpers", () => {
  it("hides the password", () => {
    expect(redactDatabaseUrl("postgresql://u:secret@h:1/d")).toBe("postgresql://u:***@h:1/d");
    expect(redactDatabaseUrl("postgresql://u@h:1/d")).toBe("postgresql://u@h:1/d");
    expect(redactDatabaseUrl("::")).not.toContain("::");
  });

  it("swaps the database and keeps the rest", () => {
    expect(withDatabaseName("postgresql://u:p@h:1/a?sslmode=disable", "b c")).toBe(
      "postgresql://u:p@h:1/b%20c?sslmode=disable",
    );
  });

  it("quotes identifiers", () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
  });
});
