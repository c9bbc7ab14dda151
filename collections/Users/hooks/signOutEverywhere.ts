import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Staff sessions are Payload's own (`auth.useSessions`): every admin sign-in and REST token names a
 * session on the user's record, checked on every request. Ticking "Sign out everywhere" (an admin on
 * any staff record, a staff user on their own) and saving empties that list, so every session of
 * that person ends at once, this one included when it is their own. A password change already
 * ends every session but the one that made it (Payload).
 */
export const signOutEverywhere: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation !== 'update' || !('signOutEverywhere' in data)) return data
  const { signOutEverywhere: requested, ...rest } = data as Record<string, unknown>
  return requested === true ? { ...rest, sessions: [] } : rest
}
