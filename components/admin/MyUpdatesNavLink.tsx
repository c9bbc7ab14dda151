import type { ServerProps } from 'payload'

import { isEditor, isSectionEditor } from '@/lib/auth/roles'
import { AdminNavLink } from './AdminNavLink.client'

/** "My updates" at the top of the admin's navigation, for section editors and editors. */
export function MyUpdatesNavLink({ user }: ServerProps) {
  if (!user || !(isEditor(user) || isSectionEditor(user))) return null
  return (
    <AdminNavLink group="Reporting" label="My updates" path="/my-updates" id="nav-my-updates" />
  )
}
