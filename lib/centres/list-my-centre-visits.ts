import "server-only";
import type { Ctx } from "@/lib/context";
import { citizenRnokpp } from "@/lib/citizen/actor-rnokpp";
import { toIsoDate } from "@/lib/rules/calendar";
import { kyivNow } from "./kyiv-clock";
import type { VisitAttendance, VisitPurpose } from "./schemas";

export type MyVisit = {
  id: string;
  day: string;
  time: string;
  purpose: VisitPurpose;
  status: "BOOKED" | "CANCELLED";
  /** The centre's mark: came or did not; null until the recruiter marks it. */
  attendance: VisitAttendance | null;
  /** Booked, not marked and not yet begun: it can still be cancelled. */
  upcoming: boolean;
  centre: { id: string; name: string; address: string; phone: string };
};

/** The citizen's own visits, the latest first. */
export async function listMyCentreVisits(ctx: Ctx<"actor" | "db" | "now">): Promise<MyVisit[]> {
  const rnokpp = citizenRnokpp(ctx.actor, "centres.book");
  const rows = await ctx.db.centreVisit.findMany({
    where: { rnokpp },
    orderBy: [{ day: "desc" }, { time: "desc" }],
    take: 50,
    select: {
      id: true,
      day: true,
      time: true,
      purpose: true,
      status: true,
      attendance: true,
      centre: { select: { id: true, name: true, address: true, phone: true } },
    },
  });
  const now = kyivNow(ctx.now);
  return rows.map((row) => {
    const day = toIsoDate(row.day);
    return {
      ...row,
      day,
      purpose: row.purpose as VisitPurpose,
      upcoming:
        row.status === "BOOKED" &&
        row.attendance === null &&
        (day > now.day || (day === now.day && row.time > now.time)),
    };
  });
}
