import "server-only";
import { purgeSignInRecords } from "@/lib/auth/purge-sign-in-records";
import type { JobContext } from "@/lib/jobs/handlers";
import { z } from "@/lib/zod";
import { env } from "@/lib/env";
import { purgeExpiredNonces } from "@/lib/kep/nonce/purge-expired-nonces";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { decideSubmittedApplication } from "./decide-submitted-application";
import { notifyDecidedEmployees, requeuePendingNotices } from "./notify-decided-employees";
import { purgeUnsignedDrafts } from "./purge-unsigned-drafts";
import { refreshEmployeeListSnapshots } from "./refresh-employee-list-snapshots";
import { requeueStuckApplications } from "./requeue-stuck-applications";
import { sweepReservations } from "./sweep-reservations";
import { createCtx } from "@/lib/context-server";

// What the worker runs for the lifecycle's queues (registered in lib/jobs/handlers.ts). The
// handlers only log; every guarantee lives in the domain functions they call.

export const ZDecideApplicationJob = z.object({ applicationId: z.string().uuid() });
export const ZNoJobData = z.object({});

/** decide-application: throws on a transient failure so that pg-boss retries with backoff. */
export async function handleDecideApplication(
  data: z.output<typeof ZDecideApplicationJob>,
  context: JobContext,
): Promise<void> {
  const started = Date.now();
  const result = await decideSubmittedApplication(createCtx({ actor: null }), { applicationId: data.applicationId });
  const took = `${Date.now() - started} мс`;
  if (result.outcome === "decided")
    context.log(`заяву ${data.applicationId} розглянуто за ${took}: ${result.reserved} / ${result.refused}`);
  else if (result.outcome === "failed") context.log(`заяву ${data.applicationId} відхилено в цілому: ${result.code}`);
  else context.log(`заява ${data.applicationId}: ${result.outcome === "missing" ? "не знайдена" : "вже розглянута"}`);
}

/** notify-decided-employees: a large decision's notices to its employees, once. */
export async function handleNotifyDecidedEmployees(
  data: z.output<typeof ZDecideApplicationJob>,
  context: JobContext,
): Promise<void> {
  const started = Date.now();
  const written = await notifyDecidedEmployees(createCtx({ actor: null }), { applicationId: data.applicationId });
  if (written > 0)
    context.log(
      `за заявою ${data.applicationId} надіслано повідомлень працівникам: ${written} за ${Date.now() - started} мс`,
    );
}

/** requeue-stuck-applications (every minute and at start): undecided applications, and decisions whose notices are pending. */
export async function handleRequeueStuckApplications(_data: unknown, context: JobContext): Promise<void> {
  const ctx = createCtx({ actor: null });
  const requeued = await requeueStuckApplications(ctx);
  if (requeued.length > 0) context.log(`повторно поставлено в чергу заяв: ${requeued.length}`);
  const notices = await requeuePendingNotices(ctx);
  if (notices.length > 0) context.log(`повторно поставлено в чергу повідомлень за заявами: ${notices.length}`);
}

/** sweep-reservations (daily and at start): automatic annulments and expiries. */
export async function handleSweepReservations(_data: unknown, context: JobContext): Promise<void> {
  const result = await sweepReservations(createCtx({ actor: null }), { log: context.log });
  context.log(
    `перевірено підприємств: ${result.enterprises}, бронювань: ${result.checked}, припинено: ${result.ended}` +
      (result.failed.length > 0 ? `, не завершено: ${result.failed.length}` : ""),
  );
  if (result.failed.length > 0) throw new Error(`Перевірку не завершено для ЄДРПОУ ${result.failed.join(", ")}`);
}

/** purge-expired (daily): expired one-time values and never-signed drafts past their week. */
export async function handlePurgeExpired(_data: unknown, context: JobContext): Promise<void> {
  const nonces = await purgeExpiredNonces(createCtx({ actor: null }));
  const drafts = await purgeUnsignedDrafts(createCtx({ actor: null }));
  const signIn = await purgeSignInRecords(createCtx({ actor: null }));
  context.log(
    `видалено прострочених одноразових кодів: ${nonces}, непідписаних чернеток: ${drafts}, відкликаних сеансів: ${signIn.sessions}, лічильників входу: ${signIn.throttles}`,
  );
}

/**
 * prune-staff-changes (every five minutes): the registry's notes of which persons each change
 * concerned are kept for STAFF_CHANGES_KEPT_SECONDS; an employee list cached before the oldest
 * note kept is read again whole (employee-list-model.ts).
 */
export async function handlePruneStaffChanges(_data: unknown, context: JobContext): Promise<void> {
  const pruned = await createCtx({ actor: null }).registry.pruneStaffChanges(STAFF_CHANGES_KEPT_SECONDS);
  if (pruned > 0) context.log(`видалено застарілих записів про зміни в реєстрі: ${pruned}`);
}

export const STAFF_CHANGES_KEPT_SECONDS = 15 * 60;

/**
 * refresh-employee-list-snapshots (every five minutes, and soon after start): the largest
 * critical enterprises' employee lists judged for today, kept in Postgres for the web processes.
 */
export async function handleRefreshEmployeeListSnapshots(_data: unknown, context: JobContext): Promise<void> {
  const started = Date.now();
  const r = await refreshEmployeeListSnapshots(createCtx({ actor: null }), { log: context.log });
  if (r.built + r.patched + r.dropped + r.failed > 0)
    context.log(
      `списки працівників на ${r.date}: ${r.enterprises} підприємств, побудовано ${r.built}, оновлено ${r.patched}, ` +
        `без змін ${r.unchanged}, видалено ${r.dropped}, збоїв ${r.failed} (${((Date.now() - started) / 1000).toFixed(1)} с)`,
    );
}

/** send-emails (every minute and at start): the outbox through SMTP, or marked as preview-only. */
export async function handleSendEmails(_data: unknown, context: JobContext): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  const result = await sendPendingEmails(createCtx({ actor: null }), {
    config: { smtpUrl: SMTP_URL, from: MAIL_FROM },
    batch: 500,
  });
  if (result.sent + result.failed + result.previewOnly > 0) {
    context.log(
      `листів надіслано: ${result.sent}, не вдалося: ${result.failed}, лише для перегляду (без SMTP): ${result.previewOnly}`,
    );
  }
}
