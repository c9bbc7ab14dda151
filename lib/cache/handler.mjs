/**
 * Next.js's cache handler (`cacheHandler` in next.config.mjs): the store of the ISR pages and of
 * the unstable_cache data they read, both tagged by lib/data/tags.ts and expired by the Payload
 * hooks. Node loads this file itself at run time (it is not part of the app's bundles).
 *
 * - Without REDIS_URL (and always during `next build`) it is Next's own default store, built with
 *   the options Next gives it: one machine works exactly as without this file.
 * - With REDIS_URL the entries and tags live in Redis through @fortedigital/nextjs-cache-handler's
 *   `redis-strings` handler, so every instance reads the same pages and an expiry by one instance
 *   is seen by all on their next request. Next keeps no copy in memory in front of a custom
 *   handler, and this handler reads Redis on every request while it is connected.
 * - While Redis is away, each instance serves from its own in-memory cache (the library's
 *   `local-lru`, emptied whenever the mode changes, so it never holds a page from before the
 *   outage that another instance may have expired since). Tags this instance expires meanwhile
 *   are remembered and expired in Redis once it is back, before Redis is read again.
 *
 * The library has no such fallback-and-replay; that switch (below) is the part written here.
 */
import { createRequire } from 'node:module'

import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'

import { sharedRedis } from '../redis/connection.mjs'

const require = createRequire(import.meta.url)

/** Redis keys of the page cache start with this (rate limits and others use other prefixes). */
export const CACHE_KEY_PREFIX = 'lodestar:next:'
/** a Redis command that takes longer than this is treated as failed (a miss for a read) */
const REDIS_TIMEOUT_MS = 1_000
/** the per-instance cache used while Redis is away: Next's default memory cache size */
const LOCAL_CACHE_BYTES = 50 * 1024 * 1024
const REGISTRY = Symbol.for('lodestar.sharedCache')

/**
 * The Redis-backed handler with its per-instance fallback, one per process.
 * @param {import('../redis/connection.d.mts').SharedRedis} redis
 */
function createSwitchingHandler(redis) {
  const remote = createRedisHandler({
    client: /** @type {any} */ (redis.client),
    keyPrefix: CACHE_KEY_PREFIX,
    timeoutMs: REDIS_TIMEOUT_MS,
  })
  const newLocal = () => createLruHandler({ maxItemSizeBytes: LOCAL_CACHE_BYTES })
  let local = newLocal()
  /** 'shared': Redis is read and written; 'local': this instance's memory only */
  let mode = 'local'
  /** tags expired here while Redis could not hear it: expired there before it is read again */
  const pending = new Set()
  /** times this process lost Redis after having used it, and how many of those it has cleaned up */
  let outages = 0
  let emptiedFor = 0
  let everShared = false
  let resuming = false

  const toLocal = () => {
    if (everShared) outages += 1
    if (mode === 'local') return
    mode = 'local'
    local = newLocal()
  }

  /**
   * Before Redis is read again: after an outage, empties the page cache there (an instance that
   * saved an edit meanwhile could not expire its pages in Redis; every instance that lost Redis
   * empties it on its way back, so none serves such a page while the others reconnect), then
   * expires the tags this instance expired while Redis could not hear it.
   */
  const resume = async () => {
    if (resuming) return
    resuming = true
    try {
      while (mode === 'local' && redis.isReady()) {
        if (emptiedFor < outages) {
          const upTo = outages
          await emptySharedCache(redis.client)
          emptiedFor = upTo
        }
        // tags expired while this runs join the queue
        while (pending.size > 0) {
          const [tag] = pending
          await remote.revalidateTag(tag)
          pending.delete(tag)
        }
        if (emptiedFor === outages && pending.size === 0 && redis.isReady()) {
          mode = 'shared'
          everShared = true
          local = newLocal()
        }
      }
    } catch (err) {
      console.warn(`[lodestar] Redis cache not resumed yet: ${err.message}`)
      setTimeout(() => void resume(), 1_000).unref()
    } finally {
      resuming = false
    }
  }

  redis.onChange((ready) => (ready ? void resume() : toLocal()))
  void resume()

  return {
    name: 'lodestar-redis-or-local',
    state: () => (mode === 'shared' ? 'shared' : 'local'),
    async get(key, meta) {
      if (mode === 'local') return local.get(key, meta)
      try {
        return await remote.get(key, meta)
      } catch {
        return null // a slow or lost Redis: render afresh rather than wait
      }
    },
    async set(key, value, ctx) {
      if (mode === 'local') return local.set(key, value, ctx)
      try {
        await remote.set(key, value, ctx)
      } catch {
        // not stored: the next request renders it again
      }
    },
    async revalidateTag(tag) {
      await local.revalidateTag(tag)
      if (mode === 'shared') {
        try {
          await remote.revalidateTag(tag)
          return
        } catch {
          // Redis did not take it: stop reading Redis until it has
          toLocal()
        }
      }
      pending.add(tag)
      void resume()
    },
    async delete(key) {
      await local.delete(key)
      if (mode === 'shared') await remote.delete(key).catch(() => {})
    },
  }
}

/**
 * Deletes every page-cache key (CACHE_KEY_PREFIX) from Redis; other keys (rate limits) stay.
 * @param {import('@redis/client').RedisClientType} client
 */
async function emptySharedCache(client) {
  for await (const keys of client.scanIterator({ MATCH: `${CACHE_KEY_PREFIX}*`, COUNT: 500 })) {
    if (keys.length > 0) await client.unlink(keys)
  }
}

/** @returns {ReturnType<typeof createSwitchingHandler> | null} */
function sharedHandler() {
  const redis = sharedRedis()
  if (!redis) return null
  const store = /** @type {any} */ (globalThis)
  store[REGISTRY] ??= createSwitchingHandler(redis)
  return store[REGISTRY]
}

CacheHandler.onCreation(() => {
  const handler = sharedHandler()
  if (!handler) throw new Error('The shared cache handler needs REDIS_URL.')
  return { handlers: [handler] }
})

/** Next.js's own store (file system + memory), what Next uses when no handler is configured. */
const {
  default: FileSystemCache,
} = require('next/dist/server/lib/incremental-cache/file-system-cache.js')

export default class LodestarCacheHandler {
  /** @param {any} options what Next passes to a cache handler */
  constructor(options) {
    // A constructor that returns an object makes `new` give that object.
    const handler = sharedHandler() ? new CacheHandler(options) : new FileSystemCache(options)
    return process.env.LODESTAR_CACHE_DEBUG === '1' ? logged(handler) : handler
  }
}

/**
 * `LODESTAR_CACHE_DEBUG=1`: logs each data-cache read (hit or miss) and write with its size as
 * Next's memory cache counts it (the JSON of the value), and its tags (bench/coverage).
 * @param {any} handler
 */
function logged(handler) {
  const what = (/** @type {any} */ ctx) => (ctx?.tags ?? []).join(' ')
  return new Proxy(handler, {
    get(target, prop) {
      const value = Reflect.get(target, prop)
      if (prop === 'get') {
        return async (/** @type {string} */ key, /** @type {any} */ ctx) => {
          const found = await value.call(target, key, ctx)
          console.log(
            `[cache] get ${found?.value ? 'hit ' : 'miss'} ${key.slice(0, 12)} ${what(ctx)}`,
          )
          return found
        }
      }
      if (prop === 'set') {
        return async (
          /** @type {string} */ key,
          /** @type {any} */ data,
          /** @type {any} */ ctx,
        ) => {
          const size = data?.data ? JSON.stringify(data.data).length : 0
          console.log(`[cache] set ${size} ${key.slice(0, 12)} ${what(ctx)}`)
          return value.call(target, key, data, ctx)
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
