"use client";

import { OFFLINE_COPY_PREFIX, OFFLINE_COPY_URL } from "./offline-copy-names";

// The еВОД's offline copy in the browser's Cache Storage, one cache per user. The page saves it
// after it was shown online; sign-out and another user's sign-in delete it.

const available = () => typeof window !== "undefined" && "caches" in window && window.isSecureContext;

export async function offlineCopyName(uid: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`bronya:${uid}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return OFFLINE_COPY_PREFIX + hex.slice(0, 32);
}

/** Deletes every user's copy but `keep`'s (all of them when `keep` is null). */
export async function deleteOfflineCopies(keep: string | null = null): Promise<number> {
  if (!available()) return 0;
  const names = (await caches.keys()).filter((name) => name.startsWith(OFFLINE_COPY_PREFIX) && name !== keep);
  await Promise.all(names.map((name) => caches.delete(name)));
  return names.length;
}

/** Fetches the еВОД page as it is now and keeps it as `uid`'s only copy. */
export async function saveOfflineCopy(uid: string): Promise<boolean> {
  if (!available() || !navigator.onLine) return false;
  const name = await offlineCopyName(uid);
  await deleteOfflineCopies(name);
  const response = await fetch(OFFLINE_COPY_URL, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "text/html" },
  });
  const html = (response.headers.get("content-type") ?? "").startsWith("text/html");
  if (!response.ok || response.redirected || !html) return false;
  // Marked, so that a reader (and the tests) can tell the saved copy from a live page.
  const headers = new Headers(response.headers);
  headers.set("X-Offline-Copy", "saved");
  const copy = new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  await (await caches.open(name)).put(OFFLINE_COPY_URL, copy);
  return true;
}
