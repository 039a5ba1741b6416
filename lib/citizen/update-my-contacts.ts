import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Ctx } from "@/lib/context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors";
import { notify } from "@/lib/notifications";
import { registryFor, type PersonRecord } from "@/lib/registry";
import { citizenRnokpp } from "./actor-rnokpp";
import { ZContacts } from "./contacts-schema";
import { formatDate, kyivDate } from "@/lib/format";

const FIELD_LABELS = { phone: "телефон", email: "електронну пошту", address: "адресу" } as const;

/**
 * Writes the citizen's phone, e-mail and address to the registry. Doing so is уточнення of the
 * data, so the registry dates it today; every еВОД that showed the old data stops matching the
 * registry and fails verification from this moment. Invalid input changes nothing.
 */
/** `input` is the raw form input: parsed here, so that no caller can skip the rules. */
export async function updateMyContacts(
  ctx: Ctx<"db" | "now"> & { actor: Actor | null },
  input: unknown,
): Promise<{ person: PersonRecord; changed: string[] }> {
  const { actor, now } = ctx;
  const rnokpp = citizenRnokpp(actor, "contacts.update");
  const contacts = parseInput(ZContacts, input);
  const today = kyivDate(now);

  return inTransaction(ctx.db, async (tx) => {
    const registry = registryFor(tx);
    const before = await registry.findPerson(rnokpp);
    if (!before) throw new AppError("NOT_FOUND", "Реєстр «Оберіг» не містить відомостей про вас");
    const changed = (Object.keys(FIELD_LABELS) as Array<keyof typeof FIELD_LABELS>).filter(
      (field) => before[field] !== contacts[field],
    );

    const person = await registry.updateContacts(tx, rnokpp, contacts, today);
    await writeAudit(tx, {
      actor: { rnokpp, role: actor!.role },
      action: "contacts.update",
      entityType: "Person",
      entityId: rnokpp,
      // Which fields changed, not their values: the audit log is not a second copy of personal data.
      details: { changed, dataUpdatedOn: person.military?.dataUpdatedOn ?? null },
    });
    await notify(tx, [
      {
        recipientRnokpp: rnokpp,
        audience: "me",
        kind: "contacts.updated",
        title: "Контактні дані оновлено",
        body:
          changed.length > 0
            ? `Ви оновили ${changed.map((f) => FIELD_LABELS[f as keyof typeof FIELD_LABELS]).join(", ")}. Дата уточнення даних — ${formatDate(today)}; попередній еВОД більше не дійсний — сформуйте новий.`
            : `Ви підтвердили свої контактні дані без змін. Дата уточнення даних — ${formatDate(today)}; сформуйте новий еВОД.`,
        link: "/me/document",
      },
    ]);
    return { person, changed };
  });
}
