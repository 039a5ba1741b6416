// Where a sign-in may send the browser afterwards: a path on this portal, nothing else.
// Browser-safe (the login forms call it) and pure. Browsers read `/\evil.example`, `//evil`,
// `/%5Cevil` (once decoded by a router) and tab/newline-broken forms as another host, so any
// backslash, control character, leading double slash or scheme — in the text or in any of its
// percent-decoded forms — refuses the whole value.

const PROBE_ORIGIN = "http://portal.invalid";

function looksSafe(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//")) return false;
  // Backslashes and control characters (incl. tab, CR, LF, which URL parsers strip).
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  try {
    return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}

export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return null;
  let current = value;
  // Every decoding a router or browser might apply must stay on this origin.
  for (let round = 0; round < 4; round += 1) {
    if (!looksSafe(current)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) return value;
    current = decoded;
  }
  return null;
}
