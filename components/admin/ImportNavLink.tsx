import type { ServerProps } from 'payload'

import { isEditor } from '@/lib/auth/roles'
import { ImportNavLinkClient } from './ImportNavLink.client'

/** "Import plan" in the admin's navigation, for editors only. */
export function ImportNavLink({ user }: ServerProps) {
  if (!user || !isEditor(user)) return null
  return <ImportNavLinkClient />
}
