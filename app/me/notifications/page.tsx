import { MarkReadButton } from "@/components/me/mark-read-button";
import { NotificationList } from "@/components/me/notification-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications";
import { markMyNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireActor(["CONSCRIPT"], "/me/notifications");
  const { items, unread } = await listNotifications(db, { rnokpp: actor.rnokpp!, audience: "me", take: 100 });
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        eyebrow="Мій облік"
        title="Сповіщення"
        subtitle={unread > 0 ? `Непрочитаних: ${unread}` : "Усе прочитано"}
        actions={unread > 0 ? <MarkReadButton action={markMyNotificationsReadAction} /> : null}
      />
      <Card>
        <NotificationList items={items} />
      </Card>
    </div>
  );
}
