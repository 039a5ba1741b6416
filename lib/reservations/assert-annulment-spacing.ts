import "server-only";
import type { Ctx } from "@/lib/context";
import { Prisma } from "@/lib/db/client";
import { formatDate, kyivDate } from "@/lib/format";
import { checkAnnulmentSpacing, rulesetFor, type IsoDate } from "@/lib/rules";
import { reservationError } from "./errors";

// From 01.02.2026 an enterprise files an annulment application at most once per 5 calendar
// days. Checked when the head prepares one (so the cabinet says it before anyone signs) and
// again in the submitting transaction, under a per-enterprise lock, so that two signatures sent
// at once cannot both pass. A failed application (the portal's fault) does not count.

export async function assertAnnulmentSpacing(
  ctx: Ctx<"db">,
  options: { edrpou: string; date: IsoDate; lock?: boolean },
): Promise<void> {
  const tx = ctx.db;
  const ruleset = rulesetFor(options.date);
  if (ruleset.annulmentSpacingDays === null) return;
  if (options.lock)
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`annulment-spacing:${options.edrpou}`}))`);
  const last = await tx.application.findFirst({
    where: { edrpou: options.edrpou, kind: "ANNULMENT", status: { not: "FAILED" } },
    orderBy: { submittedAt: "desc" },
    select: { submittedAt: true },
  });
  const spacing = checkAnnulmentSpacing({
    date: options.date,
    lastFiledOn: last ? kyivDate(last.submittedAt) : null,
    ruleset,
  });
  if (spacing.allowed) return;
  throw reservationError(
    "ANNULMENT_TOO_SOON",
    `Заяву на анулювання бронювання можна подавати не частіше ніж раз на ${spacing.spacingDays} календарних днів: попередню подано ${formatDate(spacing.lastFiledOn)}, наступну можна подати з ${formatDate(spacing.possibleFrom)}`,
    { lastFiledOn: spacing.lastFiledOn, possibleFrom: spacing.possibleFrom, spacingDays: spacing.spacingDays },
  );
}
