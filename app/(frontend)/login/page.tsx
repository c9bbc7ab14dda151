import type { Metadata } from 'next'
import Link from 'next/link'

import styles from '../../../components/account/account.module.css'
import { LoginForm } from '@/components/account/LoginForm.client'
import { SignOutButton } from '@/components/account/SignOutButton.client'
import { safeCallbackUrl } from '@/lib/auth/callback'
import { signInErrorMessage } from '@/lib/auth/messages'
import { getViewer } from '@/lib/auth/viewer'
import { env } from '@/lib/env'

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl))
  const error = signInErrorMessage(first(params.error))
  const viewer = await getViewer()

  if (viewer && !error) {
    return (
      <div className="container">
        <section className={styles.panel} aria-labelledby="signed-in-heading">
          <h1 id="signed-in-heading">You are signed in</h1>
          <p>
            Signed in as <strong>{viewer.name}</strong>
            {viewer.kind === 'staff' ? ' (staff, through the admin)' : ''}.
          </p>
          <div className={styles.actions}>
            <Link className="button" href={callbackUrl}>
              Continue
            </Link>
            {viewer.kind === 'member' ? <SignOutButton variant="page" /> : null}
          </div>
        </section>
      </div>
    )
  }

  return (
    <div className="container">
      <section className={styles.panel} aria-labelledby="login-heading">
        <h1 id="login-heading">Member sign-in</h1>
        <p className="muted">
          The planning dashboard is for association members. Sign in with your member number and
          password.
        </p>
        <LoginForm
          callbackUrl={callbackUrl}
          initialError={error}
          ssoName={env().oidc?.name ?? null}
        />
      </section>
    </div>
  )
}
