import type { Metadata } from 'next'
import Link from 'next/link'

import styles from '../../../../components/account/account.module.css'
import { ResetPasswordForm } from '@/components/account/ResetPasswordForm.client'
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/passwordReset'

export const metadata: Metadata = {
  title: 'Choose a new password',
  robots: { index: false },
  // the token in the address must not leak to other sites
  referrer: 'no-referrer',
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams
  const value = Array.isArray(token) ? token[0] : token
  return (
    <div className="container">
      <section className={styles.panel} aria-labelledby="reset-heading">
        <h1 id="reset-heading">Choose a new password</h1>
        {value ? (
          <ResetPasswordForm token={value} minLength={MIN_PASSWORD_LENGTH} />
        ) : (
          <p>
            This page needs the link from your reset email.{' '}
            <Link href="/login/forgot">Ask for a new link</Link>.
          </p>
        )}
      </section>
    </div>
  )
}
