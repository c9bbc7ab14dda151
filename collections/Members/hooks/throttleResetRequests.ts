import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { MEMBER_RESET_INTERVAL_MS } from '../../../lib/auth/resetEmail'

const lastAsked = new Map<string, number>()

/**
 * One password reset request per member number every few seconds, on every surface (the site's
 * forgot-password form and Payload's REST endpoint). Keyed by what was typed, whether or not such
 * a member exists, so the refusal tells nothing. (Payload's own throttle, minRequestInterval, is
 * off: it deadlocks on SQLite; see collections/Members.)
 */
export const throttleResetRequests: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'forgotPassword') return args
  const data = (args as { data?: { username?: unknown } }).data
  const key = typeof data?.username === 'string' ? data.username.trim().toLowerCase() : ''
  if (!key) return args
  const now = Date.now()
  for (const [asked, at] of lastAsked)
    if (now - at >= MEMBER_RESET_INTERVAL_MS) lastAsked.delete(asked)
  if (lastAsked.has(key)) {
    throw new APIError(
      'A reset link was asked for moments ago. Please wait a few seconds before asking again.',
      429,
      { reason: 'throttled' },
      true,
    )
  }
  lastAsked.set(key, now)
  return args
}
