import Link from 'next/link'
import type { InputHTMLAttributes, ReactNode } from 'react'

import styles from './account.module.css'

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  id: string
  label: string
  hint?: ReactNode
  /** the form's error message element: described by it while the form shows an error */
  errorId?: string
  invalid?: boolean
}

/** A labelled input of the account forms, with its hint and the form's error wired to it. */
export function Field({ id, label, hint, errorId, invalid = false, ...input }: FieldProps) {
  const describedBy = [invalid && errorId, hint != null && `${id}-hint`].filter(Boolean).join(' ')
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <input
        className={styles.input}
        id={id}
        name={id}
        aria-invalid={invalid}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint != null ? (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
    </div>
  )
}

/** The member number, as every member form asks for it (the login name password managers fill in). */
export const MemberNumberField = (props: Omit<FieldProps, 'id' | 'label'>) => (
  <Field
    id="memberNumber"
    label="Member number"
    type="text"
    inputMode="numeric"
    autoComplete="username"
    required
    {...props}
  />
)

/** What a finished account form leaves: its message, announced, and where to go next. */
export function FormDone({ message, next }: { message: string; next: ReactNode }) {
  return (
    <div className={styles.form}>
      <p className={styles.success} role="status">
        {message}
      </p>
      {next}
    </div>
  )
}

export const BackToSignIn = () => <Link href="/login">Back to sign in</Link>
