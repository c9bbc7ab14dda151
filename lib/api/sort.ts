/**
 * A `sort` from a REST query string (comma-separated or repeated) or a GraphQL argument, checked
 * before it reaches the database adapter. MongoDB-wire servers answer a field path with a space or
 * an empty segment (`sort= 3`, `sort=a..b`) with an error, and a server without `$lookup`
 * (FerretDB) cannot sort by a related document's field (`sort=plan.title`): both were 500s. Pure:
 * the caller says which paths go through a relationship and whether the database can follow one.
 */

/** What the check needs to know about the collection and the database. */
export interface SortContext {
  /** Whether the path sorts by a field of a related document (`plan.title`, not `plan` or `plan.id`). */
  throughRelationship: (path: string) => boolean
  /** Whether the database can sort by a related document's field (MongoDB's `$lookup`, SQL joins). */
  canFollowRelationships: boolean
}

/** Field names, dotted into groups and relationships: letters, digits and underscores. */
const PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/
/** More sort keys than any list view needs. */
const MAX_KEYS = 10

/** The first problem with a `sort`, or null when the database adapter can run it. */
export function checkSort(sort: unknown, ctx: SortContext): string | null {
  if (sort == null || sort === '') return null
  const items = typeof sort === 'string' ? [sort] : Array.isArray(sort) ? sort : null
  if (!items || !items.every((item): item is string => typeof item === 'string'))
    return '`sort` takes field names, e.g. sort=-updatedAt.'
  const keys = items.flatMap((item) => item.split(','))
  if (keys.length > MAX_KEYS) return `\`sort\` takes at most ${MAX_KEYS} fields.`
  for (const key of keys) {
    const path = key.startsWith('-') ? key.slice(1) : key
    if (!PATH.test(path))
      return `\`sort\` takes field names, each optionally after a minus sign (e.g. sort=-updatedAt); got ${JSON.stringify(key).slice(0, 40)}.`
    if (!ctx.canFollowRelationships && ctx.throughRelationship(path))
      return `This database cannot sort by a related document's field (\`${path}\`); sort by a field of this collection.`
  }
  return null
}
