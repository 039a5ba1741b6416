import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Ctx } from "@/lib/context";
import type { Prisma } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { ZEdrpou } from "@/lib/identifiers";
import { z } from "@/lib/zod";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";

// The enterprise's applications and annulments, newest first, a page at a time (the index
// on edrpou + submittedAt serves it), for the company cabinet's list.

export const ZListApplicationsInput = z
  .object({
    edrpou: ZEdrpou,
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
    status: z.enum(["QUEUED", "PROCESSING", "DECIDED", "FAILED"]).optional(),
    kind: z.enum(["RESERVATION", "ANNULMENT"]).optional(),
  })
  .strict();

export type ListApplicationsInput = z.input<typeof ZListApplicationsInput>;

export type ApplicationSummary = {
  id: string;
  kind: "RESERVATION" | "ANNULMENT";
  status: "QUEUED" | "PROCESSING" | "DECIDED" | "FAILED";
  ground: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  signerName: string;
  items: number;
  /** Reservations made (annulled, for an annulment). */
  reserved: number;
  refused: number;
};

export async function listApplications(
  ctx: Ctx<"db"> & { actor: Actor },
  rest: ListApplicationsInput,
): Promise<{ items: ApplicationSummary[]; total: number; page: number; pageSize: number }> {
  const { db } = ctx;
  const input = parseInput(ZListApplicationsInput, rest);
  await resolveEnterpriseAccess(ctx, { edrpou: input.edrpou, permission: "applications.prepare" });
  const [items, total] = await Promise.all([summariesOf(db, input), db.application.count({ where: whereOf(input) })]);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

const whereOf = (input: z.output<typeof ZListApplicationsInput>): Prisma.ApplicationWhereInput => ({
  edrpou: input.edrpou,
  ...(input.status ? { status: input.status } : {}),
  ...(input.kind ? { kind: input.kind } : {}),
});

/**
 * One page of the enterprise's applications, with no access check and no total: for a caller that
 * has just resolved the actor's access to the enterprise itself (the cabinet's overview).
 */
export async function readApplicationSummaries(
  db: Ctx<"db">["db"],
  rest: ListApplicationsInput,
): Promise<ApplicationSummary[]> {
  return summariesOf(db, parseInput(ZListApplicationsInput, rest));
}

async function summariesOf(
  db: Ctx<"db">["db"],
  input: z.output<typeof ZListApplicationsInput>,
): Promise<ApplicationSummary[]> {
  const rows = await db.application.findMany({
    where: whereOf(input),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
    select: {
      id: true,
      kind: true,
      status: true,
      ground: true,
      submittedAt: true,
      decidedAt: true,
      signerName: true,
      reservedCount: true,
      refusedCount: true,
      _count: { select: { items: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    ground: r.ground,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    signerName: r.signerName,
    items: r._count.items,
    reserved: r.reservedCount,
    refused: r.refusedCount,
  }));
}
