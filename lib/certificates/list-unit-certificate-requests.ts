import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/context";
import { kyivDate } from "@/lib/format";
import { toIsoDate } from "@/lib/rules/calendar";
import type { CertificateKind } from "@/lib/rules/certificate-entitlement";

export type UnitCertificateRequestRow = {
  id: string;
  kind: CertificateKind;
  status: "PENDING" | "ISSUED" | "REFUSED";
  createdAt: Date;
  dueOn: string | null;
  overdue: boolean;
  person: { fullName: string; birthDate: string } | null;
};

/** The requests routed to the staff officer's unit: open ones first by due date, then the decided. */
export async function listUnitCertificateRequests(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: { status: "PENDING" | "DECIDED" },
): Promise<UnitCertificateRequestRow[]> {
  const { actor } = ctx;
  assertCan(actor, "service.confirm");
  const rows = await ctx.db.certificateRequest.findMany({
    where: {
      unitId: actor.unitId,
      ...(input.status === "PENDING"
        ? { status: "PENDING" }
        : { status: { in: ["ISSUED", "REFUSED"] }, decidedByRnokpp: { not: null } }),
    },
    orderBy: input.status === "PENDING" ? [{ dueOn: "asc" }, { createdAt: "asc" }] : [{ decidedAt: "desc" }],
    take: 200,
    select: { id: true, rnokpp: true, kind: true, status: true, createdAt: true, dueOn: true },
  });
  const people = await ctx.registry.findPeople([...new Set(rows.map((row) => row.rnokpp))]);
  const today = kyivDate(ctx.now);
  return rows.map((row) => {
    const person = people.get(row.rnokpp);
    const dueOn = row.dueOn ? toIsoDate(row.dueOn) : null;
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      createdAt: row.createdAt,
      dueOn,
      overdue: row.status === "PENDING" && dueOn !== null && dueOn < today,
      person: person ? { fullName: person.fullName, birthDate: person.birthDate } : null,
    };
  });
}
