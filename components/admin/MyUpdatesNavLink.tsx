import type { ServerProps } from 'payload'

import { isEditor, isSectionEditor } from '@/lib/auth/roles'
import { MyUpdatesNavLinkClient } from './MyUpdatesNavLink.client'

/** "My updates" at the top of the admin's navigation, for section editors and editors. */
export function MyUpdatesNavLink({ user }: ServerProps) {
  if (!user || !(isEditor(user) || isSectionEditor(user))) return null
  return <MyUpdatesNavLinkClient />
}
