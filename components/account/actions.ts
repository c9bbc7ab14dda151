'use server'

import { headers } from 'next/headers'

import { getPayloadClient } from '@/lib/data/payload'
import { requestMemberPasswordReset, resetMemberPassword } from '@/lib/auth/passwordReset'
import { EMAIL_UNAVAILABLE_MESSAGE, emailUnavailable } from '@/lib/email/status'
import { env } from '@/lib/env'
import { clientAddress } from '@/lib/security/clientAddress'

/** The person's address, for the per-client limits on password resets. */
async function client(): Promise<string> {
  return clientAddress(await headers(), env().trustedProxyHops)
}

export type FormState =
  { status: 'idle' } | { status: 'done'; message: string } | { status: 'error'; message: string }

/** Forgot password: asks Payload to email a reset link to the member (if they have an email). */
export async function requestPasswordResetAction(_: FormState, form: FormData): Promise<FormState> {
  if (emailUnavailable()) return { status: 'error', message: EMAIL_UNAVAILABLE_MESSAGE }
  const payload = await getPayloadClient()
  const result = await requestMemberPasswordReset(payload, form.get('memberNumber'), await client())
  if (!result.ok) return { status: 'error', message: result.message }
  return {
    status: 'done',
    message:
      'If that member number has an email address on file, a link to choose a new password is on its way; it works for one hour. No email? Contact Member and Customer Service.',
  }
}

/** Reset password: sets the new password with the token from the email. */
export async function resetPasswordAction(_: FormState, form: FormData): Promise<FormState> {
  const payload = await getPayloadClient()
  const result = await resetMemberPassword(
    payload,
    {
      token: form.get('token'),
      password: form.get('password'),
      confirm: form.get('confirm'),
    },
    await client(),
  )
  if (!result.ok) return { status: 'error', message: result.message }
  return { status: 'done', message: 'Your password has been changed. You can sign in with it now.' }
}
