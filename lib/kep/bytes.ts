// Byte conversions without Buffer: node-forge works on "binary strings" (one char per
// byte), the rest of the code on Uint8Array. Browser-safe.

const CHUNK = 0x8000;

export function bytesToBinary(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

export function binaryToBytes(binary: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    const code = binary.charCodeAt(i);
    // A char above 0xFF means a JS string slipped in where bytes were expected.
    if (code > 0xff) throw new RangeError("Рядок не є двійковим (символ поза 0–255)");
    out[i] = code;
  }
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new RangeError("Некоректний шістнадцятковий рядок");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A fresh ArrayBuffer holding exactly these bytes (views over Node's pooled buffers are not). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

/** Serial numbers are stored as lowercase hex without leading zero bytes. */
export function normalizeSerial(hex: string): string {
  const lower = hex.toLowerCase().replace(/^(00)+(?=.)/, "");
  return lower === "" ? "00" : lower;
}
