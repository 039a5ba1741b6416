import { ZEdrpou, ZRnokpp } from "@/lib/identifiers";
import { z } from "@/lib/zod";
import { MAX_EMPLOYEES } from "./constants";

// A reservation draft's input, parsed by every door that creates one (no "server-only": the
// HR API's schemas and their unit tests import it without the domain).

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
    employees: z
      .array(z.object({ rnokpp: ZRnokpp, salary: ZConfirmedSalary.optional() }).strict())
      .min(1, "Оберіть хоча б одного працівника")
      .max(MAX_EMPLOYEES, `Не більше ${MAX_EMPLOYEES} працівників в одній заяві`),
  })
  .strict();
