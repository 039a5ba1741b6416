// The security headers of every response the portal sends — pages, route handlers, the HR API,
// the status route answered before Next, static files — set in one place, scripts/server.ts.
// Framework-free and without "server-only": the unit tests and the web server import it.
//
// Scripts run only with this request's nonce ('strict-dynamic' lets Next's nonce'd bootstrap
// load its chunks); Next reads the nonce from the request's Content-Security-Policy header and
// puts it on every script it renders, which is why every page renders per request. Styles
// allow inline style attributes (React's style={…}, the charts' bar widths): a style cannot run code.

export type SecurityHeaderOptions = {
  /** This request's nonce (base64, ≥ 128 bits). */
  nonce: string;
  /** next dev: React's dev tools need eval, and hot reloading a WebSocket. */
  dev: boolean;
  /** PORTAL_URL is https: browsers must never reach the portal over http again. */
  https: boolean;
};

/** Features the portal does not use; a framed or injected script cannot switch them on. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
  "browsing-topics=()",
].join(", ");

export function contentSecurityPolicy(options: Pick<SecurityHeaderOptions, "nonce" | "dev" | "https">): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: for the QR code and chart images, blob: for files the browser builds (a signed key, a PDF).
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    // The PWA: its service worker and manifest come from the portal itself.
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self' blob:",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // A framed signing page is clickjacking: nobody may frame the portal.
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** 128 random bits, base64: what Next's nonce parser accepts. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
