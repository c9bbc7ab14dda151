import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { Id } from '../../lib/plan/types'

/** Staff roles in the Payload admin (DESIGN.md, "People"). */
export const STAFF_ROLES = ['admin', 'editor', 'section-editor'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

/** Site roles of members who sign in with their member number. */
export const MEMBER_ROLES = ['member', 'board'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

type Relation = Id | { id: Id } | null | undefined

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

/** True when a member's membership has lapsed (expired or deactivated). */
export function isLapsed(
  member: Pick<Person, 'active' | 'membershipExpires'>,
  now = new Date(),
): boolean {
  if (member.active === false) return true
  if (member.membershipExpires && new Date(member.membershipExpires).getTime() < now.getTime())
    return true
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

const idOf = (relation: Relation): Id | undefined =>
  relation == null ? undefined : typeof relation === 'object' ? relation.id : relation

/** Section ids a staff user edits for. */
export function sectionIdsOf(user: unknown): Id[] {
  const person = asPerson(user)
  return (person?.sections ?? []).map(idOf).filter((id): id is Id => id != null)
}

/** Whether a section editor (or editor) may work on initiatives of this section. */
export function ownsSection(user: unknown, section: Relation): boolean {
  if (isEditor(user)) return true
  const id = idOf(section)
  return id != null && sectionIdsOf(user).some((own) => String(own) === String(id))
}

type AccessArgs = { req: Pick<PayloadRequest, 'user'> }

export const anyone: Access = () => true
export const nobody: Access = () => false
export const staffOnly = ({ req: { user } }: AccessArgs): boolean => isStaff(user)
export const editorsOnly = ({ req: { user } }: AccessArgs): boolean => isEditor(user)
export const adminsOnly = ({ req: { user } }: AccessArgs): boolean => isAdmin(user)
export const adminFieldOnly: FieldAccess = ({ req: { user } }) => isAdmin(user)
export const staffFieldOnly: FieldAccess = ({ req: { user } }) => isStaff(user)

export const PUBLISHED: Where = { _status: { equals: 'published' } }

/**
 * "Its plan is one of these": the published plans' ids, listed. Not `plan._status`: a condition
 * through a relationship makes the SQLite adapter select every matching id first and then read
 * `WHERE id IN (…all of them…)`, one bound variable per document, which SQLite refuses past
 * 32,766 and which grows with the plan. With no plan published, a condition nothing meets.
 */
export const inPlans = (planIds: readonly Id[]): Where =>
  planIds.length > 0 ? { plan: { in: [...planIds] } } : { id: { exists: false } }

/**
 * The ids of the published plans (a handful: one small indexed query), read inside the request's
 * transaction. Not remembered between calls: Payload hands each access evaluation its own copy
 * of the request and context, and a remembered answer could outlive a plan's publication.
 */
export async function publishedPlanIds(req: PayloadRequest): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'plans',
    where: PUBLISHED,
    select: { slug: true },
    depth: 0,
    pagination: false,
    // a lookup for the rule itself: only the ids leave this function
    overrideAccess: true,
    req,
  })
  return docs.map((plan) => plan.id)
}

/** Plans: staff read everything, everyone else published plans only. */
export const readPlans = ({ req: { user } }: AccessArgs): boolean | Where =>
  isStaff(user) ? true : PUBLISHED

/** Goal areas and objectives, given the published plans: staff see all, others those of published plans. */
export const planContentReadWhere = (user: unknown, published: readonly Id[]): boolean | Where =>
  isStaff(user) ? true : inPlans(published)

/** Goal areas and objectives: visible when their plan is published (staff see all). */
export const readPlanContent = async ({ req }: { req: PayloadRequest }): Promise<boolean | Where> =>
  isStaff(req.user) ? true : planContentReadWhere(req.user, await publishedPlanIds(req))

/**
 * Initiatives: staff read all (drafts too); members in good standing read published public and
 * members-only initiatives of published plans; everyone else only published public ones.
 */
export const initiativesReadWhere = (user: unknown, published: readonly Id[]): boolean | Where => {
  if (isStaff(user)) return true
  const base: Where[] = [PUBLISHED, inPlans(published)]
  if (isActiveMember(user)) return { and: base }
  return { and: [...base, { visibility: { equals: 'public' } }] }
}

/** Initiatives' read access (see initiativesReadWhere), with the published plans looked up. */
export const readInitiatives = async ({ req }: { req: PayloadRequest }): Promise<boolean | Where> =>
  isStaff(req.user) ? true : initiativesReadWhere(req.user, await publishedPlanIds(req))

/** Create an initiative: editors always; section editors for their own sections only. */
export const createInitiatives = ({
  req: { user },
  data,
}: AccessArgs & { data?: { section?: Relation } }): boolean => {
  if (isEditor(user)) return true
  if (!isSectionEditor(user) || sectionIdsOf(user).length === 0) return false
  return data?.section == null || ownsSection(user, data.section)
}

/** Update or delete an initiative: editors all, section editors those of their sections. */
export const changeInitiatives = ({ req: { user } }: AccessArgs): boolean | Where => {
  if (isEditor(user)) return true
  if (!isSectionEditor(user)) return false
  const ids = sectionIdsOf(user)
  return ids.length > 0 ? { section: { in: ids } } : false
}

/** Staff users: admins manage all; other staff read and update their own account. */
export const selfOrAdmin = ({ req: { user } }: AccessArgs): boolean | Where => {
  if (isAdmin(user)) return true
  const person = asPerson(user)
  // ids of staff and members can coincide across the two collections: check the collection too
  if (!person || person.collection !== 'users') return false
  return { id: { equals: person.id } }
}

/** Staff user records are readable only by admins and by the person themselves. */
export const readUsers = selfOrAdmin

/**
 * Member records: admins all, a member in good standing their own (read, and update of their own
 * password/email). A lapsed member's leftover token reads nothing, like anyone anonymous.
 */
export const selfMemberOrAdmin = ({ req: { user } }: AccessArgs): boolean | Where => {
  if (isAdmin(user)) return true
  const person = asPerson(user)
  if (person && isActiveMember(person)) return { id: { equals: person.id } }
  return false
}
