import { CompanyNotifications } from "@/components/company/company-notifications";
import { MarkReadButton } from "@/components/me/mark-read-button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications";
import { markCompanyNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireActor(["ENTERPRISE_HEAD", "AUTHORIZED_PERSON"], "/company/notifications");
  const { items, unread } = await listNotifications(db, { rnokpp: actor.rnokpp ?? "", audience: "company", take: 100 });
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader title="Сповіщення" subtitle={unread > 0 ? `Непрочитаних: ${unread}` : "Усе прочитано"} actions={unread > 0 ? <MarkReadButton action={markCompanyNotificationsReadAction} /> : null} />
      <Card>
        <CompanyNotifications items={items} />
      </Card>
    </div>
  );
}
