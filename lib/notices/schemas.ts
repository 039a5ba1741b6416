import { ZRegisterFilter } from "@/lib/tck/schemas";
import { NOTICE_KINDS } from "@/lib/rules/notices";
import { z } from "@/lib/zod";

/** The most persons one batch may name (a ТЦК forms in batches a head can sign and a post can carry). */
export const MAX_BATCH = 20_000;

const rnokpp = z.string().regex(/^\d{10}$/, "РНОКПП має містити 10 цифр");

export const ZFormNotices = z.object({
  kind: z.enum(NOTICE_KINDS, "Оберіть вид повістки"),
  appearDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Вкажіть дату явки"),
  appearTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Вкажіть час явки (ГГ:ХХ)"),
  place: z.string().trim().min(5, "Вкажіть місце явки").max(300),
  selection: z.discriminatedUnion("by", [
    z.object({ by: z.literal("people"), rnokpps: z.array(rnokpp).min(1, "Не вибрано жодної особи").max(MAX_BATCH) }),
    z.object({ by: z.literal("filter"), filter: ZRegisterFilter }),
  ]),
});
export type FormNoticesInput = z.input<typeof ZFormNotices>;

export const ZBatchRef = z.object({ batchId: z.uuid() });

/** Pages in one printable PDF of a batch: a larger batch prints in parts. */
export const NOTICES_PER_PDF = 500;

export const ZBatchPrint = z.object({
  batchId: z.uuid("Невірне посилання на пакет повісток"),
  part: z.coerce
    .number("Невірний номер частини")
    .int("Невірний номер частини")
    .min(1, "Невірний номер частини")
    .max(1_000)
    .default(1),
});

export const ZSignBatch = z.object({
  batchId: z.uuid(),
  nonce: z.string().min(16).max(200),
  signature: z.string().min(1).max(200_000),
});
