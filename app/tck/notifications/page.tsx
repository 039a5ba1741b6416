import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireTck } from "@/lib/auth/gate";
import { createCtx } from "@/lib/context-server";
import { listNotifications } from "@/lib/notifications";
import { markTckNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireTck("/tck/notifications");
  const { items, unread } = await listNotifications(createCtx({ actor }), {
    rnokpp: actor.rnokpp ?? "",
    audience: "tck",
    take: 100,
  });
  return (
    <NotificationInbox
      items={items}
      unread={unread}
      markRead={markTckNotificationsReadAction}
      emptyHint="Тут з'являтимуться повідомлення про відкликані повістки."
    />
  );
}
