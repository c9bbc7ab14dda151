'use client'

import { signIn } from 'next-auth/react'
import Link from 'next/link'
import { useEffect, useRef, useState, type FormEvent } from 'react'

import { signInErrorMessage } from '@/lib/auth/messages'
import styles from './account.module.css'
import { Field, MemberNumberField } from './FormParts'

export interface LoginFormProps {
  callbackUrl: string
  /** a message to show on arrival (e.g. after a refused single sign-on) */
  initialError: string | null
  /** the OpenID Connect provider's name, when single sign-on is configured */
  ssoName: string | null
}

/** Member number and password sign-in (next-auth Credentials provider `credentials`). */
export function LoginForm({ callbackUrl, initialError, ssoName }: LoginFormProps) {
  const [error, setError] = useState<string | null>(initialError)
  const [pending, setPending] = useState(false)
  const errorRef = useRef<HTMLParagraphElement>(null)
  // counts the messages shown, so the same message shown twice still moves focus again
  const [shown, setShown] = useState(0)

  // After the message is rendered, move focus to it: screen readers announce the problem and
  // keyboard users are at the top of the form. (An animation frame would not fire in a
  // background tab.)
  useEffect(() => {
    if (shown > 0) errorRef.current?.focus()
  }, [shown])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const memberNumber = String(form.get('memberNumber') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!memberNumber || !password) {
      show(signInErrorMessage('missing'))
      return
    }
    setPending(true)
    setError(null)
    const result = await signIn('credentials', {
      redirect: false,
      memberNumber,
      password,
      callbackUrl,
    })
    if (result?.ok && !result.error) {
      // a full navigation, so the header and every server component see the new session
      window.location.assign(callbackUrl)
      return
    }
    setPending(false)
    show(signInErrorMessage(result?.error ?? 'unavailable'))
  }

  function show(message: string | null) {
    setError(message)
    setShown((n) => n + 1)
  }

  const invalid = error != null
  return (
    <div className={styles.form}>
      <form className={styles.form} onSubmit={onSubmit} noValidate>
        <p id="login-error" className={styles.error} role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </p>
        <MemberNumberField
          invalid={invalid}
          errorId="login-error"
          hint="As printed on your membership card or renewal notice."
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          invalid={invalid}
          errorId="login-error"
        />
        <div className={styles.actions}>
          <button className="button" type="submit" disabled={pending} aria-busy={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
          <Link href="/login/forgot">Forgot your password?</Link>
        </div>
      </form>
      {ssoName ? (
        <>
          <p className={styles.divider}>or</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void signIn('oidc', { callbackUrl })}
          >
            Sign in with {ssoName}
          </button>
        </>
      ) : null}
    </div>
  )
}
