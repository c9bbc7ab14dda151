import Link from 'next/link'

/** The site header: brand and primary navigation (server component, no client JavaScript). */
export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand">
          <span aria-hidden="true" className="brand__mark">
            ✦
          </span>
          Lodestar
        </Link>
        <nav aria-label="Main" className="site-nav">
          <ul>
            <li>
              <Link href="/">Plan</Link>
            </li>
            <li>
              {/* not prefetched: the dashboard is rendered per person (signed out, a redirect to
                  the sign-in page), so every public page view would ask the server for it, and
                  then for the sign-in page, for nothing (bench/public-pages/README.md) */}
              <Link href="/dashboard" prefetch={false}>
                Dashboard
              </Link>
            </li>
          </ul>
        </nav>
        {account ? <div className="site-header__account">{account}</div> : null}
      </div>
    </header>
  )
}
