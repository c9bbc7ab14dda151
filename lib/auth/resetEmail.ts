import type { PayloadRequest } from 'payload'

import { env } from '@/lib/env'

/** Where a member sets a new password: the site's own page, not the staff admin. */
export function memberResetLink(token: string): string {
  return `${env().serverUrl}/login/reset?token=${encodeURIComponent(token)}`
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The member's password reset email (Payload's forgot-password flow for `members`). */
export function memberResetEmailHTML(args?: {
  req?: PayloadRequest
  token?: string
  user?: { name?: unknown; username?: unknown }
}): string {
  const link = memberResetLink(args?.token ?? '')
  const name = typeof args?.user?.name === 'string' ? args.user.name : 'member'
  // No mail server in development: the link goes to the log so the flow can be followed.
  if (!env().isProduction && args?.req) {
    args.req.payload.logger.info({
      msg: `Password reset link for member ${String(args.user?.username ?? '')}: ${link}`,
    })
  }
  return [
    `<p>Hello ${escapeHtml(name)},</p>`,
    '<p>Someone (we hope you) asked to reset the password you use to sign in to the planning site.',
    ` To choose a new password, open this link within an hour:</p><p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    '<p>If you did not ask for this, ignore this email: your password stays as it is.</p>',
  ].join('')
}

export const MEMBER_RESET_SUBJECT = 'Reset your planning site password'

/** A reset link works for an hour. */
export const MEMBER_RESET_EXPIRATION_MS = 60 * 60 * 1000

/** At most one reset email per account every 15 seconds (Payload's own default interval). */
export const RESET_REQUEST_INTERVAL_MS = 15 * 1000
