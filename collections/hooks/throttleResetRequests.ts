import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { authLimits } from '@/lib/security/rateLimit'

/**
 * One password reset request per login (member number or staff email) every 15 seconds
 * (AUTH_LIMIT_POLICIES.resetByLogin), on every surface (the site's forgot-password form, the admin's,
 * Payload's REST endpoint), counted where the other limits are (Redis with REDIS_URL, so over every
 * instance). Keyed by what was typed, whether or not such an account exists, so the refusal tells
 * nothing. Payload's own throttle (forgotPassword.minRequestInterval) is off in both auth
 * collections: it reserves the account row outside the operation's transaction, which SQLite
 * answers with "database is locked".
 */
export function throttleResetRequests(
  loginField: 'username' | 'email',
): CollectionBeforeOperationHook {
  return async ({ args, collection, operation, req }) => {
    if (operation !== 'forgotPassword') return args
    const data = (args as { data?: Record<string, unknown> }).data
    const typed = data?.[loginField]
    const key = typeof typed === 'string' ? typed.trim().toLowerCase() : ''
    if (!key) return args
    const decision = await authLimits().resetByLogin.consume(`${collection.slug}|${key}`)
    if (!decision.ok) {
      const headers = new Headers(req.responseHeaders ?? undefined)
      headers.set('Retry-After', String(decision.retryAfterSeconds))
      req.responseHeaders = headers
      throw new APIError(
        'A reset link was asked for moments ago. Please wait a few seconds before asking again.',
        429,
        { reason: 'throttled', retryAfter: decision.retryAfterSeconds },
        true,
      )
    }
    return args
  }
}
