import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// What a person types into a search box (a name, a РНОКПП) must not travel in a URL, where
// proxies' logs and Referer headers keep it. The cabinets carry it sealed instead — AES-256-GCM
// under a key derived from the session secret, one key per `purpose` — e.g. the company's
// employee lists as `s=<token>`, its employee pages and the ТЦК's person pages as the path: a
// link still works for the cabinet that made it, and says nothing to anyone who reads it.

const processKey = randomBytes(32);

function key(purpose: string): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  // Without a configured secret (tests, scripts) a token is good for this process only.
  return Buffer.from(hkdfSync("sha256", secret ?? processKey, "bronya", purpose, 32));
}

export function sealText(text: string, purpose = "search"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The text, or null for a token that is malformed, forged or sealed under another key. */
export function openText(token: string, purpose = "search"): string | null {
  try {
    const bytes = Buffer.from(token, "base64url");
    if (bytes.length < 29 || bytes.length > 1024) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
