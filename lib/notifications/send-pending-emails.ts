import "server-only";
import nodemailer from "nodemailer";
import type { Ctx } from "@/lib/context";

export type MailConfig = { smtpUrl?: string; from: string };

/**
 * Sends the outbox. Without SMTP the mail stays in the outbox as a local preview
 * (the development mail page reads it) and is marked so it is not retried forever.
 */
export async function sendPendingEmails(ctx: Ctx<"db" | "now">, input: { config: MailConfig; batch?: number }) {
  const { db, now } = ctx;
  const { config } = input;
  const pending = await db.outgoingEmail.findMany({
    where: { sentAt: null, error: null },
    orderBy: { createdAt: "asc" },
    take: input.batch ?? 100,
    select: { id: true, to: true, subject: true, text: true, html: true },
  });
  if (pending.length === 0) return { sent: 0, failed: 0, previewOnly: 0 };

  if (!config.smtpUrl) {
    await db.outgoingEmail.updateMany({
      where: { id: { in: pending.map((m) => m.id) } },
      data: { error: "SMTP не налаштовано: лист доступний лише в локальному перегляді" },
    });
    return { sent: 0, failed: 0, previewOnly: pending.length };
  }

  const transport = nodemailer.createTransport(config.smtpUrl);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
      });
      await db.outgoingEmail.update({ where: { id: mail.id }, data: { sentAt: now } });
      sent++;
    } catch (error) {
      await db.outgoingEmail.update({
        where: { id: mail.id },
        data: { error: error instanceof Error ? error.message.slice(0, 500) : "send failed" },
      });
      failed++;
    }
  }
  transport.close();
  return { sent, failed, previewOnly: 0 };
}
