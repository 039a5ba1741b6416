import { isValidRnokpp } from "@/lib/identifiers/rnokpp";

// What a server log (with its access log, what a reverse proxy would keep) must never hold: a
// РНОКПП — so none travelled in a URL either — an HR API token or a session.

// Requests the tests forge on purpose to prove a parameter is ignored (conscript.spec.ts asks
// the status API for someone else's РНОКПП): not the portal's URLs, so not its leak.
const DELIBERATE_PROBES = [/^.*\[access\] GET \/api\/v1\/me\/status\?rnokpp=\d{10} \d{3}$/gm];

export function logLeaks(text: string) {
  const log = DELIBERATE_PROBES.reduce((rest, probe) => rest.replace(probe, ""), text);
  // Ten digits with a valid check digit; Unix times in seconds (1.6e9–2e9) are not people.
  const rnokpps = [...log.matchAll(/(?<![\d])\d{10}(?![\d])/g)]
    .map((m) => m[0])
    .filter((n) => isValidRnokpp(n) && !/^1[6-9]/.test(n));
  const tokens = [...log.matchAll(/brn_[A-Za-z0-9_-]{20,}/g)].map((m) => m[0]);
  const sessions = [...log.matchAll(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g)].map((m) => m[0]);
  return { rnokpps: [...new Set(rnokpps)], tokens, sessions };
}
