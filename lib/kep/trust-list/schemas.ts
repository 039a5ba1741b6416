import { z } from "@/lib/zod";

// The administrator's upload of a trust list: the file's name and its bytes in base64 (a
// server action carries JSON). Parsed here at the boundary; the bundle itself is read by
// parseTrustBundle.

/** 4 MB of file as base64. */
const MAX_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;

export const ZTrustListUpload = z.object({
  fileName: z.string().trim().min(1, "Оберіть файл переліку").max(200, "Задовга назва файлу"),
  contentBase64: z
    .string()
    .min(1, "Файл переліку порожній")
    .max(MAX_BASE64, "Файл переліку завеликий (понад 4 МБ)")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Файл передано пошкодженим: оберіть його ще раз"),
});

export type TrustListUpload = z.infer<typeof ZTrustListUpload>;

export function uploadBytes(upload: TrustListUpload): Uint8Array {
  return new Uint8Array(Buffer.from(upload.contentBase64, "base64"));
}
