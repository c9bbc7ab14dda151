import 'server-only'

import { isAdmin } from '@/lib/auth/roles'
import { NOTIFICATIONS_SLUG } from '@/lib/jobs/kinds'
import type { User } from '@/payload-types'
import { getPayloadClient } from './payload'

/** How far back the admin banner looks: older failures are in Email → Emails sent. */
export const UNDELIVERED_WINDOW_DAYS = 30

export interface UndeliveredEmails {
  /** the mail server failed: the jobs retry these with back-off */
  retrying: number
  /** refused by the mail server, or no valid address: they need a correct address */
  undeliverable: number
}

/**
 * Emails of the last UNDELIVERED_WINDOW_DAYS days that have not gone out, as an admin may read
 * them (null for anyone else: the record of what was sent is the admins').
 */
export async function undeliveredEmails(user: unknown): Promise<UndeliveredEmails | null> {
  if (!isAdmin(user)) return null
  const payload = await getPayloadClient()
  const since = new Date(Date.now() - UNDELIVERED_WINDOW_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const count = async (statuses: string[]) =>
    (
      await payload.count({
        collection: NOTIFICATIONS_SLUG,
        where: { and: [{ status: { in: statuses } }, { updatedAt: { greater_than: since } }] },
        user: user as User,
        overrideAccess: false,
      })
    ).totalDocs
  return { retrying: await count(['failed']), undeliverable: await count(['refused', 'skipped']) }
}
