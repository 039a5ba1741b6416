import "server-only";
import { randomBytes } from "node:crypto";

// The code in the QR link is the document's only identifier: 18 random bytes (144 bits) in
// base64url, 24 characters. Nobody can guess or enumerate one; the format check lets the
// verifier refuse junk before it touches the database.

const CODE_BYTES = 18;
const CODE_FORMAT = /^[A-Za-z0-9_-]{24}$/;

export function generateEvodCode(): string {
  return randomBytes(CODE_BYTES).toString("base64url");
}

export function isEvodCodeFormat(value: unknown): value is string {
  return typeof value === "string" && CODE_FORMAT.test(value);
}
