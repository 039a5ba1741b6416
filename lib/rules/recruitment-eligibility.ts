// Who may apply to a unit's vacancy (docs/decisions/006-voluntary-recruitment.md). Recruitment is
// voluntary service, so the bar is the military register itself, not the reservation rules:
// - on the register, or with data being clarified: may apply;
// - «у розшуку»: may apply — coming to a unit voluntarily is the lawful way out of the search,
//   and the unit must see it, so the application carries the flag; not when wanted under
//   Criminal Code arts. 336/337 (evasion): that is a matter for the investigator, not a recruiter;
// - removed, excluded or never registered: may not (there is nobody for the ТЦК to call up);
//   they are told to go to the ТЦК first.

export type ApplicantMilitary = { status: string; wanted: boolean; wantedCriminal: boolean } | null;

export type ApplicantEligibility =
  | { allowed: true; wanted: boolean }
  | { allowed: false; code: "NOT_REGISTERED" | "REMOVED_OR_EXCLUDED" | "WANTED_CRIMINAL"; message: string };

export function applicantEligibility(military: ApplicantMilitary): ApplicantEligibility {
  if (!military || military.status === "NOT_REGISTERED") {
    return {
      allowed: false,
      code: "NOT_REGISTERED",
      message:
        "Відгукнутися можуть лише особи, які перебувають на військовому обліку. Станьте на облік у ТЦК та СП або ЦНАП.",
    };
  }
  if (military.status === "REMOVED" || military.status === "EXCLUDED") {
    return {
      allowed: false,
      code: "REMOVED_OR_EXCLUDED",
      message: "Вас знято або виключено з військового обліку: щоб піти на службу, спершу зверніться до ТЦК та СП.",
    };
  }
  const wanted = military.status === "WANTED" || military.wanted;
  if (wanted && military.wantedCriminal) {
    return {
      allowed: false,
      code: "WANTED_CRIMINAL",
      message: "Вас розшукують у кримінальному провадженні (ст. 336, 337 КК України): зверніться до ТЦК та СП.",
    };
  }
  return { allowed: true, wanted };
}
