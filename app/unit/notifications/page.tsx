import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireRecruiter } from "@/lib/auth/gate";
import { listNotifications } from "@/lib/notifications";
import { markUnitNotificationsReadAction } from "../actions";
import { createCtx } from "@/lib/context-server";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireRecruiter("/unit/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "unit",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markUnitNotificationsReadAction}
      emptyHint="Тут з'являтимуться нові відгуки на вакансії частини."
    />
  );
}
