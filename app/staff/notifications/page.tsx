import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { listNotifications } from "@/lib/notifications";
import { markStaffNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireStaffOfficer("/staff/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "staff",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markStaffNotificationsReadAction}
      emptyHint="Тут з'являтимуться нові запити на підтвердження служби."
    />
  );
}
