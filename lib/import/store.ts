/**
 * Stores what readPlan() read: a new plan (never over an existing one), its goal areas and
 * objectives, and for a JSON export also its sections and initiatives — all in one transaction,
 * so a plan that fails half-way leaves nothing behind. Where the database has no transactions
 * (a standalone MongoDB, FerretDB) every document the import created is deleted again, newest
 * first, before the error goes on; a plan becomes the site's current plan only by the last write,
 * so a failed import never unmarks the plan that was current. Imports never expire the site's caches
 * themselves (`context.disableRevalidate`); the endpoint does it once after a published import.
 */
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { Objective, Section } from '@/payload-types'
import type { PlanExportDocument } from '@/lib/export/document'
import type { Id } from '@/lib/plan/types'
import { planProblems, type ImportProblem } from './check'
import type { PlanReading } from './index'
import { slugify, SLUG_PATTERN } from '@/lib/format/slug'
import { writeParsedPlan } from './write'

export const IMPORT_CONTEXT = { disableRevalidate: true } as const

export interface StorePlanOptions {
  /** publish the plan (otherwise it is saved as a draft) */
  publish: boolean
  /** the web address to use instead of the one read from the plan */
  slug?: string
  /** acting for a person: their user, and access control applies */
  user?: PayloadRequest['user']
}

export interface StoredPlan {
  id: Id
  slug: string
  title: string
  goals: number
  objectives: number
  sections: number
  initiatives: number
  /** sections the JSON named that already existed and were used as they are */
  reusedSections: string[]
}

/** Why an import did not happen, with the HTTP status that says so. */
export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 409 | 413 | 422,
    readonly problems: ImportProblem[] = [{ message }],
  ) {
    super(message)
    this.name = 'ImportRefused'
  }
}

/** Writes the plan that `reading` holds; throws ImportRefused when it cannot (nothing written). */
export async function storePlan(
  payload: Payload,
  reading: PlanReading,
  options: StorePlanOptions,
): Promise<StoredPlan> {
  const problems = [
    ...reading.problems,
    ...(options.publish ? planProblems(reading.plan, reading.warnings, { publish: true }) : []),
  ]
  const unique = [...new Map(problems.map((p) => [p.message, p])).values()]
  if (unique.length > 0) {
    throw new ImportRefused(unique.map((p) => p.message).join(' '), 422, unique)
  }
  const slug = options.slug?.trim() ? slugify(options.slug) : reading.slug
  if (!slug || !SLUG_PATTERN.test(slug)) {
    throw new ImportRefused(
      'The plan needs a web address (slug) of lowercase letters, digits and hyphens.',
      422,
    )
  }

  const req = await createLocalReq(
    { context: { ...IMPORT_CONTEXT }, user: options.user ?? undefined },
    payload,
  )
  const access = options.user
    ? { user: options.user, overrideAccess: false as const }
    : { overrideAccess: true as const }
  const existing = await payload.find({
    collection: 'plans',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
    select: { title: true },
    overrideAccess: true,
    req,
  })
  if (existing.docs[0]) {
    throw new ImportRefused(
      `A plan with the address "${slug}" already exists ("${existing.docs[0].title}"). ` +
        'Nothing was imported; choose another address (slug) for this one.',
      409,
    )
  }

  const started = await initTransaction(req)
  const written: Written[] = []
  const track = (collection: Written['collection'], id: Id) => written.push({ collection, id })
  try {
    const stored = reading.document
      ? await writeDocument(payload, reading.document, slug, options.publish, req, access, track)
      : await writeText(payload, reading, slug, options.publish, req, options.user, track)
    if (started) await commitTransaction(req)
    return stored
  } catch (err) {
    if (started) await killTransaction(req)
    else await undoWrites(payload, written, req)
    throw err
  }
}

interface Written {
  collection: 'plans' | 'goals' | 'objectives' | 'sections' | 'initiatives' | 'cycles'
  id: Id
}

/**
 * The plan's reporting history from a JSON export: each cycle opened, its updates written with
 * their own submission dates, then closed on its own date — replayed as the system (the person
 * was allowed to import the plan; its history is the file's, not theirs, and closed cycles are
 * frozen). An update from before reporting cycles (no status) takes the initiative's values.
 */
async function writeHistory(
  payload: Payload,
  document: PlanExportDocument,
  plan: Id,
  initiatives: { id: Id; entry: PlanExportDocument['initiatives'][number] }[],
  req: PayloadRequest,
  track: (collection: Written['collection'], id: Id) => void,
) {
  const system = Object.assign(Object.create(Object.getPrototypeOf(req) as object), req, {
    user: null,
  }) as PayloadRequest
  const common = { req: system, overrideAccess: true as const, depth: 0 }
  const cycleIds = new Map<string, Id>()
  const pending = (name: string | null) =>
    initiatives.flatMap(({ id, entry }) =>
      entry.updates.filter((u) => (u.cycle ?? null) === name).map((u) => ({ id, entry, u })),
    )
  const writeUpdates = async (name: string | null, cycle: Id | null) => {
    for (const { id, entry, u } of pending(name)) {
      await payload.create({
        collection: 'progress-updates',
        data: {
          initiative: id as number,
          cycle: cycle as number | null,
          status: u.status ?? entry.status,
          progress: u.progress ?? entry.progress ?? 0,
          note: u.note,
          submittedAt: u.date,
        },
        ...common,
      })
    }
  }
  for (const cycle of document.cycles) {
    const doc = await payload.create({
      collection: 'cycles',
      data: {
        plan: plan as number,
        name: cycle.name,
        asOf: cycle.asOf,
        opensOn: cycle.opensOn,
        dueOn: cycle.dueOn,
        instructions: cycle.instructions,
        state: cycle.state === 'draft' ? 'draft' : 'open',
      },
      ...common,
    })
    track('cycles', doc.id)
    cycleIds.set(cycle.name, doc.id)
    if (cycle.state !== 'draft') await writeUpdates(cycle.name, doc.id)
    if (cycle.state === 'closed') {
      await payload.update({
        collection: 'cycles',
        id: doc.id,
        data: { state: 'closed', ...(cycle.closedAt ? { closedAt: cycle.closedAt } : {}) },
        ...common,
      })
    }
  }
  const unknown = initiatives.flatMap(({ entry }) =>
    entry.updates.filter((u) => u.cycle != null && !cycleIds.has(u.cycle)).map((u) => u.cycle),
  )
  if (unknown.length > 0) {
    throw new ImportRefused(
      `Updates name unknown cycles: ${[...new Set(unknown)].join(', ')}.`,
      422,
    )
  }
  await writeUpdates(null, null)
}

/**
 * Without a transaction: deletes what the failed import created, newest first (initiatives before
 * the objectives they serve, objectives before their goal area, the plan last). As the system,
 * since the person may not delete what they just created; never hides the import's own error.
 */
async function undoWrites(payload: Payload, written: Written[], req: PayloadRequest) {
  // newest first, except that cycles go once the initiatives (and so their updates) are gone:
  // a cycle with updates is history and refuses to be deleted
  const reversed = [...written].reverse()
  const order = reversed.filter((w) => w.collection !== 'cycles')
  let at = 0
  order.forEach((w, index) => {
    if (w.collection === 'initiatives') at = index + 1
  })
  order.splice(at, 0, ...reversed.filter((w) => w.collection === 'cycles'))
  for (const { collection, id } of order) {
    try {
      await payload.delete({
        collection,
        id,
        overrideAccess: true,
        depth: 0,
        req,
        context: { ...req.context, ...IMPORT_CONTEXT },
      })
    } catch (err) {
      payload.logger.error({ err, msg: `Import clean-up could not delete ${collection} ${id}` })
    }
  }
}

async function writeText(
  payload: Payload,
  reading: PlanReading,
  slug: string,
  publish: boolean,
  req: PayloadRequest,
  user: PayloadRequest['user'] | undefined,
  track: (collection: Written['collection'], id: Id) => void,
): Promise<StoredPlan> {
  const written = await writeParsedPlan(payload, reading.plan, {
    slug,
    publish,
    req,
    context: req.context,
    user: user ?? undefined,
    onCreate: track,
  })
  return {
    id: written.id,
    slug: written.slug,
    title: reading.plan.title,
    goals: written.goals,
    objectives: written.objectives,
    sections: 0,
    initiatives: 0,
    reusedSections: [],
  }
}

type Access = { user: PayloadRequest['user']; overrideAccess: false } | { overrideAccess: true }

/** A JSON export: the plan exactly as exported (rich text as is), then sections and initiatives. */
async function writeDocument(
  payload: Payload,
  document: PlanExportDocument,
  slug: string,
  publish: boolean,
  req: PayloadRequest,
  access: Access,
  track: (collection: Written['collection'], id: Id) => void,
): Promise<StoredPlan> {
  const common = { req, depth: 0, context: req.context, ...access }
  const { plan } = document
  const created = await payload.create({
    collection: 'plans',
    draft: !publish,
    data: {
      title: plan.title,
      slug,
      organization: plan.organization,
      startYear: plan.startYear,
      endYear: plan.endYear,
      adoptedOn: plan.adoptedOn,
      adoptedBy: plan.adoptedBy,
      lastRevised: plan.lastRevised,
      objectiveLabel: plan.objectiveLabel,
      preamble: plan.preamble,
      vision: plan.vision,
      mission: plan.mission,
      values: plan.values.map((value) => ({ value })),
      // made current by the last write below, once everything else is stored
      current: false,
      _status: publish ? 'published' : 'draft',
    },
    ...common,
  })
  track('plans', created.id)

  const objectiveIds = new Map<string, Objective['id']>()
  let objectives = 0
  for (const goal of document.goals) {
    const goalDoc = await payload.create({
      collection: 'goals',
      data: {
        plan: created.id,
        number: goal.number,
        title: goal.title,
        description: goal.description,
      },
      ...common,
    })
    track('goals', goalDoc.id)
    for (const objective of goal.objectives) {
      const objectiveDoc = await payload.create({
        collection: 'objectives',
        data: { goal: goalDoc.id, number: objective.number, text: objective.text },
        ...common,
      })
      track('objectives', objectiveDoc.id)
      objectiveIds.set(`${goal.number}.${objective.number}`, objectiveDoc.id)
      objectives++
    }
  }

  const sectionIds = new Map<string, Section['id']>()
  const reusedSections: string[] = []
  for (const section of document.sections) {
    const found = await payload.find({
      collection: 'sections',
      where: { slug: { equals: section.slug } },
      limit: 1,
      ...common,
    })
    if (found.docs[0]) {
      sectionIds.set(section.slug, found.docs[0].id)
      reusedSections.push(section.slug)
      continue
    }
    const doc = await payload.create({
      collection: 'sections',
      data: {
        slug: section.slug,
        name: section.name,
        abbreviation: section.abbreviation,
        kind: section.kind,
        description: section.description,
      },
      ...common,
    })
    track('sections', doc.id)
    sectionIds.set(section.slug, doc.id)
  }

  const initiativeIds: { id: Id; entry: (typeof document.initiatives)[number] }[] = []
  for (const initiative of document.initiatives) {
    const section = sectionIds.get(initiative.section)
    if (section === undefined)
      throw new ImportRefused(`Unknown section "${initiative.section}".`, 422)
    const served = initiative.objectives.map((code) => {
      const id = objectiveIds.get(code)
      if (id === undefined) throw new ImportRefused(`Unknown objective ${code}.`, 422)
      return id
    })
    const initiativeDoc = await payload.create({
      collection: 'initiatives',
      draft: initiative._status === 'draft',
      data: {
        title: initiative.title,
        section,
        objectives: served,
        summary: initiative.summary,
        description: initiative.description,
        status: initiative.status,
        visibility: initiative.visibility,
        startDate: initiative.startDate,
        targetDate: initiative.targetDate,
        completedDate: initiative.completedDate,
        progress: initiative.progress,
        lead: initiative.lead,
        _status: initiative._status,
      },
      ...common,
    })
    track('initiatives', initiativeDoc.id)
    initiativeIds.push({ id: initiativeDoc.id, entry: initiative })
  }

  await writeHistory(payload, document, created.id, initiativeIds, req, track)

  // only a published plan can be the one the site opens with; this unmarks the plan that was
  if (publish && plan.current) {
    await payload.update({
      collection: 'plans',
      id: created.id,
      data: { current: true },
      ...common,
    })
  }

  return {
    id: created.id,
    slug,
    title: plan.title,
    goals: document.goals.length,
    objectives,
    sections: document.sections.length - reusedSections.length,
    initiatives: document.initiatives.length,
    reusedSections,
  }
}
