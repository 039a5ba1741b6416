import "server-only";
import type { Ctx } from "@/lib/context";
import { toApplicantView, type ApplicantView } from "./applicant-view";
import type { VacancyApplicationStatus } from "./labels";
import { recruiterUnitId } from "./recruiter-unit";
import { kyivDate } from "@/lib/format";

export const UNIT_APPLICATIONS_PAGE_SIZE = 20;

export type UnitApplicationRow = {
  id: string;
  status: VacancyApplicationStatus;
  comment: string | null;
  decisionComment: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  vacancy: { id: string; title: string; specialty: string };
  applicant: ApplicantView;
};

export type UnitApplicationsPage = {
  items: UnitApplicationRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<VacancyApplicationStatus, number>;
};

/** Applications to the recruiter's own unit's vacancies, with each candidate's registry facts. */
export async function listUnitApplications(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { status?: VacancyApplicationStatus; vacancyId?: string; page?: number } = {},
): Promise<UnitApplicationsPage> {
  const unitId = recruiterUnitId(ctx.actor, "vacancyApplications.decide");
  const db = ctx.db;
  const page = Math.max(1, input.page ?? 1);
  const scope = { vacancy: { unitId, ...(input.vacancyId ? { id: input.vacancyId } : {}) } };
  const where = { ...scope, ...(input.status ? { status: input.status } : {}) };

  const [rows, total, grouped] = await Promise.all([
    db.vacancyApplication.findMany({
      where,
      // Unanswered first, oldest first among them: the candidate who waited longest is next.
      orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
      skip: (page - 1) * UNIT_APPLICATIONS_PAGE_SIZE,
      take: UNIT_APPLICATIONS_PAGE_SIZE,
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
    }),
    db.vacancyApplication.count({ where }),
    db.vacancyApplication.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);

  const people = await ctx.registry.findPeople(rows.map((r) => r.rnokpp));
  const today = kyivDate(ctx.now);
  const counts: Record<VacancyApplicationStatus, number> = { SUBMITTED: 0, ACCEPTED: 0, DECLINED: 0, WITHDRAWN: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;

  return {
    items: rows.map(({ rnokpp, ...row }) => ({ ...row, applicant: toApplicantView(people.get(rnokpp), today) })),
    total,
    page,
    pageSize: UNIT_APPLICATIONS_PAGE_SIZE,
    counts,
  };
}
