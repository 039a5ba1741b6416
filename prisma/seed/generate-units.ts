// Military units and their vacancies for the recruitment cabinet: each unit publishes the
// specialties its branch recruits, about sixty vacancies in all, a few of them already closed.

import { UNITS, VACANCY_TEMPLATES } from "./data/military";
import { addDays, daysBetween } from "./dates";
import type { UnitRow, VacancyRow } from "./rows";
import type { Rng } from "./random";

export const VACANCY_COUNT = 60;

export function generateUnits(rng: Rng): UnitRow[] {
  return UNITS.map((unit) => ({
    id: rng.uuid(),
    code: unit.code,
    name: unit.name,
    branch: unit.branch,
    region: unit.region,
    phone: `+38044${rng.digits(7)}`,
    // Latin "a" plus the digits: the Cyrillic А of the code does not belong in an address.
    email: `recruiting.a${unit.code.slice(1)}@post.mil.gov.ua`,
  }));
}

export function generateVacancies(rng: Rng, units: UnitRow[], today: string): VacancyRow[] {
  const vacancies: VacancyRow[] = [];
  const taken = new Set<string>();
  for (let i = 0; vacancies.length < VACANCY_COUNT && i < VACANCY_COUNT * 20; i++) {
    // Every unit gets at least two, then the rest go anywhere.
    const unit = i < units.length * 2 ? units[i % units.length]! : rng.pick(units);
    const fitting = VACANCY_TEMPLATES.filter(
      (template) => !template.branches || template.branches.includes(unit.branch),
    );
    const template = rng.pick(fitting);
    if (taken.has(`${unit.id}:${template.title}`)) continue;
    taken.add(`${unit.id}:${template.title}`);
    const publishedOn = addDays(today, -rng.int(1, 120));
    const closed = rng.chance(0.1);
    vacancies.push({
      id: rng.uuid(),
      unitId: unit.id,
      title: template.title,
      specialty: template.specialty,
      region: unit.region,
      requirements: template.requirements,
      description: template.description,
      status: closed ? "CLOSED" : "OPEN",
      publishedAt: `${publishedOn}T${String(rng.int(7, 18)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00.000Z`,
      closedAt: closed ? `${addDays(publishedOn, rng.int(1, daysBetween(publishedOn, today)))}T12:00:00.000Z` : null,
    });
  }
  return vacancies;
}
