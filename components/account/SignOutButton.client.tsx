'use client'

import { signOut } from 'next-auth/react'
import { useState } from 'react'

import styles from './account.module.css'

/** Ends the member's next-auth session and returns to the home page. */
export function SignOutButton({ variant = 'header' }: { variant?: 'header' | 'page' }) {
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      className={variant === 'header' ? styles.headerButton : 'button button--secondary'}
      disabled={pending}
      onClick={() => {
        setPending(true)
        void signOut({ callbackUrl: '/' })
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
