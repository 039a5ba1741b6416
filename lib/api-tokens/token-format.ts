import { createHash, randomBytes } from "node:crypto";
import { z } from "@/lib/zod";

// An HR API token: "brn_" and 32 random bytes in base64url (47 characters). Only its SHA-256
// is stored — a leaked table does not leak tokens — and a short prefix, so that a head can tell
// their tokens apart in the list. A secret of 256 bits needs no slow hash: SHA-256 suffices.

export const API_TOKEN_PREFIX = "brn_";
const PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

export const ZApiToken = z.string().regex(/^brn_[A-Za-z0-9_-]{43}$/, "Некоректний токен API");

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the list shows of a token: "brn_AbCdEfGh". */
export function apiTokenPrefix(token: string): string {
  return token.slice(0, PREFIX_LENGTH);
}

/**
 * The demo seed's token of an enterprise — public by design, like the demo passwords, and
 * reproducible from the documentation: "brn_" + base64url(SHA-256("bronya-demo-api-token:" + ЄДРПОУ)).
 */
export function demoApiToken(edrpou: string): string {
  return `${API_TOKEN_PREFIX}${createHash("sha256").update(`bronya-demo-api-token:${edrpou}`, "utf8").digest("base64url")}`;
}
