import { ZRnokpp } from "@/lib/identifiers";
import { z } from "@/lib/zod";

// The inputs of the authorization forms. Browser-safe: the form validates with the same
// schemas before it asks the server, and the server parses again.

export const ZAuthorizationPosition = z
  .string()
  .trim()
  .max(100, "Посада: не більше 100 символів")
  .optional()
  .transform((value) => (value ? value : null));

export const ZPrepareGrantInput = z.object({ rnokpp: ZRnokpp, position: ZAuthorizationPosition }).strict();

/** The detached signature, base64 of DER; a .p7s is a few kilobytes. */
export const ZSignatureBase64 = z
  .string()
  .min(1, "Немає підпису")
  .max(200_000, "Файл підпису завеликий")
  .regex(/^[A-Za-z0-9+/]+=*$/, "Підпис має бути у форматі base64");

export const ZNonce = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Некоректний одноразовий код: сформуйте документ знову");

export const ZGrantInput = ZPrepareGrantInput.extend({ nonce: ZNonce, signature: ZSignatureBase64 }).strict();

export const ZPrepareWithdrawalInput = z.object({ membershipId: z.uuid("Уповноваження не знайдено") }).strict();

export const ZWithdrawInput = ZPrepareWithdrawalInput.extend({ nonce: ZNonce, signature: ZSignatureBase64 }).strict();

export type PrepareGrantInput = z.input<typeof ZPrepareGrantInput>;
export type GrantInput = z.input<typeof ZGrantInput>;
export type WithdrawInput = z.input<typeof ZWithdrawInput>;
