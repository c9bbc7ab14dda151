/** REDIS_URL, read the same way by the app, the cache handler and the scripts. */

/**
 * The configured Redis URL, or null: unset, empty, or while `next build` runs (a build never
 * needs Redis, and must not freeze anything from it).
 * @param {NodeJS.ProcessEnv} [source]
 * @returns {string | null}
 */
export function redisUrl(source = process.env) {
  if (source.NEXT_PHASE === 'phase-production-build') return null
  const url = source.REDIS_URL?.trim()
  if (!url) return null
  if (!/^rediss?:\/\//.test(url)) {
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL (got "${url.split(':')[0]}:…").`)
  }
  return url
}
