import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";

export type OutgoingEmailView = { id: string; to: string; subject: string; text: string; createdAt: Date; sentAt: Date | null; error: string | null };

/**
 * The latest letters the portal sent or, without SMTP, would have sent: the local preview of
 * the mail for an administrator of a demo or development portal.
 */
export async function listOutgoingEmails(options: { actor: Actor | null; take?: number; db?: DbTx }): Promise<OutgoingEmailView[]> {
  assertCan(options.actor, "mail.preview");
  return (options.db ?? defaultDb).outgoingEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: Math.min(options.take ?? 100, 500),
    select: { id: true, to: true, subject: true, text: true, createdAt: true, sentAt: true, error: true },
  });
}
