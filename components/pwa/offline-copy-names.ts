// Shared by the pages and the service worker: where the еВОД's offline copy is kept.
export const OFFLINE_COPY_URL = "/me/document";
/** One cache per user: `bronya-evod-<sha-256 of the user's id>`. */
export const OFFLINE_COPY_PREFIX = "bronya-evod-";
