import type { Metadata } from 'next'

import styles from '../../../../components/account/account.module.css'
import { ForgotPasswordForm } from '@/components/account/ForgotPasswordForm.client'
import { EMAIL_UNAVAILABLE_MESSAGE, emailUnavailable } from '@/lib/email/status'

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } }

// read at request time: whether this server can send email is known only when it runs
export const dynamic = 'force-dynamic'

export default function ForgotPasswordPage() {
  if (emailUnavailable()) {
    return (
      <div className="container">
        <section className={styles.panel} aria-labelledby="forgot-heading">
          <h1 id="forgot-heading">Forgot your password?</h1>
          <p role="status">{EMAIL_UNAVAILABLE_MESSAGE}</p>
        </section>
      </div>
    )
  }
  return (
    <div className="container">
      <section className={styles.panel} aria-labelledby="forgot-heading">
        <h1 id="forgot-heading">Forgot your password?</h1>
        <p className="muted">
          Enter your member number. We will email a link to choose a new password to the address on
          your membership record.
        </p>
        <ForgotPasswordForm />
      </section>
    </div>
  )
}
