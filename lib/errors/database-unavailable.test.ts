import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "./app-error";
import { isDatabaseUnavailable, onDatabaseUnavailable } from "./database-unavailable";

// The shapes observed when the embedded Postgres is stopped and started under Prisma 7 with
// adapter-pg, and under plain node-postgres (pg-boss, LISTEN clients).
const prismaRaw = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Raw query failed"), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable", () => {
  it("recognises a stopped, restarting or unreachable database however it is wrapped", () => {
    expect(
      isDatabaseUnavailable(
        prismaRaw({
          kind: "postgres",
          originalCode: "57P01",
          message: "terminating connection due to administrator command",
        }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(prismaRaw({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
          code: "ECONNREFUSED",
          syscall: "connect",
          errno: -111,
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("job failed", { cause: new Error("wrapped", { cause: { code: "08006" } }) })),
    ).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(
      isDatabaseUnavailable(prismaRaw({ kind: "UniqueConstraintViolation", constraint: { fields: ["rnokpp"] } })),
    ).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const loop: Record<string, unknown> = { message: "x" };
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});

describe("toAppError", () => {
  it("answers a lost database with SERVICE_UNAVAILABLE (503, Ukrainian) and tells the gate", () => {
    let told = 0;
    onDatabaseUnavailable(() => told++);
    try {
      const error = toAppError(prismaRaw({ kind: "DatabaseNotReachable" }));
      expect(error).toBeInstanceOf(AppError);
      expect(error.toJSON()).toEqual({
        error: { code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/^Портал тимчасово недоступний/) },
      });
      expect(error.status).toBe(503);
      expect(told).toBe(1);
      expect(toAppError(new Error("boom")).code).toBe("INTERNAL");
      expect(told).toBe(1);
    } finally {
      onDatabaseUnavailable(undefined);
    }
  });
});
