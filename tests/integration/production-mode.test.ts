import { spawn } from "node:child_process";
import path from "node:path";
import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { createAdministrator } from "@/lib/admin/create-administrator";
import { listRoleOptions } from "@/lib/auth/list-role-options";
import { verifyPasswordLogin } from "@/lib/auth/verify-password-login";
import { db } from "@/lib/db/client";
import { requireDatabaseUrl } from "@/lib/env";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { createUser } from "@/prisma/seed/factories";
import { assertNoDemoAccounts, countDemoAccounts } from "@/scripts/launch/demo-guard";

// Production (DEMO_MODE=0, the default of `npm start`): the database holds the schema and
// nothing else, no demo login works, and the first administrator comes from admin:create.
// The launcher itself, started on an empty data folder, is driven in tests/e2e/production-mode.spec.ts.

function runAdminCreate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args],
      {
        cwd: path.resolve("."),
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: requireDatabaseUrl(),
        } as unknown as NodeJS.ProcessEnv,
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function signInFails(login: string, password: string, totp?: string) {
  return verifyPasswordLogin({ db, now: new Date() }, { address: "192.0.2.10", login, password, totp }).then(
    () => "signed in",
    (error: { code?: string }) => error.code,
  );
}

describe("an empty production database", () => {
  it("has no demo account, and no demo login works", async () => {
    expect(await db.user.count()).toBe(0);
    expect(await countDemoAccounts(requireDatabaseUrl())).toBe(0);
    for (const user of DEMO_USERS) {
      const totp = user.totpSecret ? authenticator.generate(user.totpSecret) : undefined;
      expect(await signInFails(user.login, user.password, totp)).toBe("INVALID_CREDENTIALS");
    }
  });
});

describe("npm run admin:create", () => {
  it("creates an administrator with a random password and TOTP, who can sign in once the code is given", async () => {
    const created = await createAdministrator(
      { db },
      { email: " Root@Portal.Gov.UA ", fullName: "Перший Адміністратор" },
    );
    expect(created.email).toBe("root@portal.gov.ua");
    expect(created.password).toMatch(/^[a-zA-Z0-9]{24}$/);
    expect(created.totp.uri).toContain(`secret=${created.totp.secret}`);
    const stored = await db.user.findUniqueOrThrow({
      where: { email: created.email },
      omit: { passwordHash: false, totpSecret: false },
    });
    expect(stored.passwordHash).not.toContain(created.password);
    expect(await signInFails(created.email, created.password)).toBe("TOTP_REQUIRED");
    const user = await verifyPasswordLogin(
      { db, now: new Date() },
      {
        address: "192.0.2.10",
        login: created.email,
        password: created.password,
        totp: authenticator.generate(created.totp.secret),
      },
    );
    expect((await listRoleOptions({ db }, { userId: user.id })).map((option) => option.role)).toEqual(["ADMIN"]);
    expect(await db.auditLog.count({ where: { action: "admin.created" } })).toBe(1);
    // Two runs never print the same secrets.
    const second = await createAdministrator(
      { db },
      { email: "second@portal.gov.ua", fullName: "Другий Адміністратор" },
    );
    expect(second.password).not.toBe(created.password);
    expect(second.totp.secret).not.toBe(created.totp.secret);
  });

  it.each([
    [{ email: "not-an-email", fullName: "Адміністратор" }, "VALIDATION_FAILED"],
    [{ email: "x@portal.gov.ua", fullName: "" }, "VALIDATION_FAILED"],
    [{ email: "root@portal.gov.ua", fullName: "Дублікат" }, "CONFLICT"],
  ])("refuses %j with %s and writes nothing", async (input, code) => {
    const before = await db.user.count();
    await expect(createAdministrator({ db }, input)).rejects.toMatchObject({ code });
    expect(await db.user.count()).toBe(before);
  });

  it("as a command: prints the password and the enrolment once; a bad call is one sentence", async () => {
    const run = await runAdminCreate([
      "--email",
      "cli-admin@portal.gov.ua",
      "--name",
      "Адміністратор З Командного Рядка",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const password = /Пароль[^:]*:\s+(\S+)/.exec(run.stdout)?.[1];
    const secret = /Секрет 2FA[^:]*:\s+(\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    expect(run.stdout).toContain("otpauth://totp/");
    const user = await verifyPasswordLogin(
      { db, now: new Date() },
      {
        address: "192.0.2.10",
        login: "cli-admin@portal.gov.ua",
        password: password!,
        totp: authenticator.generate(secret!),
      },
    );
    expect(user.fullName).toBe("Адміністратор З Командного Рядка");

    for (const args of [
      [],
      ["--email"],
      ["--email", "bad"],
      ["--bogus", "x"],
      ["--email", "cli-admin@portal.gov.ua"],
    ]) {
      const refused = await runAdminCreate(args);
      expect(refused.code, args.join(" ")).toBe(1);
      expect(refused.stderr.trim().split("\n"), refused.stderr).toHaveLength(1);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe("the production launcher's guard", () => {
  it("refuses a database that holds a demo account", async () => {
    await expect(assertNoDemoAccounts(requireDatabaseUrl())).resolves.toBeUndefined();
    const demoAdmin = DEMO_USERS.find((user) => user.role === "ADMIN")!;
    await createUser(db, { role: "ADMIN", email: demoAdmin.email, rnokpp: null, password: demoAdmin.password });
    await expect(assertNoDemoAccounts(requireDatabaseUrl())).rejects.toMatchObject({ code: "DEMO_DATA_IN_PRODUCTION" });
  });
});
