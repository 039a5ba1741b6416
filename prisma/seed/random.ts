// A small seeded PRNG (sfc32, 128-bit state) passed explicitly to every generator, so that
// the same seed gives the same country on every run and on every machine. Math.random is never
// used. A 32-bit generator would not do: a million per-person streams on one 2^32 cycle overlap
// thousands of times, and overlapping streams repeat each other's ids.

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

const SALTS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    [this.a, this.b, this.c, this.d] = stateFor(seed, []);
    this.warmUp();
  }

  /** A child generator for a sub-stream (e.g. one person), independent of how much the parent drew. */
  static derive(seed: number, ...keys: number[]): Rng {
    const rng = new Rng(0);
    [rng.a, rng.b, rng.c, rng.d] = stateFor(seed, keys);
    rng.warmUp();
    return rng;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  private warmUp() {
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let roll = this.next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  /** A version-4 UUID drawn from this stream: ids are as reproducible as the data. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i++) hex.push((Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, "0"));
    const s = hex.join("");
    const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

/** Four state words, each a bijective function of the last key: distinct keys, distinct streams. */
function stateFor(seed: number, keys: number[]): [number, number, number, number] {
  return SALTS.map((salt) => {
    let h = mix32((seed ^ salt) >>> 0);
    for (const key of keys) h = mix32(h ^ Math.imul(key >>> 0, 0x9e3779b1));
    return h | 0;
  }) as [number, number, number, number];
}

function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
