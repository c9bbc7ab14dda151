import { tryAgainAt } from '@/lib/format/dates'

/**
 * Sign-in outcomes as short codes (they travel in next-auth's `error` query parameter) and the
 * words a person reads for each. Shared by the server (authorize) and the login form.
 */
export const SIGN_IN_ERRORS = {
  // one message for an unknown member number, a wrong password and a locked account, so a reply
  // never tells whether a member number exists
  invalid:
    'That member number and password did not match. After 5 failed tries, sign-in from your network pauses for 15 minutes.',
  throttled: 'Too many failed sign-ins from your network. Please try again later.',
  locked:
    'This account is locked after too many failed sign-ins from several places. Please try again later.',
  missing: 'Enter your member number and your password.',
  lapsed:
    'Your membership has lapsed, so this account cannot sign in. To renew, contact Member and Customer Service.',
  'no-member':
    'No member account uses the email address of that sign-in. Sign in with your member number and password instead.',
  unavailable: 'Sign-in is unavailable right now. Please try again in a few minutes.',
} as const

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS

/** Codes that carry when to try again: `throttled@<unix seconds>`, `locked@<unix seconds>`. */
export const timedCode = (
  code: 'throttled' | 'locked',
  retryAfterSeconds: number,
  now = Date.now(),
) => `${code}@${Math.ceil(now / 1000) + Math.max(1, Math.ceil(retryAfterSeconds))}`

/** "at 14:32 UTC (in 7 minutes)" for a moment given in unix seconds. */
const at = (untilSeconds: number, now = Date.now()): string => tryAgainAt(untilSeconds * 1000, now)

/** The message for next-auth's `error` value (our codes, or next-auth's own such as CredentialsSignin). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null
  const timed = /^(throttled|locked)@(\d{9,11})$/.exec(code)
  if (timed) {
    const message = SIGN_IN_ERRORS[timed[1] as 'throttled' | 'locked']
    return message.replace('Please try again later.', `Please try again ${at(Number(timed[2]))}.`)
  }
  if (code in SIGN_IN_ERRORS) return SIGN_IN_ERRORS[code as SignInErrorCode]
  if (code === 'SessionRequired') return 'Please sign in to see that page.'
  return SIGN_IN_ERRORS.unavailable
}
