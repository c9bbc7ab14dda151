import { APIError, type CollectionBeforeLoginHook } from 'payload'

import { isLapsed } from '@/lib/auth/roles'

export const LAPSED_MESSAGE =
  'Your membership has lapsed, so this account cannot sign in. To renew, contact Member and Customer Service.'

/** Lapsed or deactivated members cannot sign in, on any surface (site or REST). */
export const refuseLapsedLogin: CollectionBeforeLoginHook = ({ user }) => {
  if (isLapsed(user)) throw new APIError(LAPSED_MESSAGE, 403, { reason: 'lapsed' }, true)
  return user
}
