/**
 * A deterministic PRNG (mulberry32) for fuzz tests: the same seed gives the same sequence on
 * every machine and Node version, so a failing case is reproduced from the seed it reports.
 * Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(0, 255));
  }

  /** `length` characters drawn from `alphabet` (default: printable ASCII). */
  text(length: number, alphabet = PRINTABLE): string {
    return Array.from({ length }, () => alphabet[this.int(0, alphabet.length - 1)]).join('');
  }
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** The seed of a fuzz run: `env[name]` when set (to replay a failure), else the fixed default. */
export function fuzzSeed(name: string, fallback: number, env = process.env): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`${name} must be an integer, got "${value}"`);
  return seed;
}
