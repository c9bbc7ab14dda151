import type { ServerProps } from 'payload'

import { isEditor } from '@/lib/auth/roles'
import { AdminNavLink } from './AdminNavLink.client'

/** "Import plan" in the admin's navigation, for editors only. */
export function ImportNavLink({ user }: ServerProps) {
  if (!user || !isEditor(user)) return null
  return <AdminNavLink group="Tools" label="Import plan" path="/import-plan" id="nav-import-plan" />
}
