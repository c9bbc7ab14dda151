import 'server-only'

import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { isActiveMember, isStaff, READ_MEMO, type ReadMemo } from '@/lib/auth/roles'
import { idOf, idsOf } from '@/lib/format/ids'
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
  type InitiativeStatus,
  type ObjectiveSummary,
  type PlanSummary,
  type SectionSummary,
  type Visibility,
} from '@/lib/plan/types'
import { getPayloadClient } from './payload'
import { cacheTags, PUBLIC_REVALIDATE_SECONDS, WORK_SELECT } from './tags'

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

const isStatus = (value: unknown): value is InitiativeStatus =>
  typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value)
const isVisibility = (value: unknown): value is Visibility =>
  typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value)

/**
 * Loads the plan, goal areas, objectives, sections and initiatives for (slug, person): five
 * Local API calls whatever the plan's size. Null when the plan does not exist for this person.
 */
export const loadCoverageData = cache(
  async (slug: string, user: CoverageUser): Promise<CoverageData | null> => {
    const plan = await getDashboardPlan(slug, user)
    if (!plan) return null
    const load = unstable_cache(
      async () => fetchPlanData(plan, user),
      ['coverage-data', String(plan.id), readerOf(user)],
      {
        tags: [cacheTags.plans, cacheTags.plan(plan.id), cacheTags.planWork(plan.id), cacheTags.sections],
        revalidate: PUBLIC_REVALIDATE_SECONDS,
      },
    )
    const rest = await outsideNextToo(load, () => fetchPlanData(plan, user))
    return { input: { plan, ...rest }, audience: audienceOf(user) }
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

type PlanData = Omit<CoverageInput, 'plan'>

/**
 * A plan's goal areas, objectives, sections and initiatives as this person may read them: four
 * Local API calls whatever the plan's size, whose read rules look the published plans up once
 * between them (READ_MEMO). Kept in Next's data cache per kind of reader, under the plan's tags.
 */
async function fetchPlanData(plan: DashboardPlan, user: CoverageUser): Promise<PlanData> {
    const payload = await getPayloadClient()
    const byPlan = { plan: { equals: plan.id } }
    const memo: ReadMemo = {}
    const asThisPerson = { ...asPerson(user), context: { [READ_MEMO]: memo } }


    const [goalDocs, objectiveDocs, sectionDocs, initiativeDocs] = await Promise.all([
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
      payload.find({
        collection: 'initiatives',
        where: byPlan,
        sort: 'id',
        select: WORK_SELECT,
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

    const initiatives: InitiativeRecord[] = initiativeDocs.docs.flatMap((i) => {
      const section = idOf(i.section)
      if (section == null || !isStatus(i.status) || !isVisibility(i.visibility)) return []
      return [
        {
          id: i.id,
          title: i.title,
          section,
          objectives: idsOf(i.objectives),
          status: i.status,
          visibility: i.visibility,
          published: i._status === 'published',
          startDate: i.startDate ?? null,
          targetDate: i.targetDate ?? null,
          completedDate: i.completedDate ?? null,
          progress: i.progress ?? null,
          // when it came into being, for the numbers as of a past cycle (lib/plan/cycles)
          createdAt: i.createdAt ? new Date(i.createdAt).toISOString() : null,
        },
      ]
    })

    return { goals, objectives, sections, initiatives }
}

// Computes coverage once per request and view; the filters travel as JSON so equal views share it.
const coverageFor = cache((data: CoverageData, filtersJson: string): PlanCoverage =>
  computeCoverage(data.input, {
    audience: data.audience,
    filters: JSON.parse(filtersJson) as CoverageFilters,
  }),
)

/** Coverage of a plan for a person and a view, or null when the plan is not theirs to see. */
export async function getPlanCoverage(
  slug: string,
  user: CoverageUser,
  filters: CoverageFilters = {},
): Promise<PlanCoverage | null> {
  const data = await loadCoverageData(slug, user)
  if (!data) return null
  return coverageFor(data, JSON.stringify(filters))
}

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
