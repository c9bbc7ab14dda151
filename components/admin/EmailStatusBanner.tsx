import type { ServerProps } from 'payload'

import { isStaff } from '@/lib/auth/roles'
import { EMAIL_UNAVAILABLE_WARNING, emailUnavailable } from '@/lib/email/status'

import styles from './emailStatusBanner.module.css'

/** A banner on every admin page, for staff, when this site cannot send email. */
export function EmailStatusBanner({ user }: ServerProps) {
  if (!user || !isStaff(user) || !emailUnavailable()) return null
  return (
    <div className={styles.banner} role="status">
      <strong>Email is off.</strong> {EMAIL_UNAVAILABLE_WARNING}
    </div>
  )
}
