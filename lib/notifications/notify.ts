import "server-only";
import type { DbTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { registryFor } from "@/lib/registry";
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
 * One statement whatever the count: a decision notifies up to 10,000 employees at once, and
 * Prisma's createMany spends seconds on a batch that size where INSERT … SELECT FROM
 * jsonb_to_recordset spends a fraction of one. The recipient is typed char(10) like the
 * registry's key: compared as text, the join could not use the persons' primary key and read
 * all 10 million of them (1.9 s of a 10,000-employee decision at national scale).
 */
export async function notify(tx: DbTx, notifications: NewNotification[]) {
  if (notifications.length === 0) return;
  // In-app links are paths; a letter needs the portal's address.
  const portal = env().PORTAL_URL;
  const rows = JSON.stringify(
    notifications
      .map((n) => ({
        recipient: n.recipientRnokpp,
        audience: n.audience,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link ?? null,
        mail_link: n.link ? new URL(n.link, portal).href : null,
        mail: n.email !== false,
      }))
      .map((row, ord) => ({ ...row, ord })),
  );
  const { relations } = registryFor(tx);
  await tx.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb)
        AS x(recipient char(10), audience text, kind text, title text, body text, link text, mail_link text, mail boolean, ord int)
    ), notified AS (
      INSERT INTO notifications (id, "recipientRnokpp", audience, kind, title, body, link)
      SELECT gen_random_uuid(), recipient, audience, kind, title, body, link FROM input ORDER BY ord
    )
    INSERT INTO outgoing_emails (id, "to", subject, text)
    SELECT gen_random_uuid(), p.email, 'Броня: ' || i.title,
      i.body || CASE WHEN i.mail_link IS NULL THEN '' ELSE E'\n\nДетальніше: ' || i.mail_link END || E'\n\n— Портал «Броня»'
    FROM input i JOIN ${relations.persons} p ON p.rnokpp = i.recipient
    WHERE i.mail AND p.email IS NOT NULL
    ORDER BY i.ord`;
}
