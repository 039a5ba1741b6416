import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { registry as defaultRegistry, type Registry } from "@/lib/registry";
import { toApplicantView } from "./applicant-view";
import type { UnitApplicationRow } from "./list-unit-applications";
import { recruiterUnitId } from "./recruiter-unit";
import { kyivDate } from "@/lib/format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One application to the recruiter's unit; another unit's (or a malformed id) is NOT_FOUND. */
export async function getUnitApplication(options: { actor: Actor | null; applicationId: string; now: Date; db?: DbTx; registry?: Registry }): Promise<UnitApplicationRow> {
  const unitId = recruiterUnitId(options.actor, "vacancyApplications.decide");
  const row = UUID.test(options.applicationId)
    ? await (options.db ?? defaultDb).vacancyApplication.findFirst({
        where: { id: options.applicationId, vacancy: { unitId } },
        select: { id: true, rnokpp: true, status: true, comment: true, decisionComment: true, createdAt: true, decidedAt: true, vacancy: { select: { id: true, title: true, specialty: true } } },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "Відгук не знайдено");
  const { rnokpp, ...rest } = row;
  const person = await (options.registry ?? defaultRegistry()).findPerson(rnokpp);
  return { ...rest, applicant: toApplicantView(person ?? undefined, kyivDate(options.now)) };
}
