import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { annulmentGroundLabel, isAnnulmentGroundCode, type IsoDate } from "@/lib/rules";
import { resolveEnterpriseAccess } from "./resolve-enterprise-access";
import type { AnnulmentPrecheckItem, LimitFigures, PrecheckItem } from "./types";
import { parseDraftPrecheck } from "./draft-payload";
import { z } from "@/lib/zod";

// A prepared application as the pre-check and signing screen shows it: the exact bytes to sign
// and the pre-check the lifecycle stored with them. Another enterprise's draft, or an unknown
// one, is not found; a draft already signed says which application it became.

type Common = {
  id: string;
  /** Base64 of the exact bytes to sign. */
  document: string;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  preparedBy: { rnokpp: string; fullName: string | null };
  /** Set once signed: the application it became. */
  applicationId: string | null;
  date: IsoDate;
};

export type DraftView =
  | (Common & { kind: "RESERVATION"; limit: LimitFigures; items: PrecheckItem[] })
  | (Common & { kind: "ANNULMENT"; ground: { code: string; label: string }; items: AnnulmentPrecheckItem[] });

export async function getDraft(ctx: Ctx<"actor" | "db" | "now">, input: { draftId: string }): Promise<DraftView> {
  const { actor, db } = ctx;
  const edrpou = actor.edrpou ?? "";
  await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  if (!z.uuid().safeParse(input.draftId).success) throw notFound();
  const draft = await db.draft.findFirst({
    where: { id: input.draftId, edrpou },
    select: {
      id: true,
      kind: true,
      document: true,
      createdAt: true,
      expiresAt: true,
      createdByRnokpp: true,
      createdByUserId: true,
      precheck: true,
      application: { select: { id: true } },
    },
  });
  if (!draft) throw notFound();
  const preparer = draft.createdByUserId
    ? await db.user.findUnique({ where: { id: draft.createdByUserId }, select: { fullName: true } })
    : null;
  const precheck = parseDraftPrecheck(draft.kind, draft.precheck);
  const common: Common = {
    id: draft.id,
    document: Buffer.from(draft.document).toString("base64"),
    createdAt: draft.createdAt,
    expiresAt: draft.expiresAt,
    expired: draft.expiresAt <= ctx.now,
    preparedBy: { rnokpp: draft.createdByRnokpp, fullName: preparer?.fullName ?? null },
    applicationId: draft.application?.id ?? null,
    date: precheck.date,
  };
  if (precheck.kind === "RESERVATION")
    return { ...common, kind: "RESERVATION", limit: precheck.limit, items: precheck.items };
  const code = precheck.ground;
  return {
    ...common,
    kind: "ANNULMENT",
    ground: { code, label: isAnnulmentGroundCode(code) ? annulmentGroundLabel(code) : code },
    items: precheck.items,
  };
}

function notFound(): AppError {
  return new AppError("DRAFT_NOT_FOUND", "Чернетку заяви не знайдено");
}
