import 'server-only'

import { unstable_cache } from 'next/cache'

import { PUBLIC_REVALIDATE_SECONDS } from './tags'

/** Thrown by a view's cache callback when asked to fill it: the view is computed outside it. */
class NotCached extends Error {}

/**
 * A view computed from cached data (the dashboard's history, the coverage JSON), kept in Next's
 * data cache per key under `tags`. On a miss `compute` runs outside the cache's callback: an
 * `unstable_cache` called inside another's callback skips its cache and does not pass its tags up,
 * so computing inside would read the plan's whole history from the database instead of its own
 * cache. The key carries a ten-minute period (PUBLIC_REVALIDATE_SECONDS) instead of a time-based
 * revalidation, which would refill the entry in the background through that callback; views that
 * depend on the clock (stale work by days) are thus at most ten minutes old. Outside a Next.js
 * server (tests, benchmarks, scripts) it is `compute()`.
 */
export async function cachedView<T>(
  key: readonly string[],
  tags: string[],
  compute: () => Promise<T>,
): Promise<T> {
  // what the callback stores once the view is computed (empty: report a miss)
  const computed: { value?: T; ready: boolean } = { ready: false }
  const period = String(Math.floor(Date.now() / (PUBLIC_REVALIDATE_SECONDS * 1000)))
  const entry = unstable_cache(
    async (): Promise<T> => {
      if (!computed.ready) throw new NotCached()
      return computed.value as T
    },
    ['view', ...key, period],
    { tags },
  )
  try {
    return await entry()
  } catch (err) {
    if (err instanceof Error && err.message.includes('incrementalCache missing')) return compute()
    if (!(err instanceof NotCached)) throw err
  }
  computed.value = await compute()
  computed.ready = true
  return entry()
}
