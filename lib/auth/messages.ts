/**
 * Sign-in outcomes as short codes (they travel in next-auth's `error` query parameter) and the
 * words a person reads for each. Shared by the server (authorize) and the login form.
 */
export const SIGN_IN_ERRORS = {
  // one message for an unknown member number, a wrong password and a locked account, so a reply
  // never tells whether a member number exists
  invalid:
    'That member number and password did not match. After 5 failed tries an account is locked for 10 minutes.',
  missing: 'Enter your member number and your password.',
  lapsed:
    'Your membership has lapsed, so this account cannot sign in. To renew, contact Member and Customer Service.',
  'no-member':
    'No member account uses the email address of that sign-in. Sign in with your member number and password instead.',
  unavailable: 'Sign-in is unavailable right now. Please try again in a few minutes.',
} as const

export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS

/** The message for next-auth's `error` value (our codes, or next-auth's own such as CredentialsSignin). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null
  if (code in SIGN_IN_ERRORS) return SIGN_IN_ERRORS[code as SignInErrorCode]
  if (code === 'SessionRequired') return 'Please sign in to see that page.'
  return SIGN_IN_ERRORS.unavailable
}
