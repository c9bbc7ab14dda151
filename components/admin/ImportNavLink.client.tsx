'use client'

import { Link, NavGroup, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

/** A nav group like the collections' ones, holding the link to the import view. */
export function ImportNavLinkClient() {
  const pathname = usePathname()
  const {
    config: {
      routes: { admin: adminRoute },
    },
  } = useConfig()
  const href = `${adminRoute}/import-plan`
  const active = pathname === href
  return (
    <NavGroup label="Tools">
      {active ? (
        <div className="nav__link" id="nav-import-plan">
          <div className="nav__link-indicator" />
          <span className="nav__link-label">Import plan</span>
        </div>
      ) : (
        <Link className="nav__link" href={href} id="nav-import-plan" prefetch={false}>
          <span className="nav__link-label">Import plan</span>
        </Link>
      )}
    </NavGroup>
  )
}
