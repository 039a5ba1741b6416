// Which enterprises an authority may decide on. A ministry decides on its sector: the КВЕД
// sections listed on the authority (none listed = every sector). A regional military
// administration decides on its territory: enterprises the state register places in its
// region. Both limits apply when both are set, so an administrator may also narrow an ОВА to
// sectors. Pure.
import { kvedSectionLabel, kvedSectionOf, isKvedSectionCode } from "./kved-sections";

export type AuthorityCompetence = {
  shortName: string;
  region: string | null;
  kvedSections: readonly string[];
};

export type CompetenceCheck = { ok: true } | { ok: false; message: string };

export function checkCompetence(
  authority: AuthorityCompetence,
  enterprise: { kved: string; region: string },
): CompetenceCheck {
  if (authority.region && enterprise.region !== authority.region) {
    return {
      ok: false,
      message: `Підприємство зареєстроване в регіоні «${enterprise.region}», а ${authority.shortName} ухвалює рішення лише щодо підприємств регіону «${authority.region}»`,
    };
  }
  if (authority.kvedSections.length > 0) {
    const section = kvedSectionOf(enterprise.kved);
    if (!section || !authority.kvedSections.includes(section)) {
      const sections = authority.kvedSections
        .map((s) => (isKvedSectionCode(s) ? `${s} (${kvedSectionLabel(s)})` : s))
        .join("; ");
      const own = section ? `секція ${section}` : "секцію не визначено";
      return {
        ok: false,
        message: `Вид діяльності підприємства (КВЕД ${enterprise.kved}, ${own}) не належить до сфери ${authority.shortName}: секції ${sections}`,
      };
    }
  }
  return { ok: true };
}
