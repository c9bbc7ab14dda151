import type { ServerProps } from 'payload'

import { isStaff } from '@/lib/auth/roles'
import { undeliveredEmails } from '@/lib/data/undeliveredEmails'
import { EMAIL_UNAVAILABLE_WARNING, emailUnavailable } from '@/lib/email/status'

import styles from './emailStatusBanner.module.css'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The admin list of emails that did not go out (failed, refused, no address). */
export const UNDELIVERED_LIST_PATH =
  '/admin/collections/notifications?where[status][not_in][0]=sent&where[status][not_in][1]=sending'

/**
 * A banner on every admin page: for staff when this site cannot send email; for admins when
 * emails of the last weeks did not go out (the mail server failed, or refused the address).
 */
export async function EmailStatusBanner({ user }: ServerProps) {
  if (!user || !isStaff(user)) return null
  if (emailUnavailable()) {
    return (
      <div className={styles.banner} role="status">
        <strong>Email is off.</strong> {EMAIL_UNAVAILABLE_WARNING}
      </div>
    )
  }
  const undelivered = await undeliveredEmails(user)
  if (!undelivered || undelivered.retrying + undelivered.undeliverable === 0) return null
  const parts = [
    undelivered.retrying > 0
      ? `${plural(undelivered.retrying, 'email', 'emails')} could not be sent yet (the mail server failed; retried automatically)`
      : null,
    undelivered.undeliverable > 0
      ? `${plural(undelivered.undeliverable, 'email', 'emails')} could not be delivered (no valid address, or refused)`
      : null,
  ].filter(Boolean)
  return (
    <div className={styles.banner} role="status">
      <strong>Email problems.</strong> {parts.join('; ')}.{' '}
      <a href={UNDELIVERED_LIST_PATH}>See the emails that did not go out</a>
    </div>
  )
}
