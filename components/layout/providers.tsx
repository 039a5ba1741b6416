"use client";

import { SerwistProvider } from "@serwist/turbopack/react";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import { OfflineCopyGuard } from "@/components/pwa/offline-copy-guard";

export function Providers({ session, children }: { session: Session | null; children: ReactNode }) {
  return (
    // The service worker makes the app installable and serves the conscript's saved еВОД offline
    // (app/sw.ts); pages are never cached on navigation.
    <SerwistProvider
      swUrl="/serwist/sw.js"
      cacheOnNavigation={false}
      reloadOnOnline={false}
      disable={process.env.NODE_ENV === "development"}
    >
      <SessionProvider session={session} refetchOnWindowFocus={false}>
        <OfflineCopyGuard />
        {children}
      </SessionProvider>
    </SerwistProvider>
  );
}
