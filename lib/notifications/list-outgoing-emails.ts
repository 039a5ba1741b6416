import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";

export type OutgoingEmailView = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
  error: string | null;
};

/**
 * The latest letters the portal sent or, without SMTP, would have sent: the local preview of
 * the mail for an administrator of a demo or development portal.
 */
export async function listOutgoingEmails(
  ctx: Ctx<"db"> & { actor: Actor | null },
  options: { take?: number } = {},
): Promise<OutgoingEmailView[]> {
  assertCan(ctx.actor, "mail.preview");
  return ctx.db.outgoingEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(options.take ?? 100, 500),
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true, error: true },
  });
}
