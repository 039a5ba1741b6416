import "server-only";
import type { Ctx } from "@/lib/context";
import { listNotifications } from "@/lib/notifications";
import {
  listApplications,
  listEmployees,
  resolveEnterpriseAccess,
  type ApplicationSummary,
  type LimitFigures,
} from "@/lib/reservations";
import { loadEnterpriseStanding, type CompanyStanding } from "./enterprise-standing";
import { listPendingDrafts, type PendingDraft } from "@/lib/reservations/list-pending-drafts";
import { kyivDate } from "@/lib/format";

// The cabinet's first screen in one call: the enterprise, its critical status, the limit, the
// staff counted by state, the latest applications, drafts waiting for the head's signature and
// notifications. The counts are cut from the lifecycle's cached employee model, so the
// 10,000-employee enterprise costs a few milliseconds per figure.

export type CompanyOverview = {
  enterprise: {
    edrpou: string;
    name: string;
    shortName: string | null;
    region: string;
    address: string | null;
    kved: string;
    kvedName: string;
    headName: string | null;
  };
  isHead: boolean;
  standing: CompanyStanding;
  limit: LimitFigures;
  counts: {
    employees: number;
    eligible: number;
    /** Eligible and not reserved anywhere: «можна забронювати». */
    reservable: number;
    reserved: number;
    expiring: number;
    /** Not reserved and refused on some condition: «не можна забронювати». */
    notEligible: number;
    reservedElsewhere: number;
  };
  applications: ApplicationSummary[];
  drafts: PendingDraft[];
  notifications: {
    items: Array<{
      id: string;
      title: string;
      body: string;
      link: string | null;
      createdAt: Date;
      readAt: Date | null;
    }>;
    unread: number;
  };
};

export async function getCompanyOverview(ctx: Ctx<"actor" | "db" | "registry" | "now">): Promise<CompanyOverview> {
  const { actor, db, now } = ctx;
  const edrpou = actor.edrpou ?? "";
  const { enterprise, isHead } = await resolveEnterpriseAccess(ctx, { edrpou, permission: "employees.read" });
  const date = kyivDate(now);
  const page = { edrpou, pageSize: 1 } as const;

  const [standing, all, reservable, expiring, notEligible, elsewhere, applications, drafts, notifications] =
    await Promise.all([
      loadEnterpriseStanding(ctx, { enterprise, date }),
      listEmployees(ctx, page),
      listEmployees(ctx, { ...page, eligible: true, state: "not_reserved" }),
      listEmployees(ctx, { ...page, state: "expiring" }),
      listEmployees(ctx, { ...page, eligible: false, state: "not_reserved" }),
      listEmployees(ctx, { ...page, state: "reserved_elsewhere" }),
      listApplications({ db, actor }, { edrpou, pageSize: 5 }),
      listPendingDrafts(ctx),
      listNotifications({ db }, { rnokpp: actor.rnokpp!, audience: "company", take: 5 }),
    ]);

  return {
    enterprise: {
      edrpou: enterprise.edrpou,
      name: enterprise.name,
      shortName: enterprise.shortName,
      region: enterprise.region,
      address: enterprise.address,
      kved: enterprise.kved,
      kvedName: enterprise.kvedName,
      headName: enterprise.headName,
    },
    isHead,
    standing,
    limit: all.limit,
    counts: {
      employees: all.counts.employees,
      eligible: all.counts.eligible,
      reservable: reservable.total,
      reserved: all.counts.reserved,
      expiring: expiring.total,
      notEligible: notEligible.total,
      reservedElsewhere: elsewhere.total,
    },
    applications: applications.items,
    drafts,
    notifications: { items: notifications.items, unread: notifications.unread },
  };
}
