import { ContactsForm } from "@/components/me/contacts-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConscript } from "@/lib/auth/gate";
import { getMyRecord } from "@/lib/citizen/get-my-record";
import { formatDate } from "@/lib/format";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Контактні дані" };

export default async function Page() {
  const actor = await requireConscript("/me/contacts");
  const { person } = await getMyRecord(createCtx({ actor, now: new Date() }));
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <PageHeader
        eyebrow="Мій облік"
        title="Контактні дані"
        subtitle={
          person.military?.dataUpdatedOn
            ? `Востаннє уточнено ${formatDate(person.military.dataUpdatedOn)}`
            : "Ви ще не уточнювали дані"
        }
      />
      <Card>
        <p className="mb-4 text-[15px]">
          Збереження контактів — це уточнення військово-облікових даних: дата уточнення зміниться на сьогодні, а
          попередній еВОД стане недійсним — сформуйте новий.
        </p>
        <ContactsForm
          initial={{ phone: person.phone ?? "", email: person.email ?? "", address: person.address ?? "" }}
        />
      </Card>
    </div>
  );
}
