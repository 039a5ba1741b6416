import "server-only";
import type { Ctx } from "@/lib/context";
import { recruiterUnitId } from "./recruiter-unit";

export type UnitVacancy = {
  id: string;
  title: string;
  specialty: string;
  region: string;
  requirements: string;
  description: string;
  status: "OPEN" | "CLOSED";
  publishedAt: Date;
  closedAt: Date | null;
  waiting: number;
  total: number;
};

/** The recruiter's own unit's vacancies, open first, with how many applications wait for an answer. */
export async function listUnitVacancies(
  ctx: Ctx<"actor" | "db">,
): Promise<{ unit: { code: string; name: string }; vacancies: UnitVacancy[] }> {
  const unitId = recruiterUnitId(ctx.actor, "vacancies.manage");
  const db = ctx.db;
  const [unit, rows, waiting] = await Promise.all([
    db.militaryUnit.findUniqueOrThrow({ where: { id: unitId }, select: { code: true, name: true } }),
    db.vacancy.findMany({
      where: { unitId },
      orderBy: [{ status: "asc" }, { publishedAt: "desc" }],
      select: {
        id: true,
        title: true,
        specialty: true,
        region: true,
        requirements: true,
        description: true,
        status: true,
        publishedAt: true,
        closedAt: true,
        _count: { select: { applications: true } },
      },
    }),
    db.vacancyApplication.groupBy({
      by: ["vacancyId"],
      where: { status: "SUBMITTED", vacancy: { unitId } },
      _count: { _all: true },
    }),
  ]);
  const waitingOf = new Map(waiting.map((w) => [w.vacancyId, w._count._all]));
  return {
    unit,
    vacancies: rows.map(({ _count, ...v }) => ({
      ...v,
      waiting: waitingOf.get(v.id) ?? 0,
      total: _count.applications,
    })),
  };
}
