import type {
  CollectionAfterOperationHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
} from 'payload'
import { APIError } from 'payload'

import { isLapsed } from '@/lib/auth/roles'

/**
 * A member's sessions (the site's, and Payload tokens from a REST login) are bound to their
 * `sessionVersion`: every session records the version it was signed in at and counts only while
 * the member still has it (lib/auth/members.ts). The version goes up, ending every session at
 * once, when the password changes (a member's own PATCH, an admin's edit, a reset), when the
 * member lapses or is deactivated, when the member number changes, and on an admin's "sign out
 * everywhere".
 */
export const bumpSessionVersion: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
}) => {
  if (operation === 'create') return { ...data, sessionVersion: 0 }
  const before = (originalDoc ?? {}) as Record<string, unknown>
  const merged = { ...before, ...data }
  const current = typeof before.sessionVersion === 'number' ? before.sessionVersion : 0
  const changed =
    (typeof data.password === 'string' && data.password !== '') ||
    data.signOutEverywhere === true ||
    (data.username !== undefined && data.username !== before.username) ||
    (data.active !== undefined && data.active !== before.active) ||
    (isLapsed(merged as Parameters<typeof isLapsed>[0]) &&
      !isLapsed(before as Parameters<typeof isLapsed>[0]))
  const next: Record<string, unknown> = {
    ...data,
    sessionVersion: changed ? current + 1 : current,
  }
  // Payload's own sessions (REST tokens) end with the site's
  if (changed) next.sessions = []
  delete next.signOutEverywhere
  return next
}

/** A password reset ends every other session too (Payload's reset writes the row itself). */
export const bumpAfterReset: CollectionAfterOperationHook = async ({
  operation,
  result,
  req,
  collection,
}) => {
  if (operation !== 'resetPassword') return result
  const user = (result as { user?: { id?: number | string } } | undefined)?.user
  if (user?.id == null) return result
  const row = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { id: { equals: user.id } },
    req,
  })) as { sessionVersion?: number } | null
  await req.payload.db.updateOne({
    collection: collection.slug,
    id: user.id,
    data: { sessionVersion: (row?.sessionVersion ?? 0) + 1 },
    req,
    returning: false,
  })
  return result
}

/** A lapsed or deactivated member's Payload token cannot be refreshed into a new one. */
export const refuseLapsedRefresh: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'refresh') return args
  const user = req.user as Parameters<typeof isLapsed>[0] | null
  if (user && isLapsed(user)) {
    throw new APIError(
      'This membership has lapsed: the session cannot be renewed.',
      403,
      null,
      true,
    )
  }
  return args
}
