import Link from "next/link";
import { countUnread, AUDIENCE_INBOX, type Audience } from "@/lib/notifications";
import { createCtx } from "@/lib/context-server";

// The header's bell: the inbox of the active role's cabinet and how many notices are unread.
// Counted on every server render of the header (one indexed count); the inbox marks them read.

const AUDIENCE_OF_PATH = new Map(
  Object.entries(AUDIENCE_INBOX).map(([audience, path]) => [path, audience as Audience]),
);

export async function NotificationsLink({ path, rnokpp }: { path: string; rnokpp: string | null }) {
  const audience = AUDIENCE_OF_PATH.get(path);
  const unread =
    audience && rnokpp ? await countUnread(createCtx({ actor: null }), { rnokpp, audience }).catch(() => 0) : 0;
  const label = unread > 0 ? `Сповіщення: ${unread} непрочитаних` : "Сповіщення";
  return (
    <Link
      href={path}
      className="relative inline-flex size-10 items-center justify-center rounded-full hover:bg-black/5"
      aria-label={label}
      title={label}
      data-testid="notifications-link"
    >
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="size-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          className="tabular absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-chip-fail px-1 text-center text-[11px] font-semibold leading-5 text-white"
          data-testid="unread-count"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
