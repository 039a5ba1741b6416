import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { resolveEnterpriseAccess } from "@/lib/reservations";
import { z } from "@/lib/zod";

// What the progress screen polls every second while the worker decides: the status and the
// counts, one indexed row — not the application's items, which for a large enterprise are
// thousands of rows the screen reads once, when the decision is in.

export type ApplicationStatusView = {
  id: string;
  status: "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";
  reserved: number;
  refused: number;
  decidedAt: Date | null;
  failureReason: string | null;
};

export async function getApplicationStatus(
  ctx: Ctx<"actor" | "db">,
  input: { applicationId: string },
): Promise<ApplicationStatusView> {
  const { actor, db } = ctx;
  const edrpou = actor.edrpou ?? "";
  await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  if (!z.uuid().safeParse(input.applicationId).success) throw notFound();
  const app = await db.application.findFirst({
    where: { id: input.applicationId, edrpou },
    select: { id: true, status: true, reservedCount: true, refusedCount: true, decidedAt: true, failureReason: true },
  });
  if (!app) throw notFound();
  return {
    id: app.id,
    status: app.status,
    reserved: app.reservedCount,
    refused: app.refusedCount,
    decidedAt: app.decidedAt,
    failureReason: app.failureReason,
  };
}

function notFound(): AppError {
  return new AppError("APPLICATION_NOT_FOUND", "Заяву не знайдено");
}
