import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { AccountMenu } from '@/components/account/AccountMenu.client'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Lodestar', template: '%s · Lodestar' },
  description: "An association's strategic plan, and the work its sections do against it.",
  applicationName: 'Lodestar',
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#1b3a5c',
}

let renders = 0
/**
 * Names the render that produced a page: a page served from the cache keeps its stamp, a page
 * rendered again gets a new one (tests/e2e/revalidation.test.ts counts renders by it).
 */
const renderStamp = () => `${Date.now().toString(36)}.${process.pid}.${++renders}`

export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    // The print script (components/plan/PrintButton.tsx) adds `can-print` to this element before
    // React hydrates it: an expected difference on this one element's attributes, not its children.
    <html lang="en" suppressHydrationWarning>
      <body data-render={renderStamp()}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* the account slot asks who is signed in from the browser: the pages stay static */}
        <SiteHeader account={<AccountMenu />} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
