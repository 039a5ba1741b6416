import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { AppError } from "@/lib/errors";
import { kyivDate } from "@/lib/format/date";
import { decideBasicServiceEligibility } from "@/lib/rules/basic-service";

export type BasicServiceApplicationView = {
  id: string;
  status: "SUBMITTED" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  specialty: string;
  createdAt: Date;
  decidedAt: Date | null;
  decisionComment: string | null;
  centre: { name: string; address: string };
};

export type BasicServiceStatus = {
  eligibility: { eligible: true; age: number } | { eligible: false; message: string };
  /** The person's applications, the latest first. */
  applications: BasicServiceApplicationView[];
  /** A SUBMITTED or ACCEPTED one: no second application while it lives. */
  open: BasicServiceApplicationView | null;
};

/** Whether the citizen may apply for basic military service (and why not), with their applications. */
export async function getBasicServiceStatus(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
): Promise<BasicServiceStatus> {
  const rnokpp = citizenRnokpp(ctx.actor, "basicService.apply");
  const person = await ctx.registry.findPerson(rnokpp);
  if (!person) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");
  const decision = decideBasicServiceEligibility({
    birthDate: person.birthDate,
    sex: person.sex,
    registration: person.military,
    today: kyivDate(ctx.now),
  });
  const rows = await ctx.db.basicServiceApplication.findMany({
    where: { rnokpp },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      status: true,
      specialty: true,
      createdAt: true,
      decidedAt: true,
      decisionComment: true,
      centre: { select: { name: true, address: true } },
    },
  });
  return {
    eligibility: decision.eligible ? decision : { eligible: false, message: decision.message },
    applications: rows,
    open: rows.find((row) => row.status === "SUBMITTED" || row.status === "ACCEPTED") ?? null,
  };
}
