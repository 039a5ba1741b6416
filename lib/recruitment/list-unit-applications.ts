import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { db as defaultDb, type DbTx } from "@/lib/db/client";
import { registry as defaultRegistry, type Registry } from "@/lib/registry";
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
export async function listUnitApplications(options: {
  actor: Actor | null;
  status?: VacancyApplicationStatus;
  vacancyId?: string;
  page?: number;
  now: Date;
  db?: DbTx;
  registry?: Registry;
}): Promise<UnitApplicationsPage> {
  const unitId = recruiterUnitId(options.actor, "vacancyApplications.decide");
  const db = options.db ?? defaultDb;
  const page = Math.max(1, options.page ?? 1);
  const scope = { vacancy: { unitId, ...(options.vacancyId ? { id: options.vacancyId } : {}) } };
  const where = { ...scope, ...(options.status ? { status: options.status } : {}) };

  const [rows, total, grouped] = await Promise.all([
    db.vacancyApplication.findMany({
      where,
      // Unanswered first, oldest first among them: the candidate who waited longest is next.
      orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
      skip: (page - 1) * UNIT_APPLICATIONS_PAGE_SIZE,
      take: UNIT_APPLICATIONS_PAGE_SIZE,
      select: { id: true, rnokpp: true, status: true, comment: true, decisionComment: true, createdAt: true, decidedAt: true, vacancy: { select: { id: true, title: true, specialty: true } } },
    }),
    db.vacancyApplication.count({ where }),
    db.vacancyApplication.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);

  const people = await (options.registry ?? defaultRegistry()).findPeople(rows.map((r) => r.rnokpp));
  const today = kyivDate(options.now);
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
