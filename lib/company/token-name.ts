import { z } from "@/lib/zod";

// The token name as the issue form checks it in the browser. lib/api-tokens' ZApiTokenName is
// the server's rule but lives beside server-only code; this mirrors it (same bounds, same
// words) and the server action parses with the original.

export const ZTokenNameForm = z
  .string()
  .trim()
  .min(1, "Вкажіть назву токена")
  .max(80, "Назва токена: не більше 80 символів");
