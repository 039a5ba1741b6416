import "server-only";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { authenticator } from "otplib";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "@/lib/zod";
import { TOTP_ISSUER } from "./add-official";

// The first administrator of a production portal (`npm run admin:create -- --email …`): an
// account with a random password and a fresh TOTP secret, both returned once to be printed
// once and stored nowhere but as an argon2id hash and the secret column. Nothing known in
// advance: the demo's administrator (prisma/seed/demo-users.ts) exists only in demo mode.

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const ZCreateAdministrator = z.object({
  email: z.string().trim().toLowerCase().email("Вкажіть коректну адресу е-пошти").max(200),
  fullName: z.string().trim().min(3, "Вкажіть ім'я адміністратора (щонайменше 3 символи)").max(200),
});

export type CreatedAdministrator = {
  userId: string;
  email: string;
  password: string;
  totp: { secret: string; uri: string };
};

/** 24 characters from a 32-letter alphabet without look-alikes: 120 bits. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789AB";
  const bytes = randomBytes(24);
  return Array.from(bytes, (byte) => alphabet[byte % 32]).join("");
}

export async function createAdministrator(ctx: Ctx<"db">, raw: unknown): Promise<CreatedAdministrator> {
  const input = parseInput(ZCreateAdministrator, raw);
  const password = generateOneTimePassword();
  const secret = authenticator.generateSecret(20);
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  const userId = await inTransaction(ctx.db, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `Обліковий запис ${input.email} уже існує: оберіть іншу адресу.`);
    const user = await tx.user.create({
      data: { email: input.email, fullName: input.fullName, passwordHash, totpSecret: secret },
      select: { id: true },
    });
    const membership = await tx.membership.create({ data: { userId: user.id, role: "ADMIN" }, select: { id: true } });
    await writeAudit(tx, {
      actor: null,
      action: "admin.created",
      entityType: "Membership",
      entityId: membership.id,
      details: { email: input.email, fullName: input.fullName, via: "admin:create" },
    });
    return user.id;
  });
  return {
    userId,
    email: input.email,
    password,
    totp: { secret, uri: authenticator.keyuri(input.email, TOTP_ISSUER, secret) },
  };
}
