// The contacts form's rules, shared by the browser form and the server. Law 3633-IX asks every
// military-liable person to keep a phone and an address of residence with the ТЦК, so those
// two are required; an e-mail is optional (empty removes it), but what is given must be real.
import { z } from "@/lib/zod";

/** "+380 67 123-45-67", "067 123 45 67", "380671234567" → "+380671234567". */
export function normalizeUkrainianPhone(raw: string): string {
  const compact = raw.replace(/[\s().-]/g, "");
  if (/^0\d{9}$/.test(compact)) return `+38${compact}`;
  if (/^380\d{9}$/.test(compact)) return `+${compact}`;
  return compact;
}

export const ZContacts = z
  .object({
    phone: z
      .string({ error: "Вкажіть номер телефону" })
      .max(32, "Номер телефону задовгий")
      .transform(normalizeUkrainianPhone)
      .refine((value) => value !== "", "Вкажіть номер телефону")
      .refine((value) => value === "" || /^\+380\d{9}$/.test(value), "Номер телефону має бути у форматі +380XXXXXXXXX"),
    email: z
      .string()
      .max(254, "Адреса електронної пошти задовга")
      .transform((value) => (value.trim() === "" ? null : value.trim().toLowerCase()))
      .refine(
        (value) => value === null || z.email().safeParse(value).success,
        "Вкажіть коректну адресу електронної пошти, наприклад name@example.com",
      )
      .optional()
      .transform((value) => value ?? null),
    address: z
      .string({ error: "Вкажіть адресу проживання" })
      .transform((value) => value.trim().replace(/\s+/g, " "))
      .refine((value) => value !== "", "Вкажіть адресу проживання")
      .refine(
        (value) => value === "" || value.length >= 10,
        "Адреса має містити щонайменше 10 символів: населений пункт, вулицю, будинок",
      )
      .refine((value) => value.length <= 300, "Адреса має бути не довшою за 300 символів")
      .refine((value) => !/[<>{}]/.test(value), "Адреса містить недопустимі символи"),
  })
  .strict();

export type ContactsInput = z.input<typeof ZContacts>;
export type Contacts = z.output<typeof ZContacts>;
