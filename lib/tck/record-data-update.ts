import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { ZContacts } from "@/lib/citizen/contacts-schema";
import type { Ctx } from "@/lib/context";
import { withDb } from "@/lib/context-server";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { formatDate, kyivDate } from "@/lib/format";
import { notify } from "@/lib/notifications";
import { z } from "@/lib/zod";
import { loadActingTcc } from "./acting-tcc";

// A person updates (уточнює) their military-registration data at the ТЦК: the officer records
// the contacts, rank and military specialty (ВОС) as taken, and the registry dates the update
// today. The record, the audit row (which fields changed, not their values) and the person's
// notification «Ваші військово-облікові дані оновлено» are written in one transaction.

const optionalText = (max: number, message: string) =>
  z
    .string()
    .max(max, message)
    .transform((value) => value.trim().replace(/\s+/g, " ") || null)
    .optional()
    .transform((value) => value ?? null);

export const ZRecordDataUpdate = ZContacts.extend({
  rnokpp: z.string().regex(/^\d{10}$/, "РНОКПП має містити 10 цифр"),
  rank: optionalText(60, "Військове звання — не довше 60 символів"),
  specialty: optionalText(120, "ВОС — не довше 120 символів"),
});

const FIELD_LABELS = {
  phone: "телефон",
  email: "електронну пошту",
  address: "адресу проживання",
  rank: "військове звання",
  specialty: "ВОС",
} as const;
type Field = keyof typeof FIELD_LABELS;

export async function recordDataUpdate(
  ctx: Ctx<"actor" | "db" | "registry" | "now">,
  input: unknown,
): Promise<{ changed: Field[]; dataUpdatedOn: string }> {
  const { rnokpp, ...update } = parseInput(ZRecordDataUpdate, input);
  const today = kyivDate(ctx.now);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = withDb(ctx, tx);
    const { actor, tcc } = await loadActingTcc(txCtx, "register.update");
    const person = await txCtx.registry.findPerson(rnokpp);
    const military = person?.military;
    if (!person || !military || military.tcc !== tcc.name)
      throw new AppError("NOT_FOUND", "Особу не знайдено в реєстрі цього ТЦК та СП");
    const before: Record<Field, string | null> = {
      phone: person.phone,
      email: person.email,
      address: person.address,
      rank: military.rank,
      specialty: military.specialty,
    };
    const changed = (Object.keys(FIELD_LABELS) as Field[]).filter((field) => before[field] !== update[field]);
    await txCtx.registry.recordDataUpdate(tx, rnokpp, update, today);
    await notify(tx, [
      {
        recipientRnokpp: rnokpp,
        audience: "me",
        kind: "register.data-updated",
        title: "Ваші військово-облікові дані оновлено",
        body:
          `${tcc.name} вніс до реєстру ваші уточнені військово-облікові дані; дата уточнення — ${formatDate(today)}. ` +
          (changed.length > 0
            ? `Змінено: ${changed.map((field) => FIELD_LABELS[field]).join(", ")}. `
            : "Дані підтверджено без змін. ") +
          "Перевірте їх у кабінеті; якщо щось неправильно, зверніться до ТЦК. Якщо ви формували еВОД раніше, сформуйте новий.",
        link: "/me",
      },
    ]);
    await writeAudit(tx, {
      actor: { rnokpp: actor.rnokpp, role: actor.role },
      action: "register.data.update",
      entityType: "person",
      entityId: rnokpp,
      details: { tcc: tcc.name, changed, dataUpdatedOn: today },
    });
    return { changed, dataUpdatedOn: today };
  });
}
