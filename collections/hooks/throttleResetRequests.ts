import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { RESET_REQUEST_INTERVAL_MS } from '@/lib/auth/resetEmail'

/**
 * One password reset request per login (member number or staff email) every few seconds, on every
 * surface (the site's forgot-password form, the admin's, Payload's REST endpoint). Keyed by what
 * was typed, whether or not such an account exists, so the refusal tells nothing. Payload's own
 * throttle (forgotPassword.minRequestInterval) is off in both auth collections: it reserves the
 * account row outside the operation's transaction, which SQLite answers with "database is locked".
 */
export function throttleResetRequests(
  loginField: 'username' | 'email',
): CollectionBeforeOperationHook {
  const lastAsked = new Map<string, number>()
  return ({ args, operation }) => {
    if (operation !== 'forgotPassword') return args
    const data = (args as { data?: Record<string, unknown> }).data
    const typed = data?.[loginField]
    const key = typeof typed === 'string' ? typed.trim().toLowerCase() : ''
    if (!key) return args
    const now = Date.now()
    for (const [asked, at] of lastAsked)
      if (now - at >= RESET_REQUEST_INTERVAL_MS) lastAsked.delete(asked)
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
}
