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
