import 'server-only'

import { isValidID, type Payload } from 'payload'

import { isLapsed } from '@/lib/auth/roles'
import type { Member } from '@/payload-types'

export type MemberId = Member['id'] | string

/**
 * The member behind a session, read fresh on every request so a role change, deactivation or
 * lapse takes effect at once. The member reads their own record (access rules apply); null when
 * the account is gone or no longer in good standing.
 */
export async function memberInGoodStanding(payload: Payload, id: MemberId): Promise<Member | null> {
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
  const withCollection: Member = { ...member, collection: 'members' }
  return isLapsed(withCollection) ? null : withCollection
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
