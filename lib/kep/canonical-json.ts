// RFC 8785 (JSON Canonicalization Scheme): the exact bytes a signer signs and the server
// rebuilds. Browser-safe: no Node APIs. Input must be plain JSON data; anything JSON.stringify
// would silently drop or coerce (undefined, NaN, Date, Map, class instances) is refused,
// because a value that changes shape on the way to the bytes is a value the signer never saw.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends TypeError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} (шлях: ${path || "$"})`);
    this.name = "CanonicalJsonError";
  }
}

/** The canonical JSON text of a plain JSON value. */
export function canonicalJson(value: unknown): string {
  return serialize(value, "$", new Set());
}

/** The UTF-8 bytes of the canonical JSON text: what is signed and digested. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

function serialize(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError("Число має бути скінченним", path);
      // ECMAScript Number::toString is exactly the RFC 8785 number form; -0 becomes "0".
      return JSON.stringify(value);
    case "string":
      return serializeString(value, path);
    case "object":
      return serializeContainer(value as object, path, ancestors);
    default:
      throw new CanonicalJsonError(`Значення типу ${typeof value} не є даними JSON`, path);
  }
}

function serializeString(value: string, path: string): string {
  // I-JSON forbids lone surrogates; they have no UTF-8 form and would be signed as U+FFFD.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw new CanonicalJsonError("Рядок містить непарний сурогатний символ", path);
  }
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 requires for well-formed strings.
  return JSON.stringify(value);
}

function serializeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new CanonicalJsonError("Циклічне посилання", path);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new CanonicalJsonError("Масив із пропуском", `${path}[${i}]`);
        items.push(serialize(value[i], `${path}[${i}]`, ancestors));
      }
      return `[${items.join(",")}]`;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? "object";
      throw new CanonicalJsonError(`Об'єкт ${kind} не є простими даними JSON`, path);
    }
    // Default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
    const keys = Object.keys(value).sort();
    const members: string[] = [];
    for (const key of keys) {
      const memberPath = `${path}.${key}`;
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) throw new CanonicalJsonError("Поле зі значенням undefined", memberPath);
      members.push(`${serializeString(key, memberPath)}:${serialize(member, memberPath, ancestors)}`);
    }
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new CanonicalJsonError("Об'єкт має символьні ключі", path);
    }
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}
