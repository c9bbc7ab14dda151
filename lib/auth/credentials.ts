import 'server-only'

import type { Payload } from 'payload'

import type { Member } from '@/payload-types'
import type { SignInErrorCode } from './messages'

export type MemberSignIn = { ok: true; member: Member } | { ok: false; code: SignInErrorCode }

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

/**
 * Signs a member in through Payload's own login for the `members` collection, so Payload's
 * password hashing, lock-out after repeated failures and the lapsed-member hook all apply.
 * Unknown member number, wrong password and locked account all answer `invalid`.
 */
export async function signInMember(payload: Payload, body: unknown): Promise<MemberSignIn> {
  const credentials = readCredentials(body)
  if (!credentials) return { ok: false, code: 'missing' }
  try {
    const result = await payload.login({
      collection: 'members',
      data: { username: credentials.memberNumber, password: credentials.password },
    })
    if (!result.user) return { ok: false, code: 'invalid' }
    return { ok: true, member: result.user }
  } catch (err) {
    if (reasonOf(err) === 'lapsed') return { ok: false, code: 'lapsed' }
    const status = statusOf(err)
    // AuthenticationError and LockedAuth (401), ValidationError (400): all the same to the person
    if (status === 400 || status === 401) return { ok: false, code: 'invalid' }
    payload.logger.error({ err, msg: 'Member sign-in failed' })
    return { ok: false, code: 'unavailable' }
  }
}
