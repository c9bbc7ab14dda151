import type { ServerProps } from 'payload'

import { isEditor } from '../../collections/access/roles'
import { ImportNavLinkClient } from './ImportNavLink.client'

/** "Import plan" in the admin's navigation, for editors only. */
export function ImportNavLink({ user }: ServerProps) {
  if (!user || !isEditor(user)) return null
  return <ImportNavLinkClient />
}
