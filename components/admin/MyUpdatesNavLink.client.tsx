'use client'

import { Link, NavGroup, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/** A nav group like the collections' ones, holding the link to "My updates". */
export function MyUpdatesNavLinkClient() {
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  const href = `${adminRoute}/my-updates`
  const active = pathname === href
  return (
    <NavGroup label="Reporting">
      {active ? (
        <div className="nav__link" id="nav-my-updates">
          <div className="nav__link-indicator" />
          <span className="nav__link-label">My updates</span>
        </div>
      ) : (
        <Link className="nav__link" href={href} id="nav-my-updates" prefetch={false}>
          <span className="nav__link-label">My updates</span>
        </Link>
      )}
    </NavGroup>
  )
}
