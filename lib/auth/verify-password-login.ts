import "server-only";
import { verify } from "@node-rs/argon2";
import { authenticator } from "otplib";
import type { DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export type PasswordLoginInput = { login: string; password: string; totp?: string; now: Date };

/**
 * Checks a login (e-mail or РНОКПП), password and, where the account has one, the TOTP code.
 * Repeated failures lock the account for a while; the error never tells which part was wrong.
 */
export async function verifyPasswordLogin(db: DbTx, input: PasswordLoginInput) {
  const login = input.login.trim().toLowerCase();
  const user = await db.user.findFirst({
    where: login.includes("@") ? { email: login } : { rnokpp: login },
    omit: { passwordHash: false, totpSecret: false },
  });
  if (!user || !user.passwordHash || user.disabledAt) throw invalid();
  if (user.lockedUntil && user.lockedUntil > input.now) {
    throw new AppError("ACCOUNT_LOCKED", `Забагато невдалих спроб. Спробуйте після ${user.lockedUntil.toLocaleTimeString("uk-UA", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Kyiv" })}`, { status: 429 });
  }

  const passwordOk = await verify(user.passwordHash, input.password).catch(() => false);
  if (!passwordOk) {
    await recordFailure(db, user.id, input.now);
    throw invalid();
  }

  if (user.totpSecret) {
    const code = input.totp?.replace(/\s/g, "");
    if (!code) throw new AppError("TOTP_REQUIRED", "Введіть одноразовий код із застосунку-автентифікатора", { status: 401 });
    if (!/^\d{6}$/.test(code) || !authenticator.verify({ token: code, secret: user.totpSecret })) {
      await recordFailure(db, user.id, input.now);
      throw new AppError("TOTP_INVALID", "Одноразовий код неправильний або застарів", { status: 401 });
    }
  }

  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: input.now } });
  return { id: user.id, rnokpp: user.rnokpp, fullName: user.fullName };
}

async function recordFailure(db: DbTx, userId: string, now: Date) {
  // Incremented in the database so that parallel attempts cannot each see "4 failures".
  const { failedLogins } = await db.user.update({ where: { id: userId }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
  if (failedLogins >= MAX_FAILED_LOGINS) {
    await db.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) } });
  }
}

function invalid() {
  return new AppError("INVALID_CREDENTIALS", "Неправильний логін або пароль", { status: 401 });
}
