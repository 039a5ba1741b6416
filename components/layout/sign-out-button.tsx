"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="rounded-full px-3 py-1.5 text-sm ring-1 ring-inset ring-ink hover:bg-black/5">
      Вийти
    </button>
  );
}
