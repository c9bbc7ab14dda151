/**
 * The one Redis connection of this process, when REDIS_URL is set: shared by Next.js's cache
 * handler (lib/cache/handler.mjs, which Node loads outside the app's bundles), the rate limiters
 * and the health check (inside the bundles). Plain JavaScript so both worlds can import it; the
 * client lives on globalThis so they share one socket.
 *
 * Redis is optional to serving: commands fail at once while it is away (no offline queue), the
 * client keeps reconnecting in the background, and whoever cares listens to onChange.
 */
import { createClient } from '@redis/client'

import { redisUrl } from './url.mjs'

const KEY = Symbol.for('lodestar.redis')
/** how often the client pings an idle connection, so a dead one is noticed within seconds */
const PING_INTERVAL_MS = 5_000
/** longest wait between two reconnection attempts */
const MAX_RECONNECT_DELAY_MS = 2_000

/**
 * This process's Redis connection, created (and connecting) on first use; null without REDIS_URL.
 * @returns {import('./connection.d.mts').SharedRedis | null}
 */
export function sharedRedis() {
  const url = redisUrl()
  if (!url) return null
  /** @type {Record<symbol, import('./connection.d.mts').SharedRedis | undefined>} */
  const store = /** @type {any} */ (globalThis)
  store[KEY] ??= connect(url)
  return store[KEY]
}

/**
 * @param {string} url
 * @returns {import('./connection.d.mts').SharedRedis}
 */
function connect(url) {
  /** @type {Set<(ready: boolean) => void>} */
  const listeners = new Set()
  const client = createClient({
    url,
    // a command sent while disconnected fails now instead of waiting for a reconnection
    disableOfflineQueue: true,
    pingInterval: PING_INTERVAL_MS,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  })
  let ready = false
  let warned = false
  const set = (/** @type {boolean} */ next) => {
    if (next === ready) return
    ready = next
    for (const listener of listeners) listener(ready)
  }
  client.on('ready', () => {
    if (warned) console.info('[lodestar] Redis is back: shared cache and limits again.')
    warned = false
    set(true)
  })
  client.on('error', (/** @type {Error} */ err) => {
    // one line per outage, not one per reconnection attempt
    if (!warned) {
      console.warn(
        `[lodestar] Redis unreachable (${err.message}): serving with per-instance cache and limits until it is back.`,
      )
      warned = true
    }
    set(client.isReady)
  })
  client.on('end', () => set(false))
  client.on('reconnecting', () => set(false))
  // the first connection is retried like any other; errors are reported by the listener above
  client.connect().catch(() => {})

  return {
    client,
    isReady: () => ready && client.isReady,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async ping(timeoutMs = 1_000) {
      if (!client.isReady) return false
      try {
        const reply = await client.withAbortSignal(AbortSignal.timeout(timeoutMs)).ping()
        return reply === 'PONG'
      } catch {
        return false
      }
    },
  }
}
