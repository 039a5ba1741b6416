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
 * json_to_recordset spends a fraction of one. The texts of a batch repeat (every employee
 * reserved by one decision gets the same words), so each distinct text travels once and the
 * rows carry its number: 3 MB of parameter for 10,000 notifications becomes under 1 MB, which
 * Postgres reads in a fifth of the time. The recipient is typed char(10) like the registry's
 * key: compared as text, the join could not use the persons' primary key and read all 10
 * million of them (1.9 s of a 10,000-employee decision at national scale).
 */
export async function notify(tx: DbTx, notifications: NewNotification[]) {
  if (notifications.length === 0) return;
  // In-app links are paths; a letter needs the portal's address.
  const portal = env().PORTAL_URL;
  const texts = new Map<string, number>();
  const text = (value: string) => {
    let index = texts.get(value);
    if (index === undefined) texts.set(value, (index = texts.size));
    return index;
  };
  const mailLinks = new Map<string, number>();
  const mailLink = (link: string) => {
    let index = mailLinks.get(link);
    if (index === undefined) mailLinks.set(link, (index = text(new URL(link, portal).href)));
    return index;
  };
  const rows = JSON.stringify(
    notifications.map((n, ord) => ({
      r: n.recipientRnokpp,
      a: text(n.audience),
      k: text(n.kind),
      t: text(n.title),
      b: text(n.body),
      l: n.link === undefined ? null : text(n.link),
      u: n.link ? mailLink(n.link) : null,
      m: n.email !== false,
      o: ord,
    })),
  );
  const textList = JSON.stringify([...texts.keys()]);
  const { relations } = registryFor(tx);
  await tx.$executeRaw`
    WITH texts AS (
      SELECT (n - 1)::int AS i, v FROM json_array_elements_text(${textList}::json) WITH ORDINALITY AS t(v, n)
    ), input AS (
      SELECT x.r AS recipient, a.v AS audience, k.v AS kind, t.v AS title, b.v AS body, l.v AS link, u.v AS mail_link,
        x.m AS mail, x.o AS ord
      FROM json_to_recordset(${rows}::json) AS x(r char(10), a int, k int, t int, b int, l int, u int, m boolean, o int)
        JOIN texts a ON a.i = x.a JOIN texts k ON k.i = x.k JOIN texts t ON t.i = x.t JOIN texts b ON b.i = x.b
        LEFT JOIN texts l ON l.i = x.l LEFT JOIN texts u ON u.i = x.u
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
