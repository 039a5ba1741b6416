import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import type { Prisma } from "@/lib/db/client";
import { VACANCY_PAGE_SIZE, type VacancyFilters } from "./schemas";
import type { VacancyApplicationStatus } from "./labels";

export type VacancyCard = {
  id: string;
  title: string;
  specialty: string;
  region: string;
  requirements: string;
  description: string;
  publishedAt: Date;
  unit: { code: string; name: string; branch: string };
  /** The citizen's own application to it, if any. */
  myApplication: { id: string; status: VacancyApplicationStatus } | null;
};

export type VacancyCatalogue = {
  items: VacancyCard[];
  total: number;
  page: number;
  pageSize: number;
  /** Values the filters offer, from the open vacancies. */
  facets: {
    regions: string[];
    specialties: string[];
    branches: string[];
    centres: Array<{ id: string; name: string; region: string }>;
  };
};

/** Open vacancies of every unit, filtered and paged on the server, with the citizen's own applications marked. */
export async function listOpenVacancies(
  ctx: Ctx<"actor" | "db">,
  input: { filters: VacancyFilters },
): Promise<VacancyCatalogue> {
  const rnokpp = citizenRnokpp(ctx.actor, "vacancies.apply");
  const db = ctx.db;
  const { region, specialty, branch, q, centre, page } = input.filters;

  const where: Prisma.VacancyWhereInput = {
    status: "OPEN",
    ...(region ? { region } : {}),
    ...(specialty ? { specialty } : {}),
    ...(branch || centre
      ? { unit: { ...(branch ? { branch } : {}), ...(centre ? { centres: { some: { centreId: centre } } } : {}) } }
      : {}),
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" } },
            { specialty: { contains: q, mode: "insensitive" } },
            { description: { contains: q, mode: "insensitive" } },
            { requirements: { contains: q, mode: "insensitive" } },
            { unit: { name: { contains: q, mode: "insensitive" } } },
            { unit: { code: { equals: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };

  const [rows, total, regions, specialties, branches, centres] = await Promise.all([
    db.vacancy.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * VACANCY_PAGE_SIZE,
      take: VACANCY_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        specialty: true,
        region: true,
        requirements: true,
        description: true,
        publishedAt: true,
        unit: { select: { code: true, name: true, branch: true } },
        applications: { where: { rnokpp }, select: { id: true, status: true } },
      },
    }),
    db.vacancy.count({ where }),
    db.vacancy.findMany({
      where: { status: "OPEN" },
      distinct: ["region"],
      orderBy: { region: "asc" },
      select: { region: true },
    }),
    db.vacancy.findMany({
      where: { status: "OPEN" },
      distinct: ["specialty"],
      orderBy: { specialty: "asc" },
      select: { specialty: true },
    }),
    db.militaryUnit.findMany({
      where: { vacancies: { some: { status: "OPEN" } } },
      distinct: ["branch"],
      orderBy: { branch: "asc" },
      select: { branch: true },
    }),
    db.recruitmentCentre.findMany({
      orderBy: [{ region: "asc" }, { code: "asc" }],
      select: { id: true, name: true, region: true },
    }),
  ]);

  return {
    items: rows.map(({ applications, ...vacancy }) => ({ ...vacancy, myApplication: applications[0] ?? null })),
    total,
    page,
    pageSize: VACANCY_PAGE_SIZE,
    facets: {
      regions: regions.map((r) => r.region),
      specialties: specialties.map((s) => s.specialty),
      branches: branches.map((b) => b.branch),
      centres,
    },
  };
}
