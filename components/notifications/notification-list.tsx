import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";

export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/** A cabinet's notifications, newest first; unread ones stand out. */
export function NotificationList({ items, emptyHint }: { items: NotificationItem[]; emptyHint: string }) {
  if (items.length === 0) return <EmptyState title="Сповіщень немає">{emptyHint}</EmptyState>;
  return (
    <ul className="divide-y divide-line/70" data-testid="notifications">
      {items.map((n) => (
        <li key={n.id} className="flex gap-3 py-3" data-unread={n.readAt ? undefined : "true"}>
          <span
            aria-hidden
            className={`mt-2 size-2.5 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-chip-fail"}`}
          />
          <div className="min-w-0">
            <p className={n.readAt ? "font-medium" : "font-semibold"}>
              {n.readAt ? null : <span className="sr-only">Нове: </span>}
              {n.link ? (
                <Link href={n.link} className="link">
                  {n.title}
                </Link>
              ) : (
                n.title
              )}
            </p>
            <p className="mt-0.5 text-[15px]">{n.body}</p>
            <p className="mt-1 text-xs text-muted tabular">{formatDateTime(n.createdAt)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
