import 'server-only'

import type { Where } from 'payload'
import { cache } from 'react'

import { isActiveMember, isStaff, READ_MEMO, type ReadMemo } from '@/lib/auth/roles'
import { idOf } from '@/lib/format/ids'
import { parseCoverageFilters, type QueryInput } from '@/lib/charts/filters'
import {
  computeCoverage,
  type Audience,
  type CoverageFilters,
  type CoverageInput,
  type PlanCoverage,
} from '@/lib/plan/coverage'
import type { InitiativeRecord } from '@/lib/plan/cycles'
import {
  INITIATIVE_STATUSES,
  VISIBILITIES,
  type GoalSummary,
  type Id,
  type ObjectiveSummary,
  type PlanSummary,
  type SectionSummary,
} from '@/lib/plan/types'
import { initiativeRecord } from './initiativeRecord'
import { getPayloadClient } from './payload'
import { cacheTags, WORK_SELECT } from './tags'
import { cachedParts, cachedView } from './viewCache'

/**
 * The dashboard's one data fetch. Everything the coverage numbers need for (plan, person) comes
 * from a fixed set of Local API finds — the plan by slug, its goal areas, its objectives, all
 * sections, and the plan's initiatives by their `plan` field —
 * each `depth: 0` with a `select` and no pagination, so the number of database queries does not
 * grow with the initiatives.
 * Every call acts as the person (`user` + `overrideAccess: false`): Payload's read access decides
 * which plans and initiatives they may see, and computeCoverage then drops what is unpublished.
 */

/** The signed-in person as the Local API takes it (`Viewer['user']` of lib/auth/viewer). */
export interface CoverageUser {
  id: Id
  collection: 'members' | 'users'
}

/** A plan as the dashboard's switcher lists it. */
export interface DashboardPlan extends PlanSummary {
  current: boolean
}

/** What the dashboard computes from: the raw summaries and the audience they are seen by. */
export interface CoverageData {
  input: CoverageInput & { initiatives: InitiativeRecord[] }
  audience: Audience
}

/** Members in good standing and staff see members-only initiatives; anyone else the public view. */
export const audienceOf = (user: CoverageUser): Audience =>
  isStaff(user) || isActiveMember(user) ? 'members' : 'public'

// Local API options every read made for a person carries.
const asPerson = (user: CoverageUser) => ({
  user,
  overrideAccess: false as const,
  depth: 0,
  pagination: false as const,
})

const PLAN_SELECT = {
  title: true,
  slug: true,
  organization: true,
  startYear: true,
  endYear: true,
  current: true,
  objectiveLabel: true,
} as const

interface PlanRow {
  id: Id
  title?: string | null
  slug?: string | null
  organization?: string | null
  startYear?: number | null
  endYear?: number | null
  current?: boolean | null
  objectiveLabel?: string | null
}

const toPlan = (doc: PlanRow): DashboardPlan => {
  const startYear = doc.startYear ?? new Date().getFullYear()
  return {
    id: doc.id,
    title: doc.title ?? '',
    slug: doc.slug ?? String(doc.id),
    organization: doc.organization ?? '',
    startYear,
    endYear: doc.endYear ?? startYear,
    current: doc.current === true,
    ...(doc.objectiveLabel?.trim() ? { objectiveLabel: doc.objectiveLabel.trim() } : {}),
  }
}

/** The plans this person may see, newest first (one query), for the plan switcher. */
export const listDashboardPlans = cache(async (user: CoverageUser): Promise<DashboardPlan[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'plans',
    sort: '-startYear',
    select: PLAN_SELECT,
    joins: false,
    ...asPerson(user),
  })
  return docs.map(toPlan)
})

/** The plan `/dashboard` opens with: the current one, else the newest this person may see. */
export const getCurrentDashboardPlan = cache(
  async (user: CoverageUser): Promise<DashboardPlan | null> => {
    const plans = await listDashboardPlans(user)
    return plans.find((p) => p.current) ?? plans[0] ?? null
  },
)

/** A plan by slug if this person may see it (one query; shared by the page and the data fetch). */
export const getDashboardPlan = cache(
  async (slug: string, user: CoverageUser): Promise<DashboardPlan | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'plans',
      where: { slug: { equals: slug } },
      limit: 1,
      select: PLAN_SELECT,
      // the plan's join fields (goal areas, …) are not wanted: their read rules would look the
      // published plans up, twice, for nothing
      joins: false,
      ...asPerson(user),
    })
    return docs[0] ? toPlan(docs[0]) : null
  },
)

/**
 * Loads the plan, goal areas, objectives, sections and initiatives for (slug, person): five
 * Local API calls at most whatever the plan's size, and none but the plan's when its data is
 * cached. Null when the plan does not exist for this person.
 *
 * In a Next.js server the data is kept in the data cache per kind of reader (readerOf) in
 * parts: the frame (goal areas, objectives, sections) under the plan's and the sections' tags,
 * and the initiatives per section under `plan:<id>:work:<section>` (planWorkPart), which a save
 * expires for the section the initiative was in and the one it is in now. A cold dashboard after
 * a save reads only that section's initiatives (one find for every part missing). Initiatives
 * are stored as compact rows (StoredInitiative): a plan of 50,000 takes about a third of the
 * memory its documents would (bench/coverage/README.md).
 */
export const loadCoverageData = cache(
  async (slug: string, user: CoverageUser): Promise<CoverageData | null> => {
    const plan = await getDashboardPlan(slug, user)
    if (!plan) return null
    const memo: ReadMemo = {}
    const frame = await loadFrame(plan, user, memo)
    const initiatives = await loadInitiatives(plan, user, frame.sections, memo)
    return { input: { plan, ...frame, initiatives }, audience: audienceOf(user) }
  },
)

/** The plan's goal areas, objectives and sections as this person sees them (from the cache). */
export const loadCoverageFrame = cache(
  async (slug: string, user: CoverageUser): Promise<PlanFrame | null> => {
    const plan = await getDashboardPlan(slug, user)
    return plan ? loadFrame(plan, user, {}) : null
  },
)

/**
 * Whose view cached data shows: members and staff read under different rules (staff also see
 * drafts), and within a kind every reader sees the same (the rules depend on roles, never on the
 * person). Board members read as members.
 */
export const readerOf = (user: CoverageUser): string => `${user.collection}:${audienceOf(user)}`

/**
 * Runs a Next.js data-cache function; outside a Next.js server (tests, benchmarks, scripts), where
 * there is no cache to read, runs `direct` instead.
 */
export async function outsideNextToo<T>(cached: () => Promise<T>, direct: () => Promise<T>) {
  try {
    return await cached()
  } catch (err) {
    if (err instanceof Error && err.message.includes('incrementalCache missing')) return direct()
    throw err
  }
}

/** What the dashboard reads of a plan besides its initiatives. */
export type PlanFrame = Pick<CoverageInput, 'goals' | 'objectives' | 'sections'>

/** The tags of everything computed from a plan's data: any change to it expires them. */
export const planWorkTags = (plan: Id): string[] => [
  cacheTags.plans,
  cacheTags.plan(plan),
  cacheTags.planWork(plan),
  cacheTags.sections,
]

/** The part of a plan's initiatives whose section the sections list does not name. */
const OTHER_PART = 'other'

async function loadFrame(plan: DashboardPlan, user: CoverageUser, memo: ReadMemo) {
  return cachedView(
    ['coverage-frame', String(plan.id), readerOf(user)],
    [cacheTags.plans, cacheTags.plan(plan.id), cacheTags.sections],
    () => fetchFrame(plan, user, memo),
  )
}

/**
 * A plan's goal areas, objectives and sections as this person may read them: three Local API
 * calls whatever the plan's size, whose read rules look the published plans up once between them
 * and the initiatives' find (READ_MEMO).
 */
async function fetchFrame(
  plan: DashboardPlan,
  user: CoverageUser,
  memo: ReadMemo,
): Promise<PlanFrame> {
  const payload = await getPayloadClient()
  const byPlan = { plan: { equals: plan.id } }
  const asThisPerson = { ...asPerson(user), context: { [READ_MEMO]: memo } }
  const [goalDocs, objectiveDocs, sectionDocs] = await Promise.all([
    payload.find({
      collection: 'goals',
      where: byPlan,
      sort: 'number',
      select: { number: true, title: true },
      // the goal areas' join of their objectives is not wanted: on MongoDB it is a find and a
      // count of its own (the objectives are read below)
      joins: false,
      ...asThisPerson,
    }),
    payload.find({
      collection: 'objectives',
      where: byPlan,
      sort: 'position',
      select: { goal: true, number: true, text: true, code: true },
      ...asThisPerson,
    }),
    payload.find({
      collection: 'sections',
      sort: 'name',
      select: { slug: true, name: true, abbreviation: true },
      ...asThisPerson,
    }),
  ])

  const goals: GoalSummary[] = goalDocs.docs.map((g) => ({
    id: g.id,
    number: g.number,
    title: g.title,
  }))
  const goalNumber = new Map(goals.map((g) => [String(g.id), g.number]))

  const objectives: ObjectiveSummary[] = objectiveDocs.docs.flatMap((o) => {
    const goal = idOf(o.goal)
    if (goal == null) return []
    const code = o.code || `${goalNumber.get(String(goal)) ?? '?'}.${o.number}`
    return [{ id: o.id, goal, number: o.number, text: o.text, code }]
  })

  const sections: SectionSummary[] = sectionDocs.docs.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    abbreviation: s.abbreviation ?? null,
  }))

  return { goals, objectives, sections }
}

/**
 * An initiative as the data cache keeps it: id, title, section, objectives, status and
 * visibility (their indexes in INITIATIVE_STATUSES and VISIBILITIES), published (1 or 0), start,
 * target and completion dates, progress, creation.
 */
type StoredInitiative = [
  Id,
  string,
  Id,
  Id[],
  number,
  number,
  0 | 1,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
]

const storeInitiative = (i: InitiativeRecord): StoredInitiative => [
  i.id,
  i.title,
  i.section,
  i.objectives,
  INITIATIVE_STATUSES.indexOf(i.status),
  VISIBILITIES.indexOf(i.visibility),
  i.published ? 1 : 0,
  i.startDate ?? null,
  i.targetDate ?? null,
  i.completedDate ?? null,
  i.progress ?? null,
  i.createdAt ?? null,
]

const unstoreInitiative = ([
  id,
  title,
  section,
  objectives,
  status,
  visibility,
  published,
  startDate,
  targetDate,
  completedDate,
  progress,
  createdAt,
]: StoredInitiative): InitiativeRecord => ({
  id,
  title,
  section,
  objectives,
  status: INITIATIVE_STATUSES[status]!,
  visibility: VISIBILITIES[visibility]!,
  published: published === 1,
  startDate,
  targetDate,
  completedDate,
  progress,
  createdAt,
})

/**
 * The plan's initiatives as this person may read them, in parts by section (and one for any
 * whose section the list does not name): the parts in the data cache as they are, the others in
 * one find. In the plan's order (by id) either way.
 */
async function loadInitiatives(
  plan: DashboardPlan,
  user: CoverageUser,
  sections: readonly SectionSummary[],
  memo: ReadMemo,
): Promise<InitiativeRecord[]> {
  const names = [...sections.map((s) => String(s.id)), OTHER_PART]
  const reader = readerOf(user)
  const parts = names.map((name) => ({
    key: ['coverage-initiatives', String(plan.id), reader, name],
    tags: [
      cacheTags.plans,
      cacheTags.plan(plan.id),
      cacheTags.sections,
      // what no section names moves with any save (it is empty unless a section disappeared)
      name === OTHER_PART ? cacheTags.planWork(plan.id) : cacheTags.planWorkPart(plan.id, name),
    ],
  }))
  const stored = await cachedParts(parts, async (missing) => {
    const known = sections.map((s) => s.id)
    const wanted = missing.map((i) => names[i]!)
    const where: Where[] = [{ plan: { equals: plan.id } }]
    if (wanted.length < names.length) {
      const inSections = wanted.filter((name) => name !== OTHER_PART)
      where.push({
        or: [
          ...(inSections.length > 0 ? [{ section: { in: inSections } }] : []),
          ...(wanted.includes(OTHER_PART) ? [{ section: { not_in: known } }] : []),
        ],
      })
    }
    const rows = await fetchInitiatives(user, where, memo)
    const byPart = new Map<string, StoredInitiative[]>(wanted.map((name) => [name, []]))
    const other = byPart.get(OTHER_PART)
    for (const row of rows) {
      const part = byPart.get(String(row.section)) ?? other
      part?.push(storeInitiative(row))
    }
    return wanted.map((name) => byPart.get(name) ?? [])
  })
  const initiatives = stored.flat().map(unstoreInitiative)
  return initiatives.sort((a, b) => compareIds(a.id, b.id))
}

/** Compares ids as numbers when both are numeric (SQLite), else as text (MongoDB ObjectIds). */
const compareIds = (a: Id, b: Id): number => {
  const x = Number(a)
  const y = Number(b)
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
}

/** The initiatives matching `where` that this person may read (one find). */
async function fetchInitiatives(
  user: CoverageUser,
  where: Where[],
  memo: ReadMemo,
): Promise<InitiativeRecord[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'initiatives',
    where: { and: where },
    sort: 'id',
    select: WORK_SELECT,
    ...asPerson(user),
    context: { [READ_MEMO]: memo },
  })
  return docs.flatMap((doc) => initiativeRecord(doc) ?? [])
}

// Computes coverage once per request and view; the filters travel as JSON so equal views share it.
const coverageFor = cache((data: CoverageData, filtersJson: string): PlanCoverage =>
  computeCoverage(data.input, {
    audience: data.audience,
    filters: JSON.parse(filtersJson) as CoverageFilters,
  }),
)

/** Coverage of a plan for a person and a view, or null when the plan is not theirs to see. */
export const getPlanCoverage = cache(async function getPlanCoverage(
  slug: string,
  user: CoverageUser,
  filters: CoverageFilters = {},
): Promise<PlanCoverage | null> {
  const plan = await getDashboardPlan(slug, user)
  if (!plan) return null
  // kept per reader and view: a warm dashboard reads these numbers, not the plan's initiatives
  const view = JSON.stringify(filters)
  return cachedView(['coverage', String(plan.id), readerOf(user), view], planWorkTags(plan.id), async () => {
    const data = await loadCoverageData(slug, user)
    return data ? coverageFor(data, view) : null
  })
})

/** A query's filters and the plan's data for a person, or why not (4xx and a message). */
export type ResolvedCoverageQuery =
  | { ok: true; data: CoverageData; filters: CoverageFilters }
  | { ok: false; status: 400 | 404; error: string }

/**
 * What the coverage endpoint and the board report share: the filters parsed from the query (400
 * when malformed), the plan's data as this person sees it (404 for a plan they cannot see), and
 * a section filter that names one of its sections (400 otherwise, worded by `unknownSection`).
 */
export async function resolveCoverageQuery(
  slug: string,
  query: QueryInput,
  user: CoverageUser,
  unknownSection: (section: string, data: CoverageData) => string = (section) =>
    `No section "${section}".`,
): Promise<ResolvedCoverageQuery> {
  const parsed = parseCoverageFilters(query)
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error }
  const data = await loadCoverageData(slug, user)
  if (!data) return { ok: false, status: 404, error: `No plan "${slug}".` }
  const { section } = parsed.filters
  if (section && !data.input.sections.some((s) => s.slug === section)) {
    return { ok: false, status: 400, error: unknownSection(section, data) }
  }
  return { ok: true, data, filters: parsed.filters }
}

export type CoverageResult =
  { status: 200; coverage: PlanCoverage } | { status: 400 | 404; error: string }

/**
 * The coverage endpoint's answer for a signed-in person: 404 for a plan they cannot see, 400 for
 * malformed filters or a section that does not exist, else the numbers.
 */
export async function coverageForQuery(
  slug: string,
  query: QueryInput,
  user: CoverageUser,
): Promise<CoverageResult> {
  const resolved = await resolveCoverageQuery(slug, query, user)
  if (!resolved.ok) return { status: resolved.status, error: resolved.error }
  return { status: 200, coverage: coverageOfQuery(resolved) }
}

/** The coverage of a resolved query, from the data it already holds (no second fetch). */
export const coverageOfQuery = (
  resolved: Extract<ResolvedCoverageQuery, { ok: true }>,
): PlanCoverage => coverageFor(resolved.data, JSON.stringify(resolved.filters))
