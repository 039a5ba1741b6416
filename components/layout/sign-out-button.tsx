"use client";

import { signOut } from "next-auth/react";
import { deleteOfflineCopies } from "@/components/pwa/offline-copy";

export function SignOutButton() {
  async function leave() {
    // The saved еВОД belongs to whoever signed in: it goes with them.
    await deleteOfflineCopies().catch(() => undefined);
    await signOut({ callbackUrl: "/" });
  }
  return (
    <button
      type="button"
      onClick={leave}
      className="rounded-full px-3 py-1.5 text-sm ring-1 ring-inset ring-ink hover:bg-black/5"
    >
      Вийти
    </button>
  );
}
