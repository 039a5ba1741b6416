// The РНОКПП already given out, as bits: one bit per (birth day, serial) a РНОКПП can encode —
// 1,250 bytes per birth day in use, about 30 MB for a whole country — where a Set of ten million
// numbers would take half a gigabyte. The check digit follows from the other nine, so they are
// the key.

export class RnokppSet {
  private readonly days = new Map<number, Uint8Array>();
  private count = 0;

  constructor(values: Iterable<number> = []) {
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.count;
  }

  has(rnokpp: number): boolean {
    const bits = this.days.get(Math.floor(rnokpp / 100_000));
    if (!bits) return false;
    const slot = Math.floor(rnokpp / 10) % 10_000;
    return (bits[slot >> 3]! & (1 << (slot & 7))) !== 0;
  }

  add(rnokpp: number): this {
    const day = Math.floor(rnokpp / 100_000);
    let bits = this.days.get(day);
    if (!bits) this.days.set(day, (bits = new Uint8Array(1_250)));
    const slot = Math.floor(rnokpp / 10) % 10_000;
    const mask = 1 << (slot & 7);
    if ((bits[slot >> 3]! & mask) === 0) {
      bits[slot >> 3]! |= mask;
      this.count++;
    }
    return this;
  }
}
