import 'server-only'

import type { Payload } from 'payload'

import { readCredentials } from './credentials'
import { passwordProblem } from './passwords'

export { MIN_PASSWORD_LENGTH } from './passwords'

export type ResetRequestResult = { ok: true } | { ok: false; message: string }

/**
 * Starts Payload's forgot-password flow for a member number. The answer is the same whether or
 * not the member exists or has an email address, so it cannot be used to probe member numbers.
 */
/** The refusal of the per-client limit (collections/hooks/authGuards.ts), whose message says when to retry. */
const clientLimitMessage = (err: unknown): string | null =>
  err &&
  typeof err === 'object' &&
  'data' in err &&
  (err.data as { reason?: unknown } | null)?.reason === 'client-limit' &&
  'message' in err &&
  typeof err.message === 'string'
    ? err.message
    : null

export async function requestMemberPasswordReset(
  payload: Payload,
  memberNumber: unknown,
  clientAddress?: string,
): Promise<ResetRequestResult> {
  const number = typeof memberNumber === 'string' ? memberNumber.trim() : ''
  if (!readCredentials({ memberNumber: number, password: 'x' })) {
    return { ok: false, message: 'Enter your member number.' }
  }
  try {
    await payload.forgotPassword({
      collection: 'members',
      // the operation reads `username` for loginWithUsername collections; the Local API type
      // only declares `email` (Payload 3.90)
      data: { username: number } as unknown as { email: string },
      overrideAccess: false,
      ...(clientAddress ? { context: { clientAddress } } : {}),
    })
  } catch (err) {
    const limited = clientLimitMessage(err)
    if (limited) return { ok: false, message: limited }
    // asked twice within seconds: the first request's email is on its way, same answer
    if (err && typeof err === 'object' && 'status' in err && err.status === 429) return { ok: true }
    payload.logger.error({ err, msg: 'Member password reset request failed' })
    return {
      ok: false,
      message: 'The request could not be sent right now. Please try again later.',
    }
  }
  return { ok: true }
}

export type ResetResult = { ok: true } | { ok: false; message: string }

/** Sets a new password with the token from the reset email (Payload's reset flow). */
export async function resetMemberPassword(
  payload: Payload,
  input: { token: unknown; password: unknown; confirm: unknown },
  clientAddress?: string,
): Promise<ResetResult> {
  const { token, password, confirm } = input
  if (typeof token !== 'string' || !/^[a-f0-9]{20,128}$/i.test(token)) {
    return { ok: false, message: 'This reset link is not valid. Ask for a new one.' }
  }
  const problem = passwordProblem(password)
  if (problem || typeof password !== 'string') {
    return { ok: false, message: problem ?? 'Choose a password.' }
  }
  if (password !== confirm) return { ok: false, message: 'The two passwords are not the same.' }
  try {
    await payload.resetPassword({
      collection: 'members',
      data: { token, password },
      overrideAccess: false,
      ...(clientAddress ? { context: { clientAddress } } : {}),
    })
    return { ok: true }
  } catch (err) {
    const limited = clientLimitMessage(err)
    if (limited) return { ok: false, message: limited }
    const status = err && typeof err === 'object' && 'status' in err ? err.status : undefined
    if (status === 400 || status === 403) {
      return {
        ok: false,
        message: 'This reset link has expired or was already used. Ask for a new one.',
      }
    }
    payload.logger.error({ err, msg: 'Member password reset failed' })
    return {
      ok: false,
      message: 'The password could not be changed right now. Please try again later.',
    }
  }
}
