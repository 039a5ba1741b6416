import "server-only";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { DbClient } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

// The authority an official acts for, loaded once per domain call. Every query of the cabinet
// is scoped to its id: another authority's decisions are simply "not found".

export type ActingAuthority = {
  id: string;
  code: string;
  name: string;
  shortName: string;
  kind: "MINISTRY" | "REGIONAL_ADMINISTRATION";
  edrpou: string;
  region: string | null;
  kvedSections: string[];
};

export async function loadActingAuthority(
  ctx: { db: DbClient; actor: Actor | null | undefined },
  input: { permission: Permission },
): Promise<ActingAuthority> {
  const { db: tx, actor } = ctx;
  assertCan(actor, input.permission);
  if (!actor.authorityId) throw new AppError("FORBIDDEN", "Посадову особу не прив'язано до органу влади");
  const authority = await tx.authority.findUnique({
    where: { id: actor.authorityId },
    select: {
      id: true,
      code: true,
      name: true,
      shortName: true,
      kind: true,
      edrpou: true,
      region: true,
      kvedSections: true,
    },
  });
  if (!authority) throw new AppError("FORBIDDEN", "Орган влади не знайдено");
  return authority;
}
