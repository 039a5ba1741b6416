import "server-only";
import type { PersonRecord } from "@/lib/registry";
import { fullYearsOn } from "@/lib/rules";

/** What a unit's recruiter sees of a candidate: enough to call them and judge fitness, no РНОКПП. */
export type ApplicantView = {
  fullName: string;
  age: number | null;
  phone: string | null;
  email: string | null;
  registrationStatus: string | null;
  wanted: boolean;
  tcc: string | null;
  rank: string | null;
  specialty: string | null;
  vlkDate: string | null;
  vlkResult: string | null;
};

export function toApplicantView(person: PersonRecord | undefined, today: string): ApplicantView {
  const m = person?.military ?? null;
  return {
    fullName: person?.fullName ?? "Особа відсутня в реєстрі",
    age: person ? fullYearsOn(person.birthDate, today) : null,
    phone: person?.phone ?? null,
    email: person?.email ?? null,
    registrationStatus: m?.status ?? null,
    wanted: m ? m.status === "WANTED" || m.wanted : false,
    tcc: m?.tcc ?? null,
    rank: m?.rank ?? null,
    specialty: m?.specialty ?? null,
    vlkDate: m?.vlkDate ?? null,
    vlkResult: m?.vlkResult ?? null,
  };
}
