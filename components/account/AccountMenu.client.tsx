'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { lazy, Suspense, useEffect, useState } from 'react'

import { parseViewerSummary, type ViewerSummary } from '@/lib/account/viewerSummary'
import styles from './account.module.css'
import slot from './AccountMenu.module.css'

// next-auth's client code is fetched only when a member is signed in, not on every public page.
const SignOutButton = lazy(() =>
  import('./SignOutButton.client').then((m) => ({ default: m.SignOutButton })),
)

type State = { status: 'loading' } | { status: 'known'; viewer: ViewerSummary | null }

/** Asks the server who is signed in; null (a sign-in link) when the answer is anything else. */
async function fetchViewer(signal: AbortSignal): Promise<ViewerSummary | null> {
  const res = await fetch('/api/viewer', {
    cache: 'no-store',
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal,
  })
  if (!res.ok) return null
  return parseViewerSummary(await res.json())
}

/**
 * The header's account slot: who is signed in and how to sign out (members) or reach the admin
 * (staff), or a sign-in link. The pages around it are static and shared by everyone, so it asks
 * GET /api/viewer from the browser, again after each navigation. Without JavaScript it is a
 * sign-in link.
 */
export function AccountMenu() {
  const pathname = usePathname()
  const [state, setState] = useState<State>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    fetchViewer(controller.signal).then(
      (viewer) => setState({ status: 'known', viewer }),
      (err: unknown) => {
        if (controller.signal.aborted) return
        // offline or the server failed: offer sign-in rather than a blank slot
        console.error('Could not tell who is signed in', err)
        setState({ status: 'known', viewer: null })
      },
    )
    return () => controller.abort()
  }, [pathname])

  if (state.status === 'loading') {
    // Until the answer comes, an invisible sign-in link (what most visitors get) holds its place,
    // so the header does not shift; without JavaScript the style in <noscript> shows it.
    return (
      <div className={styles.account} data-account="loading">
        <Link href="/login" prefetch={false} className={slot.pending}>
          Sign in
        </Link>
        <noscript>
          <style>{`.${slot.pending}{visibility:visible}`}</style>
        </noscript>
      </div>
    )
  }
  const { viewer } = state
  if (!viewer) {
    return (
      <div className={styles.account} data-account="signed-out">
        {/* not prefetched: the sign-in page is rendered per request, and most public page views
            (all signed out) would each ask the server for it twice */}
        <Link href="/login" prefetch={false}>
          Sign in
        </Link>
      </div>
    )
  }
  return (
    <div className={styles.account} data-account={viewer.kind}>
      <span>
        <span className="visually-hidden">Signed in as </span>
        <strong data-testid="account-name">{viewer.name}</strong>
        {viewer.isBoard ? ' · Board' : viewer.kind === 'staff' ? ' · Staff' : null}
      </span>
      {viewer.kind === 'member' ? (
        <Suspense
          fallback={
            // the same button, inactive for the moment its code takes to load: nothing shifts
            <button type="button" className={styles.headerButton} disabled>
              Sign out
            </button>
          }
        >
          <SignOutButton />
        </Suspense>
      ) : (
        <Link href="/admin" prefetch={false}>
          Admin
        </Link>
      )}
    </div>
  )
}
