import { z } from "@/lib/zod";
import { checkEdrpou } from "./edrpou";
import { checkRnokpp } from "./rnokpp";

/** zod schemas with the Ukrainian reason a value is refused. */
export const ZRnokpp = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkRnokpp(value);
    if (!check.valid)
      ctx.addIssue({
        code: "custom",
        message: check.message,
        params: { code: "INVALID_RNOKPP", problem: check.problem },
      });
  })
  .transform((value) => value.trim());

export const ZEdrpou = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkEdrpou(value);
    if (!check.valid)
      ctx.addIssue({
        code: "custom",
        message: check.message,
        params: { code: "INVALID_EDRPOU", problem: check.problem },
      });
  })
  .transform((value) => value.trim());
