import type { CollectionBeforeChangeHook } from 'payload'

/** The first staff account (created on Payload's "create first user" screen) is an admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const existing = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (existing.totalDocs > 0) return data
  return { ...data, roles: ['admin'] }
}
