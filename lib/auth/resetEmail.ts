import type { PayloadRequest } from 'payload'

import { associationName } from '@/lib/email/association'
import { renderEmail } from '@/lib/email/render'
import { env } from '@/lib/env'

/** Where a member sets a new password: the site's own page, not the staff admin. */
export function memberResetLink(token: string): string {
  return `${env().serverUrl}/login/reset?token=${encodeURIComponent(token)}`
}

/** Where a staff user sets a new password: the admin's reset view. */
export function staffResetLink(token: string): string {
  return `${env().serverUrl}/admin/reset/${encodeURIComponent(token)}`
}

export const MEMBER_RESET_SUBJECT = 'Reset your planning site password'
export const STAFF_RESET_SUBJECT = 'Reset your planning admin password'

/** A reset link works for an hour. */
export const MEMBER_RESET_EXPIRATION_MS = 60 * 60 * 1000

type ResetArgs = {
  req?: PayloadRequest
  token?: string
  user?: { name?: unknown; username?: unknown; email?: unknown }
}

async function resetEmail(args: ResetArgs | undefined, who: 'member' | 'staff'): Promise<string> {
  const link = (who === 'member' ? memberResetLink : staffResetLink)(args?.token ?? '')
  const name = typeof args?.user?.name === 'string' && args.user.name.trim() ? args.user.name : null
  const association = args?.req
    ? await associationName(args.req.payload, args.req)
    : env().email.from.name
  const account =
    who === 'member'
      ? `member number ${String(args?.user?.username ?? '')}`
      : `the planning admin (${String(args?.user?.email ?? '')})`
  return renderEmail({
    association,
    subject: who === 'member' ? MEMBER_RESET_SUBJECT : STAFF_RESET_SUBJECT,
    preview: 'A link to choose a new password, valid for one hour.',
    greeting: `Hello ${name ?? (who === 'member' ? 'member' : 'there')},`,
    blocks: [
      {
        paragraph: `Someone (we hope you) asked to reset the password you use to sign in to the ${association} planning site with ${account}.`,
      },
      { paragraph: 'To choose a new password, open this link within an hour:' },
      { button: { label: 'Choose a new password', url: link } },
      {
        paragraph: 'If you did not ask for this, ignore this email: your password stays as it is.',
      },
    ],
    footer: `You receive this email because a password reset was asked for your account on the ${association} planning site.`,
  }).html
}

/** The member's password reset email (Payload's forgot-password flow for `members`). */
export function memberResetEmailHTML(args?: ResetArgs): Promise<string> {
  return resetEmail(args, 'member')
}

/** A staff user's password reset email (Payload's forgot-password flow for `users`). */
export function staffResetEmailHTML(args?: ResetArgs): Promise<string> {
  return resetEmail(args, 'staff')
}
