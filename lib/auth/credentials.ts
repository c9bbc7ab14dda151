import 'server-only'

import type { Payload } from 'payload'

import type { Member } from '@/payload-types'
import type { SignInErrorCode } from './messages'

export type MemberSignIn =
  { ok: true; member: Member } | { ok: false; code: SignInErrorCode; retryAfterSeconds?: number }

const MAX_MEMBER_NUMBER = 64
const MAX_PASSWORD = 1024

/** Reads `memberNumber` and `password` from an untrusted sign-in body; null when either is missing. */
export function readCredentials(body: unknown): { memberNumber: string; password: string } | null {
  if (body == null || typeof body !== 'object') return null
  const { memberNumber, password } = body as Record<string, unknown>
  if (typeof memberNumber !== 'string' || typeof password !== 'string') return null
  const number = memberNumber.trim()
  if (!number || !password) return null
  if (number.length > MAX_MEMBER_NUMBER || password.length > MAX_PASSWORD) return null
  return { memberNumber: number, password }
}

const reasonOf = (err: unknown): unknown =>
  err && typeof err === 'object' && 'data' in err
    ? (err.data as { reason?: unknown } | null)?.reason
    : undefined

const statusOf = (err: unknown): number | undefined =>
  err && typeof err === 'object' && 'status' in err && typeof err.status === 'number'
    ? err.status
    : undefined

const retryAfterOf = (err: unknown): number | undefined => {
  const data = err && typeof err === 'object' && 'data' in err ? err.data : undefined
  const value = (data as { retryAfter?: unknown } | null | undefined)?.retryAfter
  return typeof value === 'number' ? value : undefined
}

/**
 * Signs a member in through Payload's own login for the `members` collection, so Payload's
 * password hashing, the per-client limits and lock-out (collections/hooks/authGuards.ts) and the
 * lapsed-member hook all apply. Unknown member number and wrong password both answer `invalid`;
 * too many failures from this client answer `throttled`, and the right password for an account
 * locked by failures from elsewhere answers `locked`, both with the wait in seconds.
 * `clientAddress` is the person's address (lib/security/clientAddress.ts), for the limits.
 */
export async function signInMember(
  payload: Payload,
  body: unknown,
  clientAddress?: string,
): Promise<MemberSignIn> {
  const credentials = readCredentials(body)
  if (!credentials) return { ok: false, code: 'missing' }
  try {
    const result = await payload.login({
      collection: 'members',
      data: { username: credentials.memberNumber, password: credentials.password },
      ...(clientAddress ? { context: { clientAddress } } : {}),
    })
    if (!result.user) return { ok: false, code: 'invalid' }
    return { ok: true, member: result.user }
  } catch (err) {
    if (reasonOf(err) === 'lapsed') return { ok: false, code: 'lapsed' }
    const status = statusOf(err)
    if (status === 429) {
      const code = reasonOf(err) === 'locked' ? 'locked' : 'throttled'
      return { ok: false, code, retryAfterSeconds: retryAfterOf(err) ?? 60 }
    }
    // AuthenticationError and LockedAuth (401), ValidationError (400): all the same to the person
    if (status === 400 || status === 401) return { ok: false, code: 'invalid' }
    payload.logger.error({ err, msg: 'Member sign-in failed' })
    return { ok: false, code: 'unavailable' }
  }
}
