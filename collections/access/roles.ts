import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { Relation } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'
import {
  isActiveMember,
  isAdmin,
  isEditor,
  isSectionEditor,
  isStaff,
  ownsSection,
  READ_MEMO,
  sectionIdsOf,
  type Person,
  type ReadMemo,
} from '@/lib/auth/roles'

const asPerson = (user: unknown): Person | null | undefined => user as Person | null | undefined

type AccessArgs = { req: Pick<PayloadRequest, 'user'> }

export const anyone: Access = () => true
export const nobody: Access = () => false
export const staffOnly = ({ req: { user } }: AccessArgs): boolean => isStaff(user)
export const editorsOnly = ({ req: { user } }: AccessArgs): boolean => isEditor(user)
export const adminsOnly = ({ req: { user } }: AccessArgs): boolean => isAdmin(user)
export const adminFieldOnly: FieldAccess = ({ req: { user } }) => isAdmin(user)
export const staffFieldOnly: FieldAccess = ({ req: { user } }) => isStaff(user)

/** A collection editors keep: read by `read`, created, changed and deleted by editors and admins. */
export const editedByEditors = (read: Access) => ({
  read,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
})

/** A record only the jobs write (an email sent, an archived report): never edited, admins delete. */
export const writtenByJobs = (read: Access) => ({
  read,
  create: nobody,
  update: nobody,
  delete: adminsOnly,
})

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
 * transaction. Payload hands each access evaluation its own copy of the request and context, so
 * nothing is remembered between evaluations, except within a group of reads that shares a
 * READ_MEMO object in its context (lib/data: one request's reads), which never outlives it.
 */
export function publishedPlanIds(req: PayloadRequest): Promise<Id[]> {
  const memo = req.context?.[READ_MEMO] as ReadMemo | undefined
  if (!memo) return lookUpPublishedPlanIds(req)
  memo.publishedPlanIds ??= lookUpPublishedPlanIds(req)
  return memo.publishedPlanIds
}

async function lookUpPublishedPlanIds(req: PayloadRequest): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'plans',
    where: PUBLISHED,
    select: { slug: true },
    depth: 0,
    pagination: false,
    // nor the plans' join of their goal areas (on MongoDB a find and a count of its own)
    joins: false,
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
export const readPlanContent = async ({
  req,
}: {
  req: PayloadRequest
}): Promise<boolean | Where> =>
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
export const readInitiatives = async ({
  req,
}: {
  req: PayloadRequest
}): Promise<boolean | Where> =>
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
 * name and password; member number, email and roles are admins' fields). A lapsed member's leftover
 * token reads no member record, like anyone anonymous.
 */
export const selfMemberOrAdmin = ({ req: { user } }: AccessArgs): boolean | Where => {
  if (isAdmin(user)) return true
  const person = asPerson(user)
  if (person && isActiveMember(person)) return { id: { equals: person.id } }
  return false
}

/**
 * Progress updates: the initiatives' read rule, asked of the copies each update keeps of its
 * initiative (`published`, `plan`, `visibility`), so no read joins through the relationship
 * (see inPlans for why that matters on SQLite).
 */
export const progressUpdatesReadWhere = (
  user: unknown,
  published: readonly Id[],
): boolean | Where => {
  const rule = initiativesReadWhere(user, published)
  const onCopies = (where: Where): Where =>
    Object.fromEntries(
      Object.entries(where).map(([field, condition]) =>
        field === 'and' || field === 'or'
          ? [field, (condition as Where[]).map(onCopies)]
          : field === '_status'
            ? ['published', { equals: (condition as { equals?: unknown }).equals === 'published' }]
            : [field, condition],
      ),
    )
  return typeof rule === 'boolean' ? rule : onCopies(rule)
}

/** Progress updates' read access (see progressUpdatesReadWhere). */
export const readProgressUpdates = async ({
  req,
}: {
  req: PayloadRequest
}): Promise<boolean | Where> =>
  isStaff(req.user) ? true : progressUpdatesReadWhere(req.user, await publishedPlanIds(req))

/**
 * Create a progress update: editors, and section editors with a section (the beforeChange hook
 * confines them to their sections' initiatives: access functions make no queries).
 */
export const createProgressUpdates = ({ req: { user } }: AccessArgs): boolean =>
  isEditor(user) || (isSectionEditor(user) && sectionIdsOf(user).length > 0)

/** Change a progress update: editors all, section editors those of their sections' initiatives. */
export const changeProgressUpdates = changeInitiatives
