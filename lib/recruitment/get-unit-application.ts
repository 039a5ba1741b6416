import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { toApplicantView } from "./applicant-view";
import type { UnitApplicationRow } from "./list-unit-applications";
import { recruiterUnitId } from "./recruiter-unit";
import { kyivDate } from "@/lib/format";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One application to the recruiter's unit; another unit's (or a malformed id) is NOT_FOUND. */
export async function getUnitApplication(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { applicationId: string },
): Promise<UnitApplicationRow> {
  const unitId = recruiterUnitId(ctx.actor, "vacancyApplications.decide");
  const row = UUID.test(input.applicationId)
    ? await ctx.db.vacancyApplication.findFirst({
        where: { id: input.applicationId, vacancy: { unitId } },
        select: {
          id: true,
          rnokpp: true,
          status: true,
          comment: true,
          decisionComment: true,
          createdAt: true,
          decidedAt: true,
          vacancy: { select: { id: true, title: true, specialty: true } },
        },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "Відгук не знайдено");
  const { rnokpp, ...rest } = row;
  const person = await ctx.registry.findPerson(rnokpp);
  return { ...rest, applicant: toApplicantView(person ?? undefined, kyivDate(ctx.now)) };
}
