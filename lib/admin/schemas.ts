// Input schemas of the administrator's screens: authorities and their officials. Browser-safe.
import { ZEdrpou, ZRnokpp } from "@/lib/identifiers";
import { KVED_SECTION_CODES } from "@/lib/enterprises/kved-sections";
import { z } from "@/lib/zod";

export const AUTHORITY_KINDS = ["MINISTRY", "REGIONAL_ADMINISTRATION"] as const;
export const AUTHORITY_KIND_LABELS: Record<(typeof AUTHORITY_KINDS)[number], string> = {
  MINISTRY: "Міністерство / інший ЦОВВ",
  REGIONAL_ADMINISTRATION: "Обласна військова адміністрація",
};

const ZKvedSections = z
  .array(z.enum(KVED_SECTION_CODES as [string, ...string[]], { error: "Невідома секція КВЕД" }))
  .max(KVED_SECTION_CODES.length)
  .transform((sections) => [...new Set(sections)].sort());

const authorityFields = {
  name: z.string().trim().min(5, "Вкажіть повну назву органу").max(300, "Назва — не довше 300 символів"),
  shortName: z.string().trim().min(2, "Вкажіть скорочену назву").max(60, "Скорочена назва — не довше 60 символів"),
  kind: z.enum(AUTHORITY_KINDS, { error: "Оберіть вид органу" }),
  region: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .transform((v) => (v ? v : null)),
  kvedSections: ZKvedSections,
};

// An ОВА decides on its territory: without a region it would decide on nothing (or everything).
const regionRule = <T extends { kind: string; region: string | null }>(value: T, ctx: z.RefinementCtx) => {
  if (value.kind === "REGIONAL_ADMINISTRATION" && !value.region) {
    ctx.addIssue({
      code: "custom",
      path: ["region"],
      message: "Для обласної військової адміністрації вкажіть її регіон",
    });
  }
};

export const ZCreateAuthority = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,39}$/, "Код: 2–40 малих латинських літер, цифр або дефісів, з літери"),
    edrpou: ZEdrpou,
    ...authorityFields,
  })
  .strict()
  .superRefine(regionRule);
export type CreateAuthorityInput = z.input<typeof ZCreateAuthority>;

export const ZUpdateAuthority = z
  .object({ id: z.uuid("Некоректний ідентифікатор органу"), ...authorityFields })
  .strict()
  .superRefine(regionRule);
export type UpdateAuthorityInput = z.input<typeof ZUpdateAuthority>;

export const ZInitialPassword = z
  .string()
  .min(12, "Пароль — щонайменше 12 символів")
  .max(128, "Пароль — не довше 128 символів")
  .refine((p) => /[A-Za-zА-Яа-яІіЇїЄєҐґ]/.test(p) && /\d/.test(p), "Пароль має містити літери й цифри");

export const ZAddOfficial = z
  .object({
    authorityId: z.uuid("Оберіть орган влади"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(200, "Е-пошта — не довше 200 символів")
      .pipe(z.email("Вкажіть коректну е-пошту")),
    fullName: z
      .string()
      .trim()
      .min(5, "Вкажіть прізвище, ім'я та по батькові")
      .max(200)
      .refine((v) => v.split(/\s+/).length >= 2, "Вкажіть прізвище та ім'я"),
    rnokpp: ZRnokpp,
    position: z.string().trim().min(3, "Вкажіть посаду").max(200),
    password: ZInitialPassword,
  })
  .strict();
export type AddOfficialInput = z.input<typeof ZAddOfficial>;

/** One official's membership: to withdraw it, or (demo mode) to issue its holder a test key. */
export const ZWithdrawOfficial = z.object({ membershipId: z.uuid("Некоректний ідентифікатор") }).strict();
export const ZOfficialMembership = ZWithdrawOfficial;
