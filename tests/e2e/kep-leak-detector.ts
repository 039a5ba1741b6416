import forge from "node-forge";
import { openKeyFile } from "@/lib/kep/browser";

// Finds a key file, its private key or its password in what a page sent: raw, URL-encoded,
// base64 or base64url (at any alignment, so a slice of the file is found too) or hex. The key
// file's certificates are public — they travel inside every signature by design — so windows
// that touch them are left out; everything else in the file (the encrypted key, salts, MAC)
// and the private key's own numbers must never appear.

/** Long enough that no DER structure shared by a PKCS#12 file and a CMS signature matches it. */
const WINDOW = 24;

export type KeySecrets = {
  password: string;
  windows: Set<string>;
  /** Where the key file holds more than public certificates: [start, end) offsets. */
  privateRanges: Array<[number, number]>;
};
export type SentRequest = { method: string; url: string; body: Uint8Array | null };

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const binaryToBytes = (binary: string) => Uint8Array.from(binary, (char) => char.charCodeAt(0));

function indexesOf(haystack: Uint8Array, needle: Uint8Array): number[] {
  const hay = Buffer.from(haystack);
  const found: number[] = [];
  for (let start = hay.indexOf(needle); start !== -1; start = hay.indexOf(needle, start + 1)) found.push(start);
  return found;
}

function addWindows(windows: Set<string>, bytes: Uint8Array, skip: Array<[number, number]> = []) {
  for (let start = 0; start + WINDOW <= bytes.length; start++) {
    const end = start + WINDOW;
    if (skip.some(([from, to]) => start < to && end > from)) continue;
    windows.add(hex(bytes.subarray(start, end)));
  }
}

function complement(ranges: Array<[number, number]>, length: number): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const gaps: Array<[number, number]> = [];
  let cursor = 0;
  for (const [from, to] of sorted) {
    if (from > cursor) gaps.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < length) gaps.push([cursor, length]);
  return gaps;
}

export function keySecrets(file: Uint8Array, password: string): KeySecrets {
  const opened = openKeyFile(file, password);
  const publicRanges = [opened.certificate, ...opened.chain]
    .map((certificate) => binaryToBytes(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes()))
    .flatMap((der) => indexesOf(file, der).map((start): [number, number] => [start, start + der.length]));
  if (publicRanges.length === 0)
    throw new Error("the key file's certificates were not found in it: the detector would flag them");

  const windows = new Set<string>();
  addWindows(windows, file, publicRanges);
  // The private numbers only: the modulus and exponent are in the certificate, hence public.
  const key = opened.privateKey;
  for (const number of [key.d, key.p, key.q, key.dP, key.dQ, key.qInv]) {
    const digits = number.toString(16);
    addWindows(windows, Buffer.from(digits.length % 2 === 0 ? digits : `0${digits}`, "hex"));
  }
  return { password, windows, privateRanges: complement(publicRanges, file.length) };
}

/**
 * The same for a container of any kind (Key-6.dat, a DSTU/ECDSA .p12, .jks): every window of
 * the file outside the certificates it carries, and the private key's numbers (a DSTU 4145 or
 * ECDSA scalar) as the caller extracted them.
 */
export function containerSecrets(
  file: Uint8Array,
  password: string,
  options: { certificates: Uint8Array[]; privateNumbers: Uint8Array[] },
): KeySecrets {
  const publicRanges = options.certificates.flatMap((der) =>
    indexesOf(file, der).map((start): [number, number] => [start, start + der.length]),
  );
  const windows = new Set<string>();
  addWindows(windows, file, publicRanges);
  for (const number of options.privateNumbers) {
    if (number.length < WINDOW) throw new Error("a private number shorter than the window could not be found");
    addWindows(windows, number);
    addWindows(windows, Uint8Array.from(number).reverse());
  }
  return { password, windows, privateRanges: complement(publicRanges, file.length) };
}

/** The byte sequences hidden in `text` as base64/base64url (four alignments) or hex. */
function decodedRuns(text: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)) {
    const run = match[0].replaceAll("-", "+").replaceAll("_", "/");
    for (let shift = 0; shift < 4; shift++) {
      // Node decodes unpadded base64, so the tail is kept: a secret at the end of a run counts too.
      const aligned = run.slice(shift);
      if (aligned.length >= 16) out.push(Buffer.from(aligned, "base64"));
    }
  }
  for (const match of text.matchAll(/[0-9a-fA-F]{48,}/g))
    out.push(Buffer.from(match[0].slice(0, match[0].length - (match[0].length % 2)), "hex"));
  return out;
}

function textsOf(bytes: Uint8Array): string[] {
  const texts = [Buffer.from(bytes).toString("latin1"), Buffer.from(bytes).toString("utf8")];
  for (const text of [...texts]) {
    try {
      texts.push(decodeURIComponent(text.replaceAll("+", " ")));
    } catch {
      // not URL-encoded
    }
  }
  return texts;
}

/** What of the key was found in one request, or null. */
export function findKeyMaterial(request: SentRequest, secrets: KeySecrets): string | null {
  const sources: Uint8Array[] = [Buffer.from(request.url, "utf8"), ...(request.body ? [request.body] : [])];
  const passwordBytes = Buffer.from(secrets.password, "utf8");
  for (const source of sources) {
    const candidates: Uint8Array[] = [source];
    for (const text of textsOf(source)) {
      if (text.includes(secrets.password)) return "the key's password";
      candidates.push(Buffer.from(text, "utf8"), ...decodedRuns(text));
    }
    for (const candidate of candidates) {
      if (indexesOf(candidate, passwordBytes).length > 0) return "the key's password (encoded)";
      for (let start = 0; start + WINDOW <= candidate.length; start++) {
        if (secrets.windows.has(hex(candidate.subarray(start, start + WINDOW))))
          return `${WINDOW} private bytes of the key file or the private key`;
      }
    }
  }
  return null;
}
