import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/kep/canonical-json";
import { CERTIFICATE_KINDS } from "@/lib/rules/certificate-entitlement";
import { z } from "@/lib/zod";

// What a certificate states, exactly: stored with it, hashed, printed in its PDF, and compared
// with the registry at every public check (a certificate whose facts no longer hold is not
// valid). One schema: JSON read back from the database is parsed with it, never cast.

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZCertificateFacts = z.object({
  kind: z.enum(CERTIFICATE_KINDS),
  person: z.object({
    rnokpp: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    patronymic: z.string().nullable(),
    birthDate: ZDate,
  }),
  service: z
    .array(
      z.object({
        unitCode: z.string(),
        unitName: z.string(),
        position: z.string(),
        fromDate: ZDate,
        untilDate: ZDate.nullable(),
        defenceConfirmedOn: ZDate,
      }),
    )
    .optional(),
  registration: z
    .object({
      status: z.string(),
      liability: z.string(),
      category: z.number(),
      tcc: z.string(),
      registeredOn: ZDate,
      rank: z.string().nullable(),
      specialty: z.string().nullable(),
    })
    .optional(),
  reservation: z
    .object({ edrpou: z.string(), enterpriseName: z.string(), fromDate: ZDate, untilDate: ZDate })
    .optional(),
});

export type CertificateFacts = z.infer<typeof ZCertificateFacts>;

export function hashCertificateFacts(facts: CertificateFacts): string {
  return createHash("sha256").update(canonicalJson(facts)).digest("hex");
}

/** "К. А. С.": what the public check shows of the holder. */
export function initialsOf(person: CertificateFacts["person"]): string {
  return [person.lastName, person.firstName, person.patronymic]
    .filter((part): part is string => !!part)
    .map((part) => `${part.charAt(0)}.`)
    .join(" ");
}
