import "server-only";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { isoDateToUtc } from "@/lib/rules/calendar";
import { kyivNow } from "./kyiv-clock";
import { recruiterCentreId } from "./recruiter-centre";
import { ZVisitDay, type VisitAttendance, type VisitPurpose } from "./schemas";

export type CentreVisitRow = {
  id: string;
  time: string;
  fullName: string;
  purpose: VisitPurpose;
  status: "BOOKED" | "CANCELLED";
  createdAt: Date;
  attendance: VisitAttendance | null;
  /** A booked visit of today or before: the recruiter may mark whether the visitor came. */
  markable: boolean;
};

/** The recruiter's view of one day at their centre (today unless asked): every visit, by time. */
export async function listCentreVisits(
  ctx: Ctx<"actor" | "db" | "now">,
  input: unknown,
): Promise<{ centre: { name: string; address: string }; day: string; visits: CentreVisitRow[] }> {
  const centreId = recruiterCentreId(ctx.actor, "centre.read");
  const day = parseInput(ZVisitDay, input).day ?? kyivNow(ctx.now).day;
  const [centre, rows] = await Promise.all([
    ctx.db.recruitmentCentre.findUniqueOrThrow({ where: { id: centreId }, select: { name: true, address: true } }),
    ctx.db.centreVisit.findMany({
      where: { centreId, day: isoDateToUtc(day) },
      orderBy: [{ time: "asc" }, { createdAt: "asc" }],
      select: { id: true, time: true, fullName: true, purpose: true, status: true, createdAt: true, attendance: true },
    }),
  ]);
  const markable = day <= kyivNow(ctx.now).day;
  return {
    centre,
    day,
    visits: rows.map((row) => ({
      ...row,
      purpose: row.purpose as VisitPurpose,
      markable: markable && row.status === "BOOKED",
    })),
  };
}
