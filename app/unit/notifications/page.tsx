import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireRecruiter } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications";
import { markUnitNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireRecruiter("/unit/notifications");
  const { items, unread } = await listNotifications(db, { rnokpp: actor.rnokpp ?? "", audience: "unit", take: 100 });
  return <NotificationInbox items={items} unread={unread} markRead={markUnitNotificationsReadAction} emptyHint="Тут з'являтимуться нові відгуки на вакансії частини." />;
}
