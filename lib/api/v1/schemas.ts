import { AppError } from "@/lib/errors";
import { toKopiykas } from "@/lib/format";
import { ZEdrpou } from "@/lib/identifiers";
import { MAX_SIGNATURE_BYTES } from "@/lib/kep/verify/parse-signature";
import { EMPLOYEE_SORTS, EMPLOYEE_STATES } from "@/lib/reservations/constants";
import { ZCreateAnnulmentDraftInput, ZCreateReservationDraftInput } from "@/lib/reservations/draft-input";
import { REASON_CODES } from "@/lib/rules";
import { z } from "@/lib/zod";

// The HR API v1's inputs. Every object is .strict(): a field the API does not know is refused
// (UNKNOWN_FIELD) rather than silently ignored — an HR system that misspells "salary" must
// learn it, not have the registry's figure used. The OpenAPI document (openapi.ts) describes
// exactly these; a unit test checks its examples against them.

const ZBase64Signature = z
  .string()
  .min(1, "Передайте підпис")
  .max(Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4 + 4, "Підпис завеликий")
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Підпис має бути у base64 (відокремлений CMS, DER)")
  .transform((value) => new Uint8Array(Buffer.from(value, "base64")));

/**
 * The domain's schema of a draft (lib/reservations), with each salary taken in hryvnias and
 * converted to kopiykas here, once. A figure with more than two decimals or too large for the
 * conversion is passed on as it is, for the domain's schema to refuse with its message.
 */
export const ZReservationDraftBody = z.preprocess(
  (body) => mapEmployees(body, (employee) => mapSalary(employee, hryvniasToKopiykas)),
  ZCreateReservationDraftInput,
);

function hryvniasToKopiykas(value: number): number {
  try {
    return toKopiykas(value);
  } catch {
    return value;
  }
}

function mapEmployees(body: unknown, map: (employee: unknown) => unknown): unknown {
  if (!isRecord(body) || !Array.isArray(body.employees)) return body;
  return { ...body, employees: body.employees.map(map) };
}

function mapSalary(employee: unknown, convert: (value: number) => number): unknown {
  if (!isRecord(employee) || typeof employee.salary !== "number") return employee;
  return { ...employee, salary: convert(employee.salary) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The domain's schema of an annulment draft, as it is: the body carries nothing to convert. */
export const ZAnnulmentDraftBody = ZCreateAnnulmentDraftInput;

export const ZSignedSubmissionBody = z
  .object({
    draftId: z.string().uuid("draftId має бути ідентифікатором чернетки (UUID)"),
    signature: ZBase64Signature,
  })
  .strict();

export const ZEnterprisePath = z.object({ edrpou: ZEdrpou }).strict();
export const ZApplicationPath = z.object({ id: z.string().uuid("Некоректний ідентифікатор заяви") }).strict();

const ZPositiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "Потрібне ціле число")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const ZEmployeesQuery = z
  .object({
    page: ZPositiveInt(100_000).optional(),
    pageSize: ZPositiveInt(500).optional(),
    eligible: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
    q: z.string().trim().min(1).max(100).optional(),
    reason: z.enum(REASON_CODES).optional(),
    state: z.enum(EMPLOYEE_STATES).optional(),
    sort: z.enum(EMPLOYEE_SORTS).optional(),
  })
  .strict();

/**
 * A URL lands in proxies' logs and Referer headers, so the GET list's `q` takes a name only: a
 * digit in it is (part of) a РНОКПП, refused with its own code before anything is read. The
 * same search with a РНОКПП goes in the body of POST …/employees/search.
 */
export function refuseRnokppInQuery(searchParams: URLSearchParams): void {
  if (searchParams.getAll("q").some((q) => /\d/.test(q))) throw new AppError("RNOKPP_IN_QUERY");
}

/** The employee search's body: the list's filters as JSON, `q` a name or the start of a РНОКПП. */
export const ZEmployeesSearchBody = z
  .object({
    page: z.number().int().min(1).max(100_000).optional(),
    pageSize: z.number().int().min(1).max(500).optional(),
    eligible: z.boolean().optional(),
    q: z.string().trim().min(1, "Порожній пошук").max(100).optional(),
    reason: z.enum(REASON_CODES).optional(),
    state: z.enum(EMPLOYEE_STATES).optional(),
    sort: z.enum(EMPLOYEE_SORTS).optional(),
  })
  .strict();
