'use client'

import { Link, NavGroup, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/**
 * A nav group like the collections' ones, holding the link to one custom admin view (`path`
 * below the admin route); shown as the current page, not a link, while it is open.
 */
export function AdminNavLink({
  group,
  label,
  path,
  id,
}: {
  group: string
  label: string
  path: string
  id: string
}) {
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  const href = `${adminRoute}${path}`
  return (
    <NavGroup label={group}>
      {pathname === href ? (
        <div className="nav__link" id={id}>
          <div className="nav__link-indicator" />
          <span className="nav__link-label">{label}</span>
        </div>
      ) : (
        <Link className="nav__link" href={href} id={id} prefetch={false}>
          <span className="nav__link-label">{label}</span>
        </Link>
      )}
    </NavGroup>
  )
}
