import Link from 'next/link'

import { getViewer } from '../../lib/auth/viewer'
import styles from './account.module.css'
import { SignOutButton } from './SignOutButton.client'

/** The header's account slot: who is signed in and how to sign out, or a sign-in link. */
export async function AccountMenu() {
  const viewer = await getViewer()
  if (!viewer) {
    return (
      <div className={styles.account}>
        <Link href="/login">Sign in</Link>
      </div>
    )
  }
  return (
    <div className={styles.account}>
      <span>
        <span className="visually-hidden">Signed in as </span>
        <strong data-testid="account-name">{viewer.name}</strong>
        {viewer.isBoard ? ' · Board' : viewer.kind === 'staff' ? ' · Staff' : null}
      </span>
      {viewer.kind === 'member' ? <SignOutButton /> : <Link href="/admin">Admin</Link>}
    </div>
  )
}
