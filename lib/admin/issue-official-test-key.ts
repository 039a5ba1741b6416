import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { issueCertificate } from "@/lib/kep/provider/issue-certificate";
import { ZOfficialMembership } from "./schemas";

// Demo mode only: a key file from the portal's test provider for an official the administrator
// added, so that they can sign decisions at once (the seed gives keys to the demo users only).
// The certificate names the authority (O, its ЄДРПОУ) and the position, as signing requires.
// The file and its password are returned once; a real deployment uses a qualified provider.

export type IssuedTestKey = { fileName: string; p12Base64: string; password: string; serial: string };

export async function issueOfficialTestKey(ctx: Ctx<"actor" | "db" | "now">, input: unknown): Promise<IssuedTestKey> {
  const client = ctx.db;
  assertCan(ctx.actor, "officials.manage");
  if (!env().DEMO_MODE) throw new AppError("FORBIDDEN", "Тестові ключі видаються лише в демонстраційному режимі");
  const { membershipId } = parseInput(ZOfficialMembership, input);
  const membership = await client.membership.findFirst({
    where: { id: membershipId, role: "OFFICIAL", revokedAt: null },
    select: {
      position: true,
      user: { select: { rnokpp: true, fullName: true } },
      authority: { select: { id: true, name: true, edrpou: true } },
    },
  });
  if (!membership?.authority || !membership.user.rnokpp) throw AppError.notFound("Посадову особу");
  // 16 random bytes as base64url: printable ASCII, as the key file's password must be.
  const password = randomBytes(16).toString("base64url");
  const issued = await issueCertificate(ctx, {
    rnokpp: membership.user.rnokpp,
    fullName: membership.user.fullName,
    edrpou: membership.authority.edrpou,
    organization: membership.authority.name,
    title: membership.position ?? "Посадова особа",
    password,
  });
  await writeAudit(client, {
    actor: { rnokpp: ctx.actor.rnokpp, role: ctx.actor.role },
    action: "official.test_key_issued",
    entityType: "Certificate",
    entityId: issued.serial,
    authorityId: membership.authority.id,
    details: { rnokpp: membership.user.rnokpp, membershipId },
  });
  return {
    fileName: `kep-${membership.user.rnokpp}.p12`,
    p12Base64: Buffer.from(issued.p12).toString("base64"),
    password,
    serial: issued.serial,
  };
}
