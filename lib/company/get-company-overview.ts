import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { listNotifications } from "@/lib/notifications";
import { resolveEnterpriseAccess, type ApplicationSummary, type LimitFigures } from "@/lib/reservations";
import { readApplicationSummaries } from "@/lib/reservations/list-applications";
import { loadEmployeeListModel, type EmployeeListModel } from "@/lib/reservations/employee-list-model";
import { loadEnterpriseStanding, type CompanyStanding } from "./enterprise-standing";
import { readPendingDrafts, type PendingDraft } from "@/lib/reservations/list-pending-drafts";
import { kyivDate } from "@/lib/format";

// The cabinet's first screen in one call: the enterprise, its critical status, the limit, the
// staff counted by state, the latest applications, drafts waiting for the head's signature and
// notifications. The counts are cut from the lifecycle's cached employee model — loaded once for
// the page, after one access check, and counted in one pass kept with the model — so the page
// costs the same few queries whatever the staff (they are the employee list's filters: its
// totals are the same numbers, tests/integration/company.test.ts).

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
  // Both the head and an authorized person reading the cabinet may also prepare applications
  // (lib/auth/permissions): checked here once, so the lists below are read without a check each.
  assertCan(actor, "applications.prepare");
  const date = kyivDate(now);

  const [standing, model, applications, drafts, notifications] = await Promise.all([
    loadEnterpriseStanding(ctx, { enterprise, date }),
    loadEmployeeListModel(ctx, { edrpou, date }),
    readApplicationSummaries(db, { edrpou, pageSize: 5 }),
    readPendingDrafts(ctx, { edrpou }),
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
    limit: model.limit,
    counts: staffCounts(model),
    applications,
    drafts,
    notifications: { items: notifications.items, unread: notifications.unread },
  };
}

const countsOfModel = new WeakMap<EmployeeListModel, CompanyOverview["counts"]>();

/** The staff by state, counted once per model (a model is immutable and cached). */
function staffCounts(model: EmployeeListModel): CompanyOverview["counts"] {
  const known = countsOfModel.get(model);
  if (known) return { ...known };
  const counts = { ...model.counts, reservable: 0, expiring: 0, notEligible: 0, reservedElsewhere: 0 };
  for (const row of model.rows) {
    if (row.state === "expiring") counts.expiring++;
    else if (row.state === "reserved_elsewhere") counts.reservedElsewhere++;
    else if (row.state === "not_reserved") {
      if (row.eligible) counts.reservable++;
      else counts.notEligible++;
    }
  }
  countsOfModel.set(model, counts);
  return { ...counts };
}
