import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import type { VacancyApplicationStatus } from "./labels";

export type MyVacancyApplication = {
  id: string;
  status: VacancyApplicationStatus;
  comment: string | null;
  decisionComment: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  vacancy: {
    id: string;
    title: string;
    specialty: string;
    region: string;
    status: "OPEN" | "CLOSED";
    unit: { code: string; name: string; phone: string | null; email: string | null };
  };
};

export const MY_APPLICATION_SELECT = {
  id: true,
  status: true,
  comment: true,
  decisionComment: true,
  createdAt: true,
  decidedAt: true,
  vacancy: {
    select: {
      id: true,
      title: true,
      specialty: true,
      region: true,
      status: true,
      unit: { select: { code: true, name: true, phone: true, email: true } },
    },
  },
} as const;

/** The citizen's own applications, newest first. */
export async function listMyVacancyApplications(ctx: Ctx<"actor" | "db">): Promise<MyVacancyApplication[]> {
  const rnokpp = citizenRnokpp(ctx.actor, "vacancies.apply");
  return ctx.db.vacancyApplication.findMany({
    where: { rnokpp },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: MY_APPLICATION_SELECT,
  });
}
