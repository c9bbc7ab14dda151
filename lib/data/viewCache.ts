import 'server-only'

import { unstable_cache } from 'next/cache'

import { PUBLIC_REVALIDATE_SECONDS } from './tags'

/**
 * The version of what lib/data keeps in the data cache: change it when a stored shape changes
 * (sharedCache's keys no longer carry the code's text, which used to version them).
 */
export const DATA_SHAPE = 'data-2'

/**
 * `unstable_cache` keyed by `key` alone. Next keys an entry by its function's source text too,
 * and each route's bundle has its own copy of lib/data, minified apart: the dashboard page, the
 * coverage API, the CSVs and the report each kept their own copy of the same data (at 50,000
 * initiatives × 8 cycles, 22 MB of closed history per route, beyond Next's 50 MB memory cache:
 * bench/coverage/README.md). A bound function's source is the same everywhere, so the routes
 * share one entry per key; DATA_SHAPE versions what the source text used to.
 */
export function sharedCache<T>(
  fn: () => Promise<T>,
  key: readonly string[],
  options: { tags: string[]; revalidate?: number },
): () => Promise<T> {
  return unstable_cache(fn.bind(null), [DATA_SHAPE, ...key], options)
}

/**
 * The period a key is read in: `seconds` long, shifted by an offset drawn from the key (FNV-1a of
 * its parts), so that entries computed together do not all go cold at the same moment (at 50,000
 * initiatives the dashboard's views and parts going cold together cost one request ~7 s every
 * ten minutes); each entry is still at most `seconds` old.
 */
export function periodOf(key: readonly string[], seconds: number, now = Date.now()): string {
  let hash = 0x811c9dc5
  for (const ch of key.join('\u0000')) {
    hash ^= ch.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const span = seconds * 1000
  return String(Math.floor((now + (hash % span)) / span))
}

/** Thrown by a view's cache callback when asked to fill it: the view is computed outside it. */
class NotCached extends Error {}

/**
 * A view computed from cached data (the dashboard's history, the coverage JSON), kept in Next's
 * data cache per key under `tags`. On a miss `compute` runs outside the cache's callback: an
 * `unstable_cache` called inside another's callback skips its cache and does not pass its tags up,
 * so computing inside would read the plan's whole history from the database instead of its own
 * cache. The key carries a period (periodOf: `periodSeconds`, by default ten minutes,
 * PUBLIC_REVALIDATE_SECONDS, staggered by key) instead of a time-based revalidation, which would
 * refill the entry in the background through that callback; views that depend on the clock (stale
 * work by days) are thus at most ten minutes old. Outside a Next.js server (tests, benchmarks,
 * scripts) it is `compute()`.
 */
export async function cachedView<T>(
  key: readonly string[],
  tags: string[],
  compute: () => Promise<T>,
  periodSeconds?: number,
): Promise<T> {
  const [value] = await cachedParts([{ key, tags, periodSeconds }], async () => [await compute()])
  return value as T
}

/** One part of cachedParts: its key and the tags that expire it. */
export interface CachePart {
  key: readonly string[]
  tags: string[]
  /** how long the entry may serve when no tag expires it (default PUBLIC_REVALIDATE_SECONDS) */
  periodSeconds?: number
}

/**
 * Several entries read together, each under its own key and tags (a plan's initiatives per
 * section, so that a save expires only its section's part): the parts found in the cache are
 * used as they are, and `computeMissing` is called once with the indexes of all the others (one
 * database read for every missing part), whose values are then stored. Same rules as
 * cachedView (computed outside the entries' callbacks, staggered periods in the keys); outside
 * a Next.js server every part is computed.
 */
export async function cachedParts<T>(
  parts: readonly CachePart[],
  computeMissing: (missing: number[]) => Promise<T[]>,
): Promise<T[]> {
  const now = Date.now()
  // what each callback stores once its part is computed (empty: report a miss)
  const computed = parts.map(() => ({ ready: false, value: undefined as T | undefined }))
  const entries = parts.map((part, i) =>
    sharedCache(
      async (): Promise<T> => {
        if (!computed[i]!.ready) throw new NotCached()
        return computed[i]!.value as T
      },
      [
        'view',
        ...part.key,
        periodOf(part.key, part.periodSeconds ?? PUBLIC_REVALIDATE_SECONDS, now),
      ],
      { tags: part.tags },
    ),
  )
  const read = await Promise.allSettled(entries.map((entry) => entry()))
  const values: T[] = []
  const missing: number[] = []
  for (const [i, result] of read.entries()) {
    if (result.status === 'fulfilled') {
      values[i] = result.value
      continue
    }
    const err: unknown = result.reason
    if (err instanceof Error && err.message.includes('incrementalCache missing')) {
      return computeMissing(parts.map((_, k) => k))
    }
    if (!(err instanceof NotCached)) throw err
    missing.push(i)
  }
  if (missing.length === 0) return values
  const fresh = await computeMissing(missing)
  await Promise.all(
    missing.map(async (i, k) => {
      computed[i] = { ready: true, value: fresh[k] }
      values[i] = await entries[i]!()
    }),
  )
  return values
}
