"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** «Увійти» in the header, except on the login page itself, where it leads nowhere. */
export function LoginLink() {
  const pathname = usePathname();
  if (pathname.startsWith("/login")) return null;
  return (
    <Link href="/login" className="rounded-full bg-ink px-5 py-2 text-sm font-medium text-white hover:bg-neutral-800">
      Увійти
    </Link>
  );
}
