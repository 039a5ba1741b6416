import "server-only";
import type { Ctx } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/errors";
import { ZCentreFilters } from "./schemas";

export type CentreCard = {
  id: string;
  code: string;
  name: string;
  region: string;
  city: string;
  address: string;
  phone: string;
  weekdays: number[];
  opensAt: string;
  closesAt: string;
  units: Array<{ id: string; code: string; name: string }>;
};

/** The catalogue of recruitment centres (filtered by region) with the units each recruits for. */
export async function listCentres(
  ctx: Ctx<"actor" | "db">,
  input: unknown,
): Promise<{ items: CentreCard[]; regions: string[] }> {
  assertCan(ctx.actor, "centres.book");
  const { region } = parseInput(ZCentreFilters, input);
  const [rows, regions] = await Promise.all([
    ctx.db.recruitmentCentre.findMany({
      where: region ? { region } : {},
      orderBy: [{ region: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        name: true,
        region: true,
        city: true,
        address: true,
        phone: true,
        weekdays: true,
        opensAt: true,
        closesAt: true,
        units: {
          select: { unit: { select: { id: true, code: true, name: true } } },
          orderBy: { unit: { code: "asc" } },
        },
      },
    }),
    ctx.db.recruitmentCentre.findMany({ distinct: ["region"], orderBy: { region: "asc" }, select: { region: true } }),
  ]);
  return {
    items: rows.map(({ units, ...centre }) => ({ ...centre, units: units.map((link) => link.unit) })),
    regions: regions.map((r) => r.region),
  };
}
