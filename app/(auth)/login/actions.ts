"use server";

import { authenticator } from "otplib";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { z } from "@/lib/zod";
import { DEMO_USERS } from "@/prisma/seed/demo-users";

const ZDemoKey = z.string().min(1).max(64);

/** Demo mode only: the credentials of a demo user, with the TOTP code valid right now. */
export async function demoCredentials(key: unknown) {
  if (!env().DEMO_MODE) return null;
  const parsed = ZDemoKey.safeParse(key);
  const user = parsed.success ? DEMO_USERS.find((u) => u.key === parsed.data) : undefined;
  if (!user) return null;
  return {
    login: user.login,
    password: user.password,
    totp: user.totpSecret ? await unspentCode(user.email ?? user.login, user.totpSecret) : undefined,
  };
}

/** A code is accepted once: after a sign-in within this 30-second step, the next step's code. */
async function unspentCode(email: string, secret: string): Promise<string> {
  const account = await db.user.findUnique({ where: { email }, select: { totpLastStep: true } });
  const now = Date.now();
  if (account?.totpLastStep != null && account.totpLastStep >= Math.floor(now / 30_000)) {
    await new Promise((resolve) => setTimeout(resolve, (account.totpLastStep! + 1) * 30_000 + 50 - now));
  }
  return authenticator.generate(secret);
}
