/** Pure role checks on the person behind a request (staff user or member): no Payload, no I/O. */
import { idOf, idsOf, type Relation } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'
import { associationTimeZone, membershipEndsAt } from '@/lib/auth/membershipEnd'

/** Staff roles in the Payload admin (docs/architecture.md, "Access control"). */
export const STAFF_ROLES = ['admin', 'editor', 'section-editor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Site roles of members who sign in with their member number. */
export const MEMBER_ROLES = ['member', 'board'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/** The person behind a request, as the access functions see it (Payload puts the collection on req.user). */
export interface Person {
  id: Id
  collection: string
  roles?: readonly string[] | null
  sections?: readonly Relation[] | null
  active?: boolean | null
  membershipExpires?: string | null
}

type MaybePerson = Person | null | undefined
const asPerson = (user: unknown): MaybePerson => user as MaybePerson

const hasRole = (user: MaybePerson, role: string): boolean => Boolean(user?.roles?.includes(role))

export const isStaff = (user: unknown): boolean => asPerson(user)?.collection === 'users'
export const isAdmin = (user: unknown): boolean => isStaff(user) && hasRole(asPerson(user), 'admin')
/** Admins and editors keep the plan itself. */
export const isEditor = (user: unknown): boolean =>
  isStaff(user) && (hasRole(asPerson(user), 'admin') || hasRole(asPerson(user), 'editor'))
export const isSectionEditor = (user: unknown): boolean =>
  isStaff(user) && !isEditor(user) && hasRole(asPerson(user), 'section-editor')

/**
 * True when a member's membership has lapsed (deactivated, or past the end of its last day in the
 * association's time zone, lib/auth/membershipEnd.ts).
 */
export function isLapsed(
  member: Pick<Person, 'active' | 'membershipExpires'>,
  now = new Date(),
  timeZone = associationTimeZone(),
): boolean {
  if (member.active === false) return true
  const expires = member.membershipExpires
  if (expires && membershipEndsAt(expires, timeZone).getTime() <= now.getTime()) return true
  return false
}

/** A signed-in member in good standing (lapsed members count as anonymous everywhere). */
export const isActiveMember = (user: unknown): boolean => {
  const person = asPerson(user)
  return person?.collection === 'members' && !isLapsed(person)
}
export const isBoard = (user: unknown): boolean =>
  isActiveMember(user) && hasRole(asPerson(user), 'board')

/** Board members and staff may download progress reports. */
export const canReadReports = (user: unknown): boolean => isStaff(user) || isBoard(user)

/** Section ids a staff user edits for. */
export function sectionIdsOf(user: unknown): Id[] {
  return idsOf(asPerson(user)?.sections)
}

/** Whether a section editor (or editor) may work on initiatives of this section. */
export function ownsSection(user: unknown, section: Relation): boolean {
  if (isEditor(user)) return true
  const id = idOf(section)
  return id != null && sectionIdsOf(user).some((own) => String(own) === String(id))
}

/**
 * The key under which a group of Local API reads made for one request shares what the read rules
 * look up (`context: { [READ_MEMO]: {} }`): Payload copies `req.context` shallowly for each
 * evaluation, so the object under it is the same for every read of the group, and it lives no
 * longer than the request.
 */
export const READ_MEMO = 'lodestarReadMemo'

/** What the read rules remember for one request (see READ_MEMO). */
export interface ReadMemo {
  publishedPlanIds?: Promise<Id[]>
}
