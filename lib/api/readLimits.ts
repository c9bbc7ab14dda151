/**
 * How much one API request may read unless it comes from staff: a page of at most
 * PUBLIC_MAX_LIMIT documents (no `pagination=false`, no `limit=0`), relationships populated at
 * most PUBLIC_MAX_DEPTH levels deep, and join fields (a plan's goal areas) capped the same way.
 * Pure: the Payload hook that applies it is collections/hooks/boundReads.ts.
 */
export const PUBLIC_MAX_LIMIT = 100
export const PUBLIC_MAX_DEPTH = 2

/** The read arguments Payload's operations take, as far as bounding them goes. */
export interface ReadArgs {
  depth?: unknown
  limit?: unknown
  pagination?: unknown
  joins?: unknown
}

const boundedLimit = (limit: unknown): number =>
  typeof limit === 'number' && Number.isInteger(limit) && limit > 0
    ? Math.min(limit, PUBLIC_MAX_LIMIT)
    : PUBLIC_MAX_LIMIT

/** `depth` at most PUBLIC_MAX_DEPTH (any operation: a save's answer populates too). */
export function boundDepth<T extends ReadArgs>(args: T): T {
  if (args.depth == null) return args
  const depth = typeof args.depth === 'number' && args.depth >= 0 ? args.depth : PUBLIC_MAX_DEPTH
  return { ...args, depth: Math.min(Math.floor(depth), PUBLIC_MAX_DEPTH) }
}

/** A read bounded to one page of at most PUBLIC_MAX_LIMIT documents, joins included. */
export function boundRead<T extends ReadArgs>(args: T): T {
  const bounded: T = { ...boundDepth(args) }
  if (args.pagination === false || args.limit != null) {
    bounded.pagination = true
    bounded.limit = boundedLimit(args.limit)
  }
  if (args.joins && typeof args.joins === 'object') {
    bounded.joins = Object.fromEntries(
      Object.entries(args.joins as Record<string, unknown>).map(([path, join]) => [
        path,
        join && typeof join === 'object'
          ? { ...join, limit: boundedLimit((join as { limit?: unknown }).limit ?? 10) }
          : join,
      ]),
    )
  }
  return bounded
}
