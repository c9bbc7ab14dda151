/**
 * A deterministic pseudo-random generator (mulberry32): the same seed gives the same numbers in
 * [0, 1) on every run, so benchmarks and robustness tests feed the same inputs each time.
 */
export function seededRandom(seed: number): () => number {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One element of a non-empty list, chosen by `next`. */
export const pick = <T>(next: () => number, list: readonly T[]): T =>
  list[Math.floor(next() * list.length)] as T
