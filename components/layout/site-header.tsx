import Link from "next/link";
import { getSession } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { LoginLink } from "./login-link";
import { Logo } from "./logo";
import { NAV, NOTIFICATIONS_PATH } from "./nav";
import { NotificationsLink } from "./notifications-link";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const session = await getSession();
  const active = session?.activeRole ?? null;
  const demo = env().DEMO_MODE;
  const items = active ? NAV[active.role].filter((item) => demo || !item.demoOnly) : [];
  const inbox = active ? NOTIFICATIONS_PATH[active.role] : undefined;

  return (
    <header className="bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-xl font-bold" aria-label="Броня — на головну">
          <Logo className="size-8" />
          <span>Броня</span>
        </Link>
        {items.length > 0 ? (
          <NavLinks items={items} />
        ) : (
          <span className="hidden text-sm text-muted sm:inline">Портал е-бронювання працівників</span>
        )}
        {session ? (
          // A long name or role wraps rather than being cut; on a phone it has a row of its own.
          <div className="min-w-0 text-sm leading-tight [overflow-wrap:anywhere] max-sm:order-1 max-sm:basis-full sm:ml-auto sm:max-w-md sm:text-right">
            <p className="font-medium" data-testid="current-user">
              {session.fullName}
            </p>
            <p className="text-muted" data-testid="current-role">
              {active ? active.label : "Оберіть роль"}
            </p>
          </div>
        ) : null}
        <div
          className={session ? "ml-auto flex items-center gap-3 sm:ml-0" : "ml-auto flex min-w-0 items-center gap-3"}
        >
          {session ? (
            <>
              {inbox ? <NotificationsLink path={inbox} rnokpp={session.rnokpp ?? null} /> : null}
              {session.roles.length > 1 ? (
                <Link
                  href="/login/role"
                  className="link whitespace-nowrap text-sm"
                  title={active ? ROLE_LABELS[active.role] : undefined}
                >
                  Змінити роль
                </Link>
              ) : null}
              <SignOutButton />
            </>
          ) : (
            <LoginLink />
          )}
        </div>
      </div>
    </header>
  );
}
