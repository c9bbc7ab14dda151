'use client'

import { useActionState } from 'react'

import { requestPasswordResetAction, type FormState } from './actions'
import styles from './account.module.css'
import { BackToSignIn, FormDone, MemberNumberField } from './FormParts'

/** Asks for a password reset link by member number (Payload's forgot-password flow). */
export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(requestPasswordResetAction, {
    status: 'idle',
  })
  if (state.status === 'done') return <FormDone message={state.message} next={<BackToSignIn />} />
  const error = state.status === 'error' ? state.message : null
  return (
    <form className={styles.form} action={action}>
      <p id="forgot-error" className={styles.error} role="alert">
        {error}
      </p>
      <MemberNumberField invalid={error != null} errorId="forgot-error" />
      <div className={styles.actions}>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Email me a reset link'}
        </button>
        <BackToSignIn />
      </div>
    </form>
  )
}
