import 'server-only'

import type { Payload, TypedUser, Where } from 'payload'

import { READ_MEMO, type ReadMemo } from '@/lib/auth/roles'
import { idOf, idsOf } from '@/lib/format/ids'
import { isSlug } from '@/lib/format/slug'
import { computeCoverage, type GoalCoverage, type PlanCoverage } from '@/lib/plan/coverage'
import { objectiveCode } from '@/lib/plan/numbering'
import { sameId, type Id, type InitiativeSummary, type PlanSummary, type SectionKind } from '@/lib/plan/types'

/**
 * The Payload reads behind the public pages, uncached (lib/data/public.ts caches them by tag).
 * Every read runs with `overrideAccess: false`: without a viewer Payload's access rules leave
 * published plans, their goal areas and objectives, and published public initiatives only. A
 * viewer (a staff user in draft preview) additionally sees the plan's latest draft.
 */

/** A Lexical rich-text value as Payload stores it (rendered by components/plan/RichText). */
export interface RichTextValue {
  root: { type: string; children: unknown[]; [key: string]: unknown }
  [key: string]: unknown
}

export interface PublicPlanSummary extends PlanSummary {
  adoptedOn: string | null
  adoptedBy: string | null
  lastRevised: string | null
  current: boolean
  updatedAt: string
}

export interface PublicPlan extends PublicPlanSummary {
  /** what the plan calls its objectives ("Strategy"), when not "Objective" */
  objectiveLabel: string | null
  preamble: RichTextValue | null
  vision: RichTextValue | null
  mission: RichTextValue | null
  values: string[]
}

export interface PublicGoal {
  id: Id
  number: number
  title: string
  description: string | null
}

export interface PublicObjective {
  id: Id
  goal: Id
  goalNumber: number
  number: number
  /** as published, e.g. `1.3` */
  code: string
  text: string
}

export interface PublicSection {
  id: Id
  slug: string
  name: string
  abbreviation: string | null
  kind: SectionKind
  description: string | null
}

/** An initiative as the public pages show it: its summary, with every date and the progress. */
export interface PublicInitiative extends Required<InitiativeSummary> {
  summary: string | null
  lead: string | null
}

/** Everything a plan's public pages and its PDF show, with its public coverage. */
export interface PlanBundle {
  plan: PublicPlan
  goals: PublicGoal[]
  objectives: PublicObjective[]
  /** every section (names and slugs for the initiatives' section links) */
  sections: PublicSection[]
  /** published public initiatives serving this plan */
  initiatives: PublicInitiative[]
  /** coverage as the public sees it (public initiatives only) */
  coverage: PlanCoverage
  /** true when a staff user is looking at the plan's latest draft */
  preview: boolean
}

/** What the plan's PDF shows: the plan, its goal areas and objectives, and its coverage sentence. */
export type PlanPdfData = Pick<PlanBundle, 'plan' | 'goals' | 'objectives' | 'coverage'>

/** A staff user previewing drafts; absent for everyone else. */
export interface Viewer {
  user: TypedUser
}

const richText = (value: unknown): RichTextValue | null => {
  const root = (value as RichTextValue | null | undefined)?.root
  return root && Array.isArray(root.children) ? (value as RichTextValue) : null
}

const PLAN_SUMMARY_SELECT = {
  title: true,
  slug: true,
  organization: true,
  startYear: true,
  endYear: true,
  adoptedOn: true,
  adoptedBy: true,
  lastRevised: true,
  current: true,
  updatedAt: true,
} as const

type PlanDoc = {
  id: Id
  title: string
  slug: string
  organization: string
  startYear: number
  endYear: number
  adoptedOn?: string | null
  adoptedBy?: string | null
  lastRevised?: string | null
  current?: boolean | null
  updatedAt: string
}

const toPlanSummary = (doc: PlanDoc): PublicPlanSummary => ({
  id: doc.id,
  slug: doc.slug,
  title: doc.title,
  organization: doc.organization,
  startYear: doc.startYear,
  endYear: doc.endYear,
  adoptedOn: doc.adoptedOn ?? null,
  adoptedBy: doc.adoptedBy ?? null,
  lastRevised: doc.lastRevised ?? null,
  current: Boolean(doc.current),
  updatedAt: doc.updatedAt,
})

/** Published plans, newest first. */
export async function listPublishedPlans(payload: Payload): Promise<PublicPlanSummary[]> {
  const found = await payload.find({
    collection: 'plans',
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: '-startYear',
    select: PLAN_SUMMARY_SELECT,
  })
  return found.docs.map(toPlanSummary)
}

/** The plan the home page opens with: the one marked current, else the newest. */
export function pickCurrentPlan<T extends { current: boolean }>(plans: T[]): T | undefined {
  return plans.find((plan) => plan.current) ?? plans[0]
}

/** Every section, by name. Sections are public (they hold no unpublished state). */
export async function listSections(payload: Payload): Promise<PublicSection[]> {
  const found = await payload.find({
    collection: 'sections',
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: 'name',
    select: { name: true, slug: true, abbreviation: true, kind: true, description: true },
  })
  return found.docs.map((doc) => ({
    id: doc.id,
    slug: doc.slug,
    name: doc.name,
    abbreviation: doc.abbreviation ?? null,
    kind: doc.kind,
    description: doc.description ?? null,
  }))
}

/** A plan's own text with its goal areas and objectives: what every page of the plan frames. */
export interface PublicPlanFrame {
  plan: PublicPlan
  goals: PublicGoal[]
  objectives: PublicObjective[]
}

/**
 * Local API options of every public read: as the viewer (none: the public), under the access
 * rules, sharing a READ_MEMO so that the rules of one group of reads look the published plans up
 * once (an initiatives find evaluated them six times, each a query of its own).
 */
const readAs = (viewer: Viewer | undefined, memo: ReadMemo) => ({
  overrideAccess: false as const,
  user: viewer?.user,
  depth: 0 as const,
  context: { [READ_MEMO]: memo },
})

/**
 * A plan with its goal areas and objectives (three finds), or null when the slug names no plan
 * this viewer may read (unknown, or unpublished for the public).
 */
export async function loadPlanFrame(
  payload: Payload,
  slug: string,
  viewer?: Viewer,
): Promise<PublicPlanFrame | null> {
  const memo: ReadMemo = {}
  const plan = await findPlan(payload, slug, viewer, memo)
  return plan ? frameOf(payload, plan, viewer, memo) : null
}

async function findPlan(
  payload: Payload,
  slug: string,
  viewer: Viewer | undefined,
  memo: ReadMemo,
): Promise<PublicPlan | null> {
  if (!isSlug(slug)) return null
  const found = await payload.find({
    collection: 'plans',
    ...readAs(viewer, memo),
    // a staff preview reads the latest draft; everyone else the published document
    draft: Boolean(viewer),
    where: { slug: { equals: slug } },
    limit: 1,
    select: {
      ...PLAN_SUMMARY_SELECT,
      objectiveLabel: true,
      preamble: true,
      vision: true,
      mission: true,
      values: true,
    },
  })
  const doc = found.docs[0]
  if (!doc) return null
  return {
    ...toPlanSummary(doc),
    objectiveLabel: doc.objectiveLabel?.trim() || null,
    preamble: richText(doc.preamble),
    vision: richText(doc.vision),
    mission: richText(doc.mission),
    values: (doc.values ?? []).map((v) => v.value).filter(Boolean),
  }
}

/** The plan's goal areas and objectives (two finds). */
async function frameOf(
  payload: Payload,
  plan: PublicPlan,
  viewer: Viewer | undefined,
  memo: ReadMemo,
): Promise<PublicPlanFrame> {
  const as = readAs(viewer, memo)
  const [goalDocs, objectiveDocs] = await Promise.all([
    payload.find({
      collection: 'goals',
      ...as,
      where: { plan: { equals: plan.id } },
      pagination: false,
      sort: 'number',
      select: { number: true, title: true, description: true },
    }),
    payload.find({
      collection: 'objectives',
      ...as,
      where: { plan: { equals: plan.id } },
      pagination: false,
      sort: 'position',
      select: { goal: true, number: true, text: true, code: true },
    }),
  ])

  const goals: PublicGoal[] = goalDocs.docs.map((g) => ({
    id: g.id,
    number: g.number,
    title: g.title,
    description: g.description ?? null,
  }))
  const goalNumber = new Map(goals.map((g) => [String(g.id), g.number]))
  const objectives: PublicObjective[] = objectiveDocs.docs
    .map((o): PublicObjective | undefined => {
      const goal = idOf(o.goal)
      const number = goal == null ? undefined : goalNumber.get(String(goal))
      if (goal == null || number == null) return undefined
      return {
        id: o.id,
        goal,
        goalNumber: number,
        number: o.number,
        code: o.code || objectiveCode(number, o.number),
        text: o.text,
      }
    })
    .filter((o): o is PublicObjective => o !== undefined)
    .sort((a, b) => a.goalNumber - b.goalNumber || a.number - b.number)
  return { plan, goals, objectives }
}

/** A public initiative with the plan it serves (the section pages group by plan). */
export interface PlannedInitiative {
  plan: Id
  initiative: PublicInitiative
}

/**
 * The published public initiatives matching `where` (one find), by title. Access already limits
 * the public to these; a previewing editor must see the same list, hence the conditions.
 */
export async function findPublicInitiatives(
  payload: Payload,
  where: Where[],
  viewer?: Viewer,
  memo: ReadMemo = {},
): Promise<PlannedInitiative[]> {
  const found = await payload.find({
    collection: 'initiatives',
    ...readAs(viewer, memo),
    where: {
      and: [
        ...where,
        { visibility: { equals: 'public' } },
        { _status: { equals: 'published' } },
      ],
    },
    pagination: false,
    sort: 'title',
    select: {
      plan: true,
      title: true,
      section: true,
      objectives: true,
      status: true,
      visibility: true,
      summary: true,
      lead: true,
      startDate: true,
      targetDate: true,
      completedDate: true,
      progress: true,
      _status: true,
    },
  })
  const seen = new Set<string>()
  const rows: PlannedInitiative[] = []
  for (const i of found.docs) {
    const plan = idOf(i.plan)
    const section = idOf(i.section)
    // a relation filter can match a document once per related row
    if (plan == null || section == null || seen.has(String(i.id))) continue
    if (i.visibility !== 'public' || i._status !== 'published') continue
    seen.add(String(i.id))
    rows.push({
      plan,
      initiative: {
        id: i.id,
        title: i.title,
        section,
        objectives: idsOf(i.objectives),
        status: i.status,
        visibility: i.visibility,
        published: true,
        summary: i.summary ?? null,
        lead: i.lead ?? null,
        startDate: i.startDate ?? null,
        targetDate: i.targetDate ?? null,
        completedDate: i.completedDate ?? null,
        progress: i.progress ?? null,
      },
    })
  }
  return rows
}

/** Public coverage of a plan's frame from the given public initiatives. */
export function publicCoverage(
  frame: PublicPlanFrame,
  sections: PublicSection[],
  initiatives: PublicInitiative[],
): PlanCoverage {
  return computeCoverage(
    {
      plan: frame.plan,
      goals: frame.goals,
      objectives: frame.objectives.map((o) => ({
        id: o.id,
        goal: o.goal,
        number: o.number,
        text: o.text,
        code: o.code,
      })),
      sections,
      initiatives,
    },
    { audience: 'public' },
  )
}

/**
 * A plan with its goal areas, objectives, sections and public initiatives, or null when the slug
 * names no plan this viewer may read (unknown, or unpublished for the public).
 */
export async function loadPlanBundle(
  payload: Payload,
  slug: string,
  viewer?: Viewer,
): Promise<PlanBundle | null> {
  const memo: ReadMemo = {}
  const plan = await findPlan(payload, slug, viewer, memo)
  if (!plan) return null
  const [frame, sections, rows] = await Promise.all([
    frameOf(payload, plan, viewer, memo),
    listSections(payload),
    findPublicInitiatives(payload, [{ plan: { equals: plan.id } }], viewer, memo),
  ])
  const initiatives = rows.map((row) => row.initiative)
  const coverage = publicCoverage(frame, sections, initiatives)
  return { ...frame, sections, initiatives, coverage, preview: Boolean(viewer) }
}

/**
 * What the home page and a plan's page show: the plan, its goal areas and objectives and its
 * coverage, without the initiatives themselves (cached under the plan's coverage tag, which an
 * edit of an initiative's title or summary leaves alone).
 */
export interface PlanOverview {
  plan: PublicPlan
  goals: PublicGoal[]
  objectives: PublicObjective[]
  coverage: PlanCoverage
  /** section id → the section's public initiatives in this plan */
  publicBySection: Record<string, number>
  preview: boolean
}

/** section id → how many of these initiatives it has */
export function countBySection(initiatives: PublicInitiative[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const initiative of initiatives) {
    const key = String(initiative.section)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export function planOverview(bundle: PlanBundle): PlanOverview {
  const { plan, goals, objectives, coverage, preview } = bundle
  return {
    plan,
    goals,
    objectives,
    coverage,
    publicBySection: countBySection(bundle.initiatives),
    preview,
  }
}

/** What one goal area's page shows: its objectives and the public initiatives serving them. */
export interface GoalView {
  plan: PublicPlan
  /** every goal area of the plan (the page links the previous and the next) */
  goals: PublicGoal[]
  goal: PublicGoal
  /** this goal area's objectives, in order */
  objectives: PublicObjective[]
  /** every section (names and slugs for the initiatives' section links) */
  sections: PublicSection[]
  /** public initiatives serving at least one of this goal area's objectives */
  initiatives: PublicInitiative[]
  coverage: GoalCoverage | undefined
  preview: boolean
}

/** Goal Area `number` of the bundle's plan, or null when the plan has none by that number. */
export function goalView(bundle: PlanBundle, number: number): GoalView | null {
  const goal = bundle.goals.find((g) => g.number === number)
  if (!goal) return null
  const objectives = bundle.objectives.filter((o) => sameId(o.goal, goal.id))
  const ids = new Set(objectives.map((o) => String(o.id)))
  return {
    plan: bundle.plan,
    goals: bundle.goals,
    goal,
    objectives,
    sections: bundle.sections,
    initiatives: bundle.initiatives.filter((i) => i.objectives.some((id) => ids.has(String(id)))),
    coverage: bundle.coverage.goals.find((g) => g.number === number),
    preview: bundle.preview,
  }
}
