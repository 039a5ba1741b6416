import "server-only";
import type { Ctx } from "@/lib/context";
import type { CertificateKind, EntitlementFacts } from "@/lib/rules/certificate-entitlement";
import type { CertificateFacts } from "./certificate-facts";

export type CertificateFactsRead = {
  /** What the entitlement rules decide on. */
  entitlement: EntitlementFacts;
  /** What the certificate would state if issued now; null when the registry does not know the person. */
  facts: CertificateFacts | null;
};

/** Reads, through the registry port, every fact a certificate of this kind rests on. */
export async function readCertificateFacts(
  ctx: Ctx<"registry">,
  input: { rnokpp: string; kind: CertificateKind; today: string },
): Promise<CertificateFactsRead> {
  const { rnokpp, kind, today } = input;
  const person = await ctx.registry.findPerson(rnokpp);
  const entitlement: EntitlementFacts = {
    kind,
    today,
    registration: person?.military ? { status: person.military.status } : null,
    servicePeriods: [],
    activeMark: null,
  };
  if (!person) return { entitlement, facts: null };
  const facts: CertificateFacts = {
    kind,
    person: {
      rnokpp,
      lastName: person.lastName,
      firstName: person.firstName,
      patronymic: person.patronymic,
      birthDate: person.birthDate,
    },
  };

  if (kind === "SERVICE_PARTICIPATION") {
    const periods = await ctx.registry.findServicePeriods(rnokpp);
    entitlement.servicePeriods = periods;
    facts.service = periods
      .filter((period) => period.defenceConfirmedOn !== null && period.fromDate <= today)
      .map((period) => ({
        unitCode: period.unitCode,
        unitName: period.unitName,
        position: period.position,
        fromDate: period.fromDate,
        untilDate: period.untilDate,
        defenceConfirmedOn: period.defenceConfirmedOn!,
      }));
  } else if (kind === "MILITARY_REGISTRATION" && person.military) {
    const m = person.military;
    facts.registration = {
      status: m.status,
      liability: m.liability,
      category: m.category,
      tcc: m.tcc,
      registeredOn: m.registeredOn,
      rank: m.rank,
      specialty: m.specialty,
    };
  } else if (kind === "RESERVATION_EXTRACT") {
    const status = await ctx.registry.findStatus(rnokpp, today);
    const mark = status?.reservation ?? null;
    if (mark) {
      entitlement.activeMark = { edrpou: mark.edrpou, fromDate: mark.fromDate, untilDate: mark.untilDate };
      facts.reservation = {
        edrpou: mark.edrpou,
        enterpriseName: mark.enterpriseName,
        fromDate: mark.fromDate,
        untilDate: mark.untilDate,
      };
    }
  }
  return { entitlement, facts };
}
