/**
 * Query strings of the REST API, checked before Payload parses them (proxy.ts). Payload turns
 * some malformed ones into a 500 ("An unknown error occurred"): a repeated `limit` becomes an
 * array, `limit=1e400` becomes Infinity, `where=oops` throws in JSON.parse. Here every such
 * request gets a 400 naming the parameter instead. Pure: no Payload, no I/O.
 */

/** Longest query string accepted (the admin's longest filters stay far below it). */
export const MAX_QUERY_LENGTH = 8 * 1024

const INTEGERS = ['depth', 'limit', 'page'] as const
const BOOLEANS = [
  'autosave',
  'draft',
  'trash',
  'overrideLock',
  'pagination',
  'flattenLocales',
  'publishAllLocales',
  'unpublishAllLocales',
] as const
/** Payload parses these as JSON when they come as one plain value. */
const JSON_OBJECTS = ['where', 'data'] as const
/** Plain strings that must come once. */
const STRINGS = ['locale', 'fallback-locale', 'fallbackLocale', 'sort'] as const

/** Largest value of an integer parameter (larger pages or depths mean nothing here). */
const MAX_INTEGER = 1_000_000

export interface QueryProblem {
  status: 400 | 414
  message: string
}

const baseName = (key: string) => key.split('[')[0] ?? key

/** The first problem with a REST query string (`search` with or without its `?`), or null. */
export function checkApiQuery(search: string): QueryProblem | null {
  const raw = search.startsWith('?') ? search.slice(1) : search
  if (raw.length > MAX_QUERY_LENGTH) {
    return {
      status: 414,
      message: `The query string is too long (the limit is ${MAX_QUERY_LENGTH} characters).`,
    }
  }
  let params: URLSearchParams
  try {
    params = new URLSearchParams(raw)
  } catch {
    return { status: 400, message: 'The query string cannot be read.' }
  }
  const seen = new Map<string, string[]>()
  for (const [key, value] of params) {
    const base = baseName(key)
    const entry = seen.get(base) ?? []
    entry.push(key)
    seen.set(base, entry)
    if (key.includes('\u0000') || value.includes('\u0000'))
      return { status: 400, message: 'The query string contains a NUL character.' }
  }

  const single = (name: string): QueryProblem | null => {
    const keys = seen.get(name)
    if (!keys) return null
    if (keys.length > 1 || keys[0] !== name)
      return { status: 400, message: `\`${name}\` must be given once, as a plain value.` }
    return null
  }

  for (const name of INTEGERS) {
    const problem = single(name)
    if (problem) return problem
    const value = params.get(name)
    if (value == null) continue
    if (!/^\d{1,7}$/.test(value) || Number(value) > MAX_INTEGER)
      return {
        status: 400,
        message: `\`${name}\` must be a whole number from 0 to ${MAX_INTEGER.toLocaleString('en-US')}.`,
      }
  }
  for (const name of BOOLEANS) {
    const problem = single(name)
    if (problem) return problem
    const value = params.get(name)
    if (value != null && value !== 'true' && value !== 'false')
      return { status: 400, message: `\`${name}\` must be true or false.` }
  }
  for (const name of STRINGS) {
    const problem = name === 'sort' ? null : single(name)
    if (problem) return problem
  }
  // fields to select or populate come bracketed (select[title]=true); a plain value means nothing
  for (const name of ['select', 'populate'] as const) {
    if (params.has(name))
      return {
        status: 400,
        message: `\`${name}\` names fields in brackets, e.g. ${name}[title]=true.`,
      }
  }
  // joins=false, or per join field: joins[goals][limit]=5, [page], [count], [sort], [where]
  for (const key of seen.get('joins') ?? []) {
    const value = params.getAll(key)
    if (key === 'joins') {
      if (value.length !== 1 || value[0] !== 'false')
        return { status: 400, message: '`joins` alone takes only false.' }
      continue
    }
    const option = /^joins\[[^\]]+\]\[(\w+)\]$/.exec(key)?.[1]
    if (option === 'limit' || option === 'page') {
      if (value.length !== 1 || !/^\d{1,7}$/.test(value[0] ?? ''))
        return { status: 400, message: `\`${key}\` must be a whole number.` }
    } else if (option === 'count') {
      if (value.length !== 1 || (value[0] !== 'true' && value[0] !== 'false'))
        return { status: 400, message: `\`${key}\` must be true or false.` }
    } else if (option === 'sort') {
      if (value.length !== 1) return { status: 400, message: `\`${key}\` must be given once.` }
    } else if (!/^joins\[[^\]]+\](\[where\]\[.+|)$/.test(key)) {
      return {
        status: 400,
        message: `\`${key}\` is not a join option (limit, page, count, sort, where).`,
      }
    }
  }
  for (const name of JSON_OBJECTS) {
    const keys = seen.get(name)
    if (!keys || !keys.includes(name)) continue
    // one plain JSON value, or bracketed keys (where[title][equals]=…), never both
    if (keys.length > 1)
      return { status: 400, message: `\`${name}\` must be given once, as JSON or as brackets.` }
    const value = params.get(name) ?? ''
    if (value === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      return { status: 400, message: `\`${name}\` is not valid JSON.` }
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { status: 400, message: `\`${name}\` must be a JSON object.` }
  }
  return null
}
