import "server-only";
import type { Ctx } from "@/lib/context";
import { fullYearsOn, toIsoDate } from "@/lib/rules/calendar";
import { kyivDate } from "@/lib/format/date";
import { recruiterCentreId } from "./recruiter-centre";

export type CentreBasicServiceRow = {
  id: string;
  fullName: string;
  age: number;
  specialty: string;
  status: "SUBMITTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  createdAt: Date;
  decidedAt: Date | null;
  decisionComment: string | null;
};

/** The centre's basic-service applications: the ones awaiting an answer first, then the latest. */
export async function listCentreBasicService(ctx: Ctx<"actor" | "db" | "now">): Promise<CentreBasicServiceRow[]> {
  const centreId = recruiterCentreId(ctx.actor, "basicService.decide");
  const rows = await ctx.db.basicServiceApplication.findMany({
    where: { centreId },
    orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true,
      fullName: true,
      birthDate: true,
      specialty: true,
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionComment: true,
    },
  });
  const today = kyivDate(ctx.now);
  return rows.map(({ birthDate, ...row }) => ({ ...row, age: fullYearsOn(toIsoDate(birthDate), today) }));
}
