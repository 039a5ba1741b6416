import { ZEdrpou, ZRnokpp } from "@/lib/identifiers";
import { z } from "@/lib/zod";
import { MAX_EMPLOYEES } from "./constants";

// The drafts' inputs, each parsed by every door that creates one (no "server-only": the HR API's
// schemas and their unit tests import them without the domain).

/** Kopiykas, as the domain counts money; the HR API converts hryvnias at its boundary (lib/api/v1/schemas.ts). */
export const ZConfirmedSalary = z
  .number()
  // The bound first: a figure too large for a safe integer is too large, not a fraction.
  .max(100_000_000_00, "Заробітна плата: не більше 100 000 000 грн")
  .int("Заробітна плата: не більше двох знаків після коми")
  .min(1, "Заробітна плата має бути додатною");

/**
 * The one schema of a reservation draft's input: the company cabinet's server action (without
 * `edrpou`, which comes from the session) and the HR API (salaries converted from hryvnias) parse
 * with it, and so does createReservationDraft.
 */
export const ZCreateReservationDraftInput = z
  .object({
    edrpou: ZEdrpou,
    employees: employeeList(z.object({ rnokpp: ZRnokpp, salary: ZConfirmedSalary.optional() }).strict()),
  })
  .strict();

/**
 * The one schema of an annulment draft's input: the company cabinet's server action (without
 * `edrpou`), the HR API (its body as it is) and createAnnulmentDraft parse with it. The ground is
 * a code of HEAD_ANNULMENT_GROUNDS; the rules judge it, with their own codes.
 */
export const ZCreateAnnulmentDraftInput = z
  .object({
    edrpou: ZEdrpou,
    ground: z.string().min(1, "Оберіть підставу анулювання").max(64),
    employees: employeeList(z.object({ rnokpp: ZRnokpp }).strict()),
  })
  .strict();

function employeeList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .min(1, "Оберіть хоча б одного працівника")
    .max(MAX_EMPLOYEES, `Не більше ${MAX_EMPLOYEES} працівників в одній заяві`);
}
