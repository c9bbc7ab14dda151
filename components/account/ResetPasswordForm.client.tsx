'use client'

import Link from 'next/link'
import { useActionState } from 'react'

import { resetPasswordAction, type FormState } from './actions'
import styles from './account.module.css'
import { Field, FormDone } from './FormParts'

/** Chooses a new password with the token from the reset email. */
export function ResetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {
    status: 'idle',
  })
  if (state.status === 'done') {
    return (
      <FormDone
        message={state.message}
        next={
          <Link className="button" href="/login">
            Sign in
          </Link>
        }
      />
    )
  }
  const error = state.status === 'error' ? state.message : null
  return (
    <form className={styles.form} action={action}>
      <p id="reset-error" className={styles.error} role="alert">
        {error}
      </p>
      <input type="hidden" name="token" value={token} />
      <Field
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        minLength={minLength}
        required
        invalid={error != null}
        errorId="reset-error"
        hint={`At least ${minLength} characters.`}
      />
      <Field
        id="confirm"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        invalid={error != null}
        errorId="reset-error"
      />
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Set new password'}
        </button>
      </div>
    </form>
  )
}
