import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'
import { revalidateTag } from 'next/cache'

import { expireSharedTags } from '@/lib/cache/shared'
import { cacheTags, WORK_FIELDS } from '@/lib/data/tags'
import { idOf, idsOf, type Relation } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'
import { savedOnlyADraft } from './drafts'

/** the tags each request has expired already */
const expiredBy = new WeakMap<PayloadRequest, Set<string>>()

/**
 * Expires the given cache tags so the next visitor gets fresh pages. Seeds, imports and tests pass
 * `context.disableRevalidate`; outside a Next.js server (a CLI script) there is no cache to expire.
 * With several instances (REDIS_URL) the shared cache is expired before the save is answered.
 */
export async function expireTags(
  tags: Iterable<string>,
  req: PayloadRequest,
  context: RequestContext,
): Promise<void> {
  if (context.disableRevalidate) return
  // One save can run these hooks many times (a goal area's new number reaches its objectives and
  // their initiatives, a bulk edit saves each document): each tag is expired once per request.
  let done = expiredBy.get(req)
  if (!done) expiredBy.set(req, (done = new Set()))
  const unique = [...new Set(tags)].filter((tag) => !done.has(tag))
  for (const tag of unique) done.add(tag)
  if (unique.length === 0) return
  for (const tag of unique) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (err) {
      if (err instanceof Error && err.message.includes('static generation store missing')) {
        req.payload.logger.debug(`Not inside a Next.js server: cache tag ${tag} left alone`)
        return
      }
      throw err
    }
  }
  await expireSharedTags(unique)
}

/** Plans: the plan's pages and every list of plans; not for a draft the public cannot see. */
export const revalidatePlan: CollectionAfterChangeHook = async ({
  doc,
  operation,
  req,
  context,
}) => {
  if (context.disableRevalidate) return doc
  if (await savedOnlyADraft({ collection: 'plans', doc, operation, req })) return doc
  await expireTags([cacheTags.plans, cacheTags.plan(doc.id)], req, context)
  return doc
}

export const revalidatePlanDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.plans, cacheTags.plan(doc.id)], req, context)
  return doc
}

/** Goal areas and objectives: their plan's pages (and the plan it moved from). */
export const revalidatePlanContent: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  const plans = [idOf(doc.plan), idOf(previousDoc?.plan)].filter((id): id is Id => id != null)
  await expireTags(plans.map(cacheTags.plan), req, context)
  return doc
}

export const revalidatePlanContentDelete: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  const plan = idOf(doc.plan)
  if (plan != null) await expireTags([cacheTags.plan(plan)], req, context)
  return doc
}

/**
 * What the public pages count of an initiative (coverage, public initiatives per section). A save
 * that changes none of these (its title, summary, description, lead or progress) leaves the home
 * page and the plan page alone.
 */
const COUNTED_FIELDS = [
  'plan',
  'section',
  'objectives',
  'status',
  'visibility',
  '_status',
  'startDate',
  'targetDate',
  'completedDate',
] as const

type InitiativeVersion = Record<string, unknown> | undefined

/** The given fields of a version, comparable as a string (relations as ids, objectives sorted). */
const fieldsOf = (version: InitiativeVersion, fields: readonly string[]): string =>
  JSON.stringify(
    fields.map((field) => {
      const value = version?.[field]
      if (field === 'objectives')
        return idsOf(value as Relation[])
          .map(String)
          .sort()
      if (field === 'plan' || field === 'section') return String(idOf(value as Relation) ?? '')
      return value ?? null
    }),
  )

/** What changed between two versions of an initiative, for the pages that show it. */
const changedViews = (doc: InitiativeVersion, before: InitiativeVersion) => ({
  counts: fieldsOf(doc, COUNTED_FIELDS) !== fieldsOf(before, COUNTED_FIELDS),
  work: fieldsOf(doc, WORK_FIELDS) !== fieldsOf(before, WORK_FIELDS),
})

/**
 * The goal area of each objective an initiative's save has just read (planFromObjectives reads
 * them to check the plan): its afterChange needs them for the tags, with no second find. Set by
 * every initiative save before its write and taken by its own revalidateInitiative, so nothing
 * written in between can have moved them.
 */
const objectiveGoals = new WeakMap<PayloadRequest, Map<string, Id | null>>()

/** Remembers the goal areas of the objectives this save read (planFromObjectives). */
export function rememberObjectiveGoals(
  req: PayloadRequest,
  objectives: { id: Id; goal?: unknown }[],
): void {
  objectiveGoals.set(
    req,
    new Map(objectives.map((o) => [String(o.id), idOf(o.goal as Relation) ?? null])),
  )
}

/** The goal-area page tags of these objectives (each goal area's plan and number). */
async function goalAreaTags(
  req: PayloadRequest,
  objectives: Id[],
  known: Map<string, Id | null> = new Map(),
): Promise<string[]> {
  if (objectives.length === 0) return []
  const missing = objectives.filter((id) => !known.has(String(id)))
  const found = missing.length
    ? await req.payload.find({
        collection: 'objectives',
        where: { id: { in: missing } },
        depth: 0,
        pagination: false,
        select: { goal: true },
        req,
      })
    : { docs: [] }
  const goalOf = [
    ...objectives.flatMap((id) => (known.has(String(id)) ? [known.get(String(id))] : [])),
    ...found.docs.map((o) => idOf(o.goal)),
  ]
  const goalIds = [...new Set(goalOf.filter((id) => id != null))]
  if (goalIds.length === 0) return []
  const goals = await req.payload.find({
    collection: 'goals',
    where: { id: { in: goalIds } },
    depth: 0,
    pagination: false,
    select: { plan: true, number: true },
    req,
  })
  return goals.docs.flatMap((goal) => {
    const plan = idOf(goal.plan)
    return plan != null ? [cacheTags.goalArea(plan, goal.number)] : []
  })
}

/**
 * The tags of what shows an initiative, before and after a change: its section's page and the
 * pages of the goal areas it serves; when it changes what they read, the plan's report and
 * dashboard data (WORK_FIELDS); when it changes what the pages count, the plan's coverage (home
 * page, plan page, plan PDF).
 */
async function initiativeTags(
  req: PayloadRequest,
  versions: { plan?: unknown; section?: unknown; objectives?: unknown }[],
  changed: { counts: boolean; work: boolean },
  knownGoals?: Map<string, Id | null>,
): Promise<string[]> {
  const tags: string[] = []
  const objectives: Id[] = []
  for (const version of versions) {
    const plan = idOf(version.plan as Relation)
    const section = idOf(version.section as Relation)
    if (plan != null) {
      if (changed.work) tags.push(cacheTags.planWork(plan))
      // the dashboard's data keeps the plan's initiatives per section: the old and the new one
      if (changed.work && section != null) tags.push(cacheTags.planWorkPart(plan, section))
      if (changed.counts) tags.push(cacheTags.planCoverage(plan))
    }
    if (section != null) tags.push(cacheTags.section(section))
    objectives.push(...idsOf(version.objectives as Relation[]))
  }
  tags.push(...(await goalAreaTags(req, [...new Set(objectives.map(String))], knownGoals)))
  return tags
}

/** Initiatives: the pages that show them (initiativeTags); not for a draft the public cannot see. */
export const revalidateInitiative: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  // this save's own objectives, read before its write (planFromObjectives): taken, not kept
  const knownGoals = objectiveGoals.get(req)
  objectiveGoals.delete(req)
  if (context.disableRevalidate) return doc
  if (await savedOnlyADraft({ collection: 'initiatives', doc, operation, req })) return doc
  const before = operation === 'create' ? undefined : previousDoc
  await expireTags(
    await initiativeTags(
      req,
      before ? [doc, before] : [doc],
      changedViews(doc, before),
      knownGoals,
    ),
    req,
    context,
  )
  return doc
}

export const revalidateInitiativeDelete: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  if (context.disableRevalidate) return doc
  await expireTags(await initiativeTags(req, [doc], { counts: true, work: true }), req, context)
  return doc
}

export const revalidateSection: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.sections, cacheTags.section(doc.id)], req, context)
  return doc
}

export const revalidateSectionDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.sections, cacheTags.section(doc.id)], req, context)
  return doc
}

/**
 * The copies an update holds of its initiative that decide who may read it and in which plan's
 * history it is (collections/access/roles.ts progressUpdatesReadWhere, lib/data/cycles.ts
 * closedUpdates). Its copy of the section is not among them: no read rule and nothing kept with
 * the closed history reads it (the numbers per section take the initiative's section now).
 */
const READ_COPIES = ['plan', 'visibility', 'published'] as const

const readCopiesChanged = (doc: Record<string, unknown>, before?: Record<string, unknown>) =>
  !before ||
  READ_COPIES.some((field) =>
    field === 'plan'
      ? String(idOf(doc.plan as Relation) ?? '') !== String(idOf(before.plan as Relation) ?? '')
      : (doc[field] ?? null) !== (before[field] ?? null),
  )

/**
 * The history tags of a progress update's plan(s), before and after a change: always the plan's
 * history (`plan:<id>:history`); its closed part (`plan:<id>:closed-history`) only when the change
 * can reach what a closed cycle's numbers read. An update in a cycle is written while that cycle
 * is open (guardProgressUpdate), and the closed part never holds an open cycle's updates; an
 * update outside any cycle, new copies of its initiative's plan, visibility or publication (who
 * may read it: READ_COPIES) or a deletion can reach it. A new copy of its section alone cannot:
 * a move to another section keeps the closed part and the states kept with it, and the closed
 * cycles' numbers recount the two sections' initiatives (their fingerprints changed).
 */
function progressUpdateTags(
  versions: { plan?: unknown; cycle?: unknown }[],
  closedToo: boolean,
): string[] {
  const tags: string[] = []
  const outsideCycles = versions.some((v) => idOf(v.cycle as Relation) == null)
  for (const version of versions) {
    const plan = idOf(version.plan as Relation)
    if (plan == null) continue
    tags.push(cacheTags.planHistory(plan))
    if (closedToo || outsideCycles) tags.push(cacheTags.planClosedHistory(plan))
  }
  return tags
}

/** Progress updates: the history of their plan (progressUpdateTags). */
export const revalidateProgressUpdate: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context.disableRevalidate) return doc
  const versions = operation === 'create' || !previousDoc ? [doc] : [doc, previousDoc]
  const newCopies = Boolean(context.syncInitiativeCopies) && readCopiesChanged(doc, previousDoc)
  await expireTags(progressUpdateTags(versions, newCopies), req, context)
  return doc
}

export const revalidateProgressUpdateDelete: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  await expireTags(progressUpdateTags([doc], true), req, context)
  return doc
}

/** Cycles: the plan's history, closed part included (a cycle that closes moves the frozen line). */
export const revalidateCycle: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  const plan = idOf(doc.plan as Relation)
  if (plan != null) {
    await expireTags([cacheTags.planHistory(plan), cacheTags.planClosedHistory(plan)], req, context)
  }
  return doc
}

export const revalidateCycleDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  const plan = idOf(doc.plan as Relation)
  if (plan != null) {
    await expireTags([cacheTags.planHistory(plan), cacheTags.planClosedHistory(plan)], req, context)
  }
  return doc
}
