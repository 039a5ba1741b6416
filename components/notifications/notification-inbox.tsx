import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { ActionResult } from "@/lib/actions/action-client";
import { MarkReadButton } from "./mark-read-button";
import { NotificationList, type NotificationItem } from "./notification-list";

/** One inbox for every cabinet: the page passes its items and its own mark-read action. */
export function NotificationInbox({
  items,
  unread,
  markRead,
  emptyHint,
  eyebrow,
}: {
  items: NotificationItem[];
  unread: number;
  markRead: (input: { ids?: string[] }) => Promise<ActionResult<{ marked: number }>>;
  emptyHint: string;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader
        eyebrow={eyebrow}
        title="Сповіщення"
        subtitle={unread > 0 ? `Непрочитаних: ${unread}` : "Усе прочитано"}
        actions={unread > 0 ? <MarkReadButton action={markRead} /> : null}
      />
      <Card>
        <NotificationList items={items} emptyHint={emptyHint} />
      </Card>
    </div>
  );
}
