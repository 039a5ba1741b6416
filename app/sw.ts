/// <reference lib="webworker" />
import { type PrecacheEntry, Serwist } from "serwist";
import { OFFLINE_COPY_PREFIX, OFFLINE_COPY_URL } from "@/components/pwa/offline-copy-names";

// The service worker (built by app/serwist/[path]/route.ts). It precaches the static build and
// public/ so that a saved page can render offline. Of all pages, only the conscript's еВОД is
// ever answered from a cache, and only when the network fails: the copy lives in a cache named
// after its owner, written by the page itself (components/pwa/evod-offline-copy.tsx) and
// deleted on sign-out or when someone else signs in. Every other request goes to the network.

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const OFFLINE_HTML = `<!doctype html><html lang="uk"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Немає мережі · Броня</title><body style="font-family:system-ui,sans-serif;background:#e2ecf4;margin:0;padding:2rem"><main style="max-width:32rem;margin:auto;background:#fff;border-radius:1.5rem;padding:1.5rem"><h1 style="font-size:1.25rem">Немає з'єднання з мережею</h1><p>На цьому пристрої немає збереженого еВОД. Відкрийте його один раз з мережею — після цього він відкриватиметься і без неї.</p></main></body></html>`;

async function savedEvod(): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(OFFLINE_COPY_PREFIX)) continue;
    const hit = await (await caches.open(name)).match(OFFLINE_COPY_URL);
    if (hit) return hit;
  }
  return undefined;
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) =>
        request.mode === "navigate" && url.origin === self.location.origin && url.pathname === OFFLINE_COPY_URL,
      handler: async ({ request }) => {
        try {
          return await fetch(request);
        } catch {
          return (
            (await savedEvod()) ??
            new Response(OFFLINE_HTML, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } })
          );
        }
      },
    },
  ],
});

serwist.addEventListeners();
