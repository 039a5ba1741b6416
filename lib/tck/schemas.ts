import { AGE_BANDS, PROTECTIONS } from "@/lib/registry";
import { REGISTRATION_STATUSES } from "@/lib/rules";
import { z } from "@/lib/zod";

// The ТЦК cabinet's inputs: one schema each, shared by the pages, the actions and the domain.

const flag = z.enum(["yes", "no"]).transform((value) => value === "yes");

/** The register's filter as it arrives from a form or a query string (empty fields dropped). */
export const ZRegisterFilter = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(REGISTRATION_STATUSES).optional(),
    category: z
      .enum(["1", "2"])
      .transform(Number)
      .pipe(z.union([z.literal(1), z.literal(2)]))
      .optional(),
    ageBand: z.enum(AGE_BANDS).optional(),
    dataUpdated: flag.optional(),
    wanted: flag.optional(),
    vlkDue: z
      .literal("yes")
      .transform(() => true)
      .optional(),
    protection: z.enum(PROTECTIONS).optional(),
  })
  .strict();
export type RegisterFilterInput = z.input<typeof ZRegisterFilter>;

export const ZRegisterPageInput = z.object({
  filter: ZRegisterFilter.default({}),
  after: z
    .string()
    .regex(/^\d{10}$/)
    .nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Drops empty strings (an unselected <select>) so that the schema sees only what was chosen. */
export function compactFilter(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const keys = ["q", "status", "category", "ageBand", "dataUpdated", "wanted", "vlkDue", "protection"];
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = raw[key];
    const single = Array.isArray(value) ? value[0] : value;
    if (single !== undefined && single !== "") out[key] = single;
  }
  return out;
}
