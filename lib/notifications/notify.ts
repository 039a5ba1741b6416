import "server-only";
import type { DbTx } from "@/lib/db/client";
import type { Audience } from "./audiences";

export type NewNotification = {
  recipientRnokpp: string;
  audience: Audience;
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Also send it by e-mail when the registry knows the recipient's address. */
  email?: boolean;
};

/**
 * Creates in-app notifications and, in the same transaction, the outgoing e-mails for them
 * (an outbox: the mail job sends them after commit, so a rolled-back change mails nothing).
 */
export async function notify(tx: DbTx, notifications: NewNotification[]) {
  if (notifications.length === 0) return;
  await tx.notification.createMany({
    data: notifications.map(({ email: _email, ...n }) => ({ ...n, link: n.link ?? null })),
  });

  const wantMail = notifications.filter((n) => n.email !== false);
  if (wantMail.length === 0) return;
  const people = await tx.person.findMany({
    where: { rnokpp: { in: [...new Set(wantMail.map((n) => n.recipientRnokpp))] }, email: { not: null } },
    select: { rnokpp: true, email: true },
  });
  const emailOf = new Map(people.map((p) => [p.rnokpp, p.email!]));
  const mails = wantMail.flatMap((n) => {
    const to = emailOf.get(n.recipientRnokpp);
    return to ? [{ to, subject: `Броня: ${n.title}`, text: `${n.body}${n.link ? `\n\nДетальніше: ${n.link}` : ""}\n\n— Портал «Броня»` }] : [];
  });
  if (mails.length > 0) await tx.outgoingEmail.createMany({ data: mails });
}
