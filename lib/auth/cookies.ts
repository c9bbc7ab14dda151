import type { CollectionConfig } from 'payload'

/**
 * Payload's auth cookies (staff admin, and members' REST logins): httpOnly always (Payload's
 * default), SameSite=Lax, and Secure whenever the site is served over https (required in
 * production, see lib/env.ts).
 */
export function withHardenedAuthCookies(
  collections: CollectionConfig[],
  secure: boolean,
): CollectionConfig[] {
  return collections.map((collection) => {
    if (!collection.auth) return collection
    const auth = collection.auth === true ? {} : collection.auth
    return {
      ...collection,
      auth: { ...auth, cookies: { sameSite: 'Lax', secure, ...auth.cookies } },
    }
  })
}

/** next-auth's session cookie (`__Secure-` over https), split into `.0`, `.1`… when large */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/

/**
 * Whether a request carries anything that could sign someone in: an `Authorization` header
 * (Payload's JWT or API key), Payload's `payload-token` cookie, or a next-auth session cookie.
 * A request with none of them is nobody, and can be answered so without loading Payload
 * (`GET /api/viewer`, which every public page view asks); one that has one is checked for real.
 */
export function carriesCredentials(headers: Headers): boolean {
  if (headers.has('authorization')) return true
  const cookie = headers.get('cookie')
  if (!cookie) return false
  return cookie.split(';').some((pair) => {
    const name = pair.split('=', 1)[0]!.trim()
    return name === 'payload-token' || SESSION_COOKIE.test(name)
  })
}
