import { AsyncLocalStorage } from 'node:async_hooks'

/** What the fake data cache holds; a test creates it in `vi.hoisted` and reads it after. */
export interface CacheFake {
  entries: Map<string, { body: string; tags: string[] }>
  /** the tags revalidateTag was called with, in order */
  expired: string[]
  /** when present, the keys of the entries written, in order */
  written?: string[]
}

/**
 * `next/cache` with a small in-memory data cache for `vi.mock('next/cache', …)`: `unstable_cache`
 * keeps entries by its function's text, key parts and arguments with their tags, and (as Next's
 * does) calls a callback uncached inside another entry's callback; `revalidateTag` forgets the
 * entries with that tag. The rest of `next/cache` is the real one.
 */
export async function fakeNextCache(
  original: () => Promise<typeof import('next/cache')>,
  fake: CacheFake,
) {
  const inside = new AsyncLocalStorage<boolean>()
  return {
    ...(await original()),
    unstable_cache:
      <A extends unknown[], T>(
        cb: (...args: A) => Promise<T>,
        keyParts: string[] = [],
        options: { tags?: string[] } = {},
      ) =>
      async (...args: A): Promise<T> => {
        // Next: an unstable_cache inside another's callback calls its function, uncached
        if (inside.getStore()) return cb(...args)
        const key = `${cb.toString()}-${keyParts.join(',')}-${JSON.stringify(args)}`
        const hit = fake.entries.get(key)
        if (hit) return JSON.parse(hit.body) as T
        const result = await inside.run(true, () => cb(...args))
        fake.entries.set(key, { body: JSON.stringify(result), tags: options.tags ?? [] })
        fake.written?.push(key)
        return result
      },
    revalidateTag: (tag: string) => {
      fake.expired.push(tag)
      for (const [key, entry] of fake.entries) {
        if (entry.tags.includes(tag)) fake.entries.delete(key)
      }
    },
  }
}
