import "server-only";
import { hash } from "@node-rs/argon2";
import { authenticator } from "otplib";
import QRCode from "qrcode";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { ZAddOfficial } from "./schemas";

// Adds an official to an authority: the person's account (e-mail login, an initial password
// hashed with argon2id, a fresh TOTP secret) and an OFFICIAL membership. The secret is returned
// once — as base32 for typing, an otpauth:// URI and its QR code — and never shown again.
// A person who already has an account (a head, a conscript, a former official) keeps it: the
// password and the authenticator are replaced, which the form says before submitting.

/** OWASP's minimum for argon2id (the same as the demo accounts). */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const TOTP_ISSUER = "Броня";

export type AddedOfficial = {
  userId: string;
  membershipId: string;
  totp: { secret: string; uri: string; qrDataUrl: string };
};

export async function addOfficial(ctx: Ctx<"actor" | "db">, raw: unknown): Promise<AddedOfficial> {
  const client = ctx.db;
  assertCan(ctx.actor, "officials.manage");
  const input = parseInput(ZAddOfficial, raw);
  const passwordHash = await hash(input.password, ARGON2_OPTIONS);
  const secret = authenticator.generateSecret(20);

  const added = await inTransaction(client, async (tx) => {
    const authority = await tx.authority.findUnique({
      where: { id: input.authorityId },
      select: { id: true, shortName: true },
    });
    if (!authority)
      throw new AppError("VALIDATION_FAILED", "Орган влади не знайдено", {
        fields: { authorityId: "Оберіть орган влади" },
      });

    const [byEmail, byRnokpp] = await Promise.all([
      tx.user.findUnique({ where: { email: input.email }, select: { id: true, rnokpp: true } }),
      tx.user.findUnique({ where: { rnokpp: input.rnokpp }, select: { id: true, email: true } }),
    ]);
    if (byEmail && byEmail.id !== byRnokpp?.id) {
      throw new AppError("CONFLICT", "Ця е-пошта належить іншій особі", {
        fields: { email: "Ця е-пошта належить іншій особі" },
      });
    }
    if (byRnokpp?.email && byRnokpp.email !== input.email) {
      throw new AppError("CONFLICT", "Особа з цим РНОКПП уже має обліковий запис з іншою е-поштою", {
        fields: { email: "Особа вже зареєстрована з іншою е-поштою" },
      });
    }

    const account = {
      email: input.email,
      fullName: input.fullName,
      passwordHash,
      totpSecret: secret,
      totpLastStep: null,
      disabledAt: null,
    };
    const user = byRnokpp
      ? await tx.user.update({ where: { id: byRnokpp.id }, data: account, select: { id: true } })
      : await tx.user.create({ data: { rnokpp: input.rnokpp, ...account }, select: { id: true } });
    const serving = await tx.membership.findFirst({
      where: { userId: user.id, role: "OFFICIAL", authorityId: authority.id, revokedAt: null },
      select: { id: true },
    });
    if (serving)
      throw new AppError("CONFLICT", `Особа вже є посадовою особою: ${authority.shortName}`, {
        fields: { rnokpp: "Уже є посадовою особою цього органу" },
      });

    const membership = await tx.membership.create({
      data: {
        userId: user.id,
        role: "OFFICIAL",
        authorityId: authority.id,
        position: input.position,
        grantedByRnokpp: ctx.actor.rnokpp,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
      action: "official.added",
      entityType: "Membership",
      entityId: membership.id,
      authorityId: authority.id,
      details: {
        rnokpp: input.rnokpp,
        fullName: input.fullName,
        email: input.email,
        position: input.position,
        existingAccount: Boolean(byRnokpp),
      },
    });
    return { userId: user.id, membershipId: membership.id };
  });

  const uri = authenticator.keyuri(input.email, TOTP_ISSUER, secret);
  return { ...added, totp: { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) } };
}
