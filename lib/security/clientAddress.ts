/**
 * The address a request came from, for per-client rate limits. Next.js adds X-Forwarded-For with
 * the peer's address only when the request has none, and production runs behind a TLS-terminating
 * reverse proxy that appends the peer's address: so the client is `hops` entries from the right
 * (TRUSTED_PROXY_HOPS, default 1). Entries further left were written by the client and never count.
 */
export function clientAddress(headers: Headers, hops = 1): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const entry = entries[Math.max(0, entries.length - hops)]
  return entry ? addressKey(entry) : 'unknown'
}

/**
 * One key per client: an IPv4 address as it is, an IPv6 address by its /64 network (one
 * subscriber gets a whole /64, so single addresses would give an attacker endless keys).
 */
export function addressKey(raw: string): string {
  let address = raw.replace(/^\[|\](:\d+)?$/g, '').toLowerCase()
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(address)
  if (v4) return v4[1]!
  if (!address.includes(':')) return address.slice(0, 64)
  address = address.split('%')[0]!
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
