'use client'

import Link from 'next/link'
import { useActionState } from 'react'

import { resetPasswordAction, type FormState } from './actions'
import styles from './account.module.css'

/** Chooses a new password with the token from the reset email. */
export function ResetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {
    status: 'idle',
  })
  if (state.status === 'done') {
    return (
      <div className={styles.form}>
        <p className={styles.success} role="status">
          {state.message}
        </p>
        <Link className="button" href="/login">
          Sign in
        </Link>
      </div>
    )
  }
  const error = state.status === 'error' ? state.message : null
  return (
    <form className={styles.form} action={action}>
      <p id="reset-error" className={styles.error} role="alert">
        {error}
      </p>
      <input type="hidden" name="token" value={token} />
      <div className={styles.field}>
        <label className={styles.label} htmlFor="password">
          New password
        </label>
        <input
          className={styles.input}
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          aria-invalid={error != null}
          aria-describedby="password-hint"
        />
        <span id="password-hint" className={styles.hint}>
          At least {minLength} characters.
        </span>
      </div>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="confirm">
          New password again
        </label>
        <input
          className={styles.input}
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error != null}
        />
      </div>
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Set new password'}
        </button>
      </div>
    </form>
  )
}
