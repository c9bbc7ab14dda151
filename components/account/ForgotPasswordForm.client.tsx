'use client'

import Link from 'next/link'
import { useActionState } from 'react'

import { requestPasswordResetAction, type FormState } from './actions'
import styles from './account.module.css'

/** Asks for a password reset link by member number (Payload's forgot-password flow). */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(requestPasswordResetAction, {
    status: 'idle',
  })
  if (state.status === 'done') {
    return (
      <div className={styles.form}>
        <p className={styles.success} role="status">
          {state.message}
        </p>
        <Link href="/login">Back to sign in</Link>
      </div>
    )
  }
  const error = state.status === 'error' ? state.message : null
  return (
    <form className={styles.form} action={action}>
      <p id="forgot-error" className={styles.error} role="alert">
        {error}
      </p>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="memberNumber">
          Member number
        </label>
        <input
          className={styles.input}
          id="memberNumber"
          name="memberNumber"
          type="text"
          inputMode="numeric"
          autoComplete="username"
          required
          aria-invalid={error != null}
          aria-describedby={error ? 'forgot-error' : undefined}
        />
      </div>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Email me a reset link'}
        </button>
        <Link href="/login">Back to sign in</Link>
      </div>
    </form>
  )
}
