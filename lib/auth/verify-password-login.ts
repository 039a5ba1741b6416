import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { authenticator } from "otplib";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { clearLoginFailures, loginThrottleKeys, loginThrottleWait, recordLoginFailure } from "./login-throttle";

/** RFC 6238 steps of 30 s; the previous step is still accepted (a code typed at :29 arrives at :31). */
const TOTP_STEP_MS = 30_000;

export type PasswordLoginInput = { login: string; password: string; totp?: string; address: string };

let dummyHash: Promise<string> | undefined;

/**
 * Checks a login (e-mail or РНОКПП), password and, where the account has one, the TOTP code.
 * A wrong password, a missing login and a throttled one get the same answer in about the same
 * time; failures slow the address and the login down (lib/auth/login-throttle.ts), and a TOTP
 * code is accepted once.
 */
export async function verifyPasswordLogin(ctx: Ctx<"db" | "now">, input: PasswordLoginInput) {
  const { db, now } = ctx;
  const login = input.login.trim().toLowerCase();
  const keys = loginThrottleKeys(input.address, login);
  if ((await loginThrottleWait(keys, now)) > 0) throw invalid();

  const user = await db.user.findFirst({
    where: login.includes("@") ? { email: login } : { rnokpp: login },
    omit: { passwordHash: false, totpSecret: false },
  });
  const usable = user && user.passwordHash && !user.disabledAt ? user : null;
  // A missing login costs one argon2 verification too, so timing does not tell it apart.
  dummyHash ??= hash("no such account", { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const passwordOk = await verify(usable?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!usable || !passwordOk) {
    await recordLoginFailure(keys, now);
    throw invalid();
  }

  if (usable.totpSecret) {
    const code = input.totp?.replace(/\s/g, "");
    if (!code) throw new AppError("TOTP_REQUIRED", "Введіть одноразовий код із застосунку-автентифікатора");
    const step = acceptedTotpStep(code, usable.totpSecret, now);
    // Accepted once: the step must be later than the last one used (an atomic compare-and-set).
    const claimed =
      step === null
        ? 0
        : (
            await db.user.updateMany({
              where: { id: usable.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
              data: { totpLastStep: step },
            })
          ).count;
    if (claimed === 0) {
      await recordLoginFailure(keys, now);
      throw new AppError("TOTP_INVALID", "Одноразовий код неправильний, застарів або вже використаний");
    }
  }

  await db.user.update({ where: { id: usable.id }, data: { lastLoginAt: now } });
  await clearLoginFailures(keys);
  return { id: usable.id, rnokpp: usable.rnokpp, fullName: usable.fullName };
}

/** The time step the code belongs to (this one or the previous), or null. */
export function acceptedTotpStep(code: string, secret: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ window: [1, 0], epoch: now.getTime() }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now.getTime() / TOTP_STEP_MS) + delta;
}

function invalid() {
  return new AppError("INVALID_CREDENTIALS", "Неправильний логін або пароль");
}
