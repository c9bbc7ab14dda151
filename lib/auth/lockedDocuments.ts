import type { SanitizedConfig } from 'payload'

import { isStaff } from './roles'

/** Payload's collection of edit locks ("currently being edited by …"). */
export const LOCKED_DOCUMENTS_SLUG = 'payload-locked-documents'

/**
 * Payload adds its edit-lock collection after the config is built, open to anyone signed in to
 * any auth collection: a member's token could list locks and lock a plan against the editors.
 * Locks are the admin's, so staff only.
 */
export function staffOnlyDocumentLocks(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === LOCKED_DOCUMENTS_SLUG)
  if (locks) {
    const staff = ({ req }: { req: { user?: unknown } }) => isStaff(req.user)
    locks.access = { ...locks.access, create: staff, read: staff, update: staff, delete: staff }
  }
  return config
}
