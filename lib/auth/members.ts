import 'server-only'

import { isValidID, type Payload } from 'payload'

import { isLapsed } from '@/lib/auth/roles'
import type { Member } from '@/payload-types'

export type MemberId = Member['id'] | string

/** What a session is bound to besides the member's id (lib/auth/options.ts puts it in the token). */
export interface SessionBinding {
  memberNumber?: unknown
  sessionVersion?: unknown
}

/**
 * The member behind a session, read fresh on every request so a role change, deactivation or
 * lapse takes effect at once. The member reads their own record (access rules apply); null when
 * the account is gone or no longer in good standing, and — given the session's `binding` — when
 * the record's member number or session version is not the one signed in at (a password change,
 * a lapse, "sign out everywhere", or an id now used by someone else).
 */
export async function memberInGoodStanding(
  payload: Payload,
  id: MemberId,
  binding?: SessionBinding,
): Promise<Member | null> {
  // A session can outlive its database (a number from SQLite shown to MongoDB, whose ids are
  // ObjectIds): an id of the wrong shape is nobody, not an error.
  if (!isMemberIdShape(payload, id)) return null
  const member = await payload.findByID({
    collection: 'members',
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    user: { id, collection: 'members' },
  })
  if (!member) return null
  if (binding) {
    if (binding.memberNumber !== member.username) return null
    if (binding.sessionVersion !== (await sessionVersionOf(payload, member.id))) return null
  }
  const withCollection: Member = { ...member, collection: 'members' }
  return isLapsed(withCollection) ? null : withCollection
}

/** A member's current session version (a hidden field: read by the server alone). */
export async function sessionVersionOf(payload: Payload, id: MemberId): Promise<number | null> {
  const row = (await payload.db.findOne({
    collection: 'members',
    where: { id: { equals: id } },
    select: { sessionVersion: true },
  })) as { sessionVersion?: number | null } | null
  if (!row) return null
  return row.sessionVersion ?? 0
}

/** Whether `id` has the shape of this database's member ids (numbers on SQLite, ObjectIds on MongoDB). */
function isMemberIdShape(payload: Payload, id: MemberId): boolean {
  const custom = payload.collections.members?.customIDType
  if (custom) return isValidID(id, custom)
  if (payload.db.name === 'mongoose') return typeof id === 'string' && isValidID(id, 'ObjectID')
  return isValidID(id, payload.db.defaultIDType)
}

/**
 * The member whose email an identity provider vouched for (OpenID Connect sign-in). There is no
 * person to act as yet, so this one lookup runs with access control off; it returns the record
 * only to decide whether sign-in may go ahead.
 */
export async function memberByEmail(payload: Payload, email: string): Promise<Member | null> {
  const found = await payload.find({
    collection: 'members',
    where: { email: { equals: email.toLowerCase() } },
    limit: 2,
    depth: 0,
    overrideAccess: true,
  })
  // two accounts sharing an email cannot be told apart: refuse rather than guess
  if (found.docs.length !== 1 || !found.docs[0]) return null
  return { ...found.docs[0], collection: 'members' }
}
