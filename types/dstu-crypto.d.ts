// Minimal typings for the parts of jkurwa (DSTU 4145) and gost89 (GOST 28147 / 34.311) the
// portal uses. Both are plain CommonJS without declarations.

declare module "gost89" {
  export type GostAlgos = {
    hash(data: Uint8Array): Buffer;
    kdf(data: Uint8Array): Buffer;
    storeload(parsed: unknown, password: string): Buffer;
    storesave(raw: Buffer, format: "PBES2", password: string, iv: Buffer, salt: Buffer): unknown;
    [name: string]: unknown;
  };
  const gost89: {
    compat: { algos(): GostAlgos };
    gosthash(data: Uint8Array): Buffer;
  };
  export default gost89;
}

declare module "jkurwa" {
  import type { GostAlgos } from "gost89";

  export class Field {
    constructor(value: unknown, format: string, curve: Curve);
    buf8(): Buffer;
  }
  export class Curve {
    keygen(): Priv;
    pkey(input: unknown, format?: string): Priv;
    name(): string;
    as_struct(): Record<string, unknown>;
    m: number;
  }
  export class Pub {
    verify(hash: Buffer, signature: Buffer, format?: "le" | "short"): boolean;
    validate(): boolean;
    serialize(): Buffer;
    keyid(algos: { hash(data: Uint8Array): Buffer }): Buffer;
  }
  export class Priv {
    type: "Priv";
    algorithm: string;
    curve: Curve;
    sbox: unknown;
    d: Field;
    pub(): Pub;
    sign(hash: Buffer, format: "le" | "short"): Buffer;
    to_asn1(): Buffer;
    as_struct(): Record<string, unknown>;
    to_pbes2(password: string, algo: GostAlgos): Buffer;
    static from_asn1(data: Buffer, returnStore?: boolean): Priv | { keys: Priv[]; format: string };
    static from_protected(
      data: Buffer,
      password: string,
      algo: GostAlgos,
    ): { keys: Priv[]; certs: Buffer[]; format: string };
  }
  export class Certificate {
    static from_asn1(data: Buffer): Certificate;
    static signCert(options: {
      privkey: Priv;
      hash(data: Uint8Array): Buffer;
      certData: Record<string, unknown>;
    }): Certificate;
    pubkey_unpack(): Pub;
    as_asn1(): Buffer;
    curve: Curve | null;
    pubkeyAlgorithm: string;
    signatureAlgorithm: string;
    serial: unknown;
    valid: { from: number; to: number };
    extension: Record<string, unknown>;
    subject: Record<string, string>;
    canUseFor(operation: string): boolean;
    ob: unknown;
  }
  export class Box {
    constructor(options?: { algo?: GostAlgos; keys?: unknown[] });
    load(keyinfo: {
      priv?: Priv;
      cert?: Certificate;
      keyBuffers?: Buffer[];
      certBuffers?: Buffer[];
      password?: string;
    }): void;
    sign(
      data: Buffer,
      role: string | null,
      cert: null,
      options: { detached?: boolean; time?: number },
    ): Promise<{ as_asn1(): Buffer }>;
    unwrap(
      data: Buffer,
      content?: Buffer,
      options?: Record<string, unknown>,
    ): Promise<{ error?: string; content?: Buffer; pipe: Array<Record<string, unknown>> }>;
    keys: Array<{ priv: Priv; cert: Certificate | null; keyid: string }>;
  }
  export function std_curve(name: string): Curve;
  export function guess_parse(data: Buffer): unknown;
  export const models: {
    Priv: typeof Priv;
    Certificate: typeof Certificate;
    Message: new (data: Buffer | Record<string, unknown>) => { as_asn1(): Buffer };
  };
  const jk: {
    Box: typeof Box;
    Priv: typeof Priv;
    Certificate: typeof Certificate;
    std_curve: typeof std_curve;
    guess_parse: typeof guess_parse;
    models: typeof models;
  };
  export default jk;
}

declare module "jkurwa/lib/models/Priv.js" {
  import type { Priv } from "jkurwa";
  const PrivModel: typeof Priv;
  export default PrivModel;
}
declare module "jkurwa/lib/models/Certificate.js" {
  import type { Certificate } from "jkurwa";
  const CertificateModel: typeof Certificate;
  export default CertificateModel;
}
declare module "jkurwa/lib/spec/pbes.js" {
  const pbes: { pbes2_parse(data: unknown): unknown[] };
  export default pbes;
}
declare module "jkurwa/lib/spec/keystore.js" {
  const keystore: {
    enc_parse(data: unknown): unknown;
    DstuPrivkey: { encode(value: unknown, encoding: "der"): Buffer };
  };
  export default keystore;
}
declare module "jksreader" {
  const jks: {
    /** Private-key entries as { name, key, certs (DER) }; a trusted-certificate entry has no key. */
    parse(data: unknown): { material: Array<{ name?: string; key?: Uint8Array; certs?: Uint8Array[] }> } | null;
    decode(key: unknown, password: string): Uint8Array | null;
  };
  export default jks;
}
declare module "buffer" {
  export const Buffer: typeof globalThis.Buffer;
}
