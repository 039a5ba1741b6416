import { isValidRnokpp } from "@/lib/identifiers/rnokpp";

// What a server log (with its access log, what a reverse proxy would keep) must never hold: a
// РНОКПП — so none travelled in a URL either — an HR API token or a session.

// Requests the tests forge on purpose to prove a parameter is ignored (conscript.spec.ts asks
// the status API for someone else's РНОКПП): not the portal's URLs, so not its leak.
const DELIBERATE_PROBES = [/^.*\[access\] GET \/api\/v1\/me\/status\?rnokpp=\d{10} \d{3}$/gm];

export function logLeaks(text: string) {
  const log = DELIBERATE_PROBES.reduce((rest, probe) => rest.replace(probe, ""), text);
  // Ten digits with a valid check digit, standing alone (as a path segment, a query value or a
  // JSON field would be): a run of digits inside a hex id (a UUID's last group, an `_rsc` key)
  // checks out one time in ten by chance and is not a person. Unix times in seconds (1.6e9–2e9)
  // are not people either.
  const rnokpps = [...log.matchAll(/(?<![0-9A-Za-z])\d{10}(?![0-9A-Za-z])/g)]
    .map((m) => m[0])
    .filter((n) => isValidRnokpp(n) && !/^1[6-9]/.test(n));
  const tokens = [...log.matchAll(/brn_[A-Za-z0-9_-]{20,}/g)].map((m) => m[0]);
  const sessions = [...log.matchAll(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g)].map((m) => m[0]);
  return { rnokpps: [...new Set(rnokpps)], tokens, sessions };
}
