/**
 * The shared (Redis) page cache as the app sees it. The cache handler (lib/cache/handler.mjs)
 * runs outside the app's bundles and registers itself on globalThis when REDIS_URL is set.
 */
interface SharedCache {
  state(): 'shared' | 'local'
  revalidateTag(tag: string): Promise<void>
}

const REGISTRY = Symbol.for('lodestar.sharedCache')

function sharedCache(): SharedCache | undefined {
  return (globalThis as Record<symbol, SharedCache | undefined>)[REGISTRY]
}

/**
 * Expires tags in the shared cache now, before the caller answers. Next.js expires them too, but
 * only after the response has gone out; a reader sent to another instance right after an editor's
 * save must not get there first. Nothing to do without Redis (one instance: Next's own expiry).
 */
export async function expireSharedTags(tags: Iterable<string>): Promise<void> {
  const cache = sharedCache()
  if (!cache) return
  for (const tag of tags) await cache.revalidateTag(tag)
}

/** 'shared' while pages are read from Redis, 'local' while this instance caches alone; null without Redis. */
export function sharedCacheState(): 'shared' | 'local' | null {
  return sharedCache()?.state() ?? null
}
