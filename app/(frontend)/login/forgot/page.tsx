import type { Metadata } from 'next'

import styles from '../../../../components/account/account.module.css'
import { ForgotPasswordForm } from '@/components/account/ForgotPasswordForm.client'

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } }

export default function ForgotPasswordPage() {
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
