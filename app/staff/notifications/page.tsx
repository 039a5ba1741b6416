import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { requireStaffOfficer } from "@/lib/auth/gate";
import { db } from "@/lib/db/client";
import { listNotifications } from "@/lib/notifications";
import { markStaffNotificationsReadAction } from "../actions";

export const metadata = { title: "Сповіщення" };

export default async function Page() {
  const actor = await requireStaffOfficer("/staff/notifications");
  const { items, unread } = await listNotifications(db, { rnokpp: actor.rnokpp ?? "", audience: "staff", take: 100 });
  return <NotificationInbox items={items} unread={unread} markRead={markStaffNotificationsReadAction} emptyHint="Тут з'являтимуться нові запити на підтвердження служби." />;
}
