import Link from 'next/link'

/** The site footer. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Published with Lodestar, open-source software for association strategic plans. Staff sign
          in at <Link href="/admin">the admin</Link>.
        </p>
      </div>
    </footer>
  )
}
