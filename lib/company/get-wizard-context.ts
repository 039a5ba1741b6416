import "server-only";
import type { Ctx } from "@/lib/context";
import { listEmployees, resolveEnterpriseAccess, type LimitFigures } from "@/lib/reservations";
import { loadEnterpriseStanding, type CompanyStanding } from "./enterprise-standing";
import { kyivDate } from "@/lib/format";

// What every step of the application wizards needs besides the list: who signs (the head's
// РНОКПП for the signer's check), whether the actor may sign, the limit, the salary threshold
// and whether the enterprise is critical today (else every employee would be refused).

export type WizardContext = {
  edrpou: string;
  enterpriseName: string;
  isHead: boolean;
  head: { rnokpp: string | null; fullName: string | null };
  limit: LimitFigures;
  standing: CompanyStanding;
};

export async function getWizardContext(ctx: Ctx<"actor" | "db" | "registry" | "now">): Promise<WizardContext> {
  const { actor, now } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { enterprise, isHead } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "applications.prepare" });
  const [standing, list] = await Promise.all([
    loadEnterpriseStanding(ctx, { enterprise, date: kyivDate(now) }),
    listEmployees(ctx, { edrpou, pageSize: 1 }),
  ]);
  return {
    edrpou,
    enterpriseName: enterprise.shortName ?? enterprise.name,
    isHead,
    head: { rnokpp: enterprise.headRnokpp, fullName: enterprise.headName },
    limit: list.limit,
    standing,
  };
}
