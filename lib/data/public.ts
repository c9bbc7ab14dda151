import 'server-only'

import { draftMode, headers } from 'next/headers'
import { cache } from 'react'

import { isStaff } from '@/lib/auth/roles'
import { sameId } from '@/lib/plan/types'
import { getPayloadClient } from './payload'
import { isSlug } from '@/lib/format/slug'
import type { Where } from 'payload'

import {
  countBySection,
  findPublicInitiatives,
  listPublishedPlans,
  listSections,
  goalView,
  loadPlanBundle,
  loadPlanFrame,
  pickCurrentPlan,
  planOverview,
  publicCoverage,
  type GoalView,
  type PlannedInitiative,
  type PublicPlanFrame,
  type PlanBundle,
  type PlanOverview,
  type PublicPlan,
  type PublicGoal,
  type PublicInitiative,
  type PublicObjective,
  type PublicPlanSummary,
  type PublicSection,
  type Viewer,
} from './publicQueries'
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from './tags'
import { sharedCache } from './viewCache'

export type {
  GoalView,
  PlanBundle,
  PlanOverview,
  PublicGoal,
  PublicInitiative,
  PublicObjective,
  PublicPlan,
  PublicPlanSummary,
  PublicSection,
  RichTextValue,
} from './publicQueries'
export { isSlug } from '@/lib/format/slug'

/**
 * Public reads for the public pages, sitemap and plan PDF. Each page reads its data from Next's
 * data cache in parts under the tags of what they hold (lib/data/tags.ts), so the Payload hooks
 * expire only the pages an edit changes, and a page rendered again after an edit reads from the
 * database only what the edit changed:
 *
 * - the published plans and the sections (lists);
 * - a plan's frame: its text, goal areas and objectives (three finds; expired by the plan's own
 *   edits, `plan:<id>`, which every page of the plan and every section page carry anyway);
 * - what a page shows of the initiatives, one find each: a goal area's public initiatives
 *   (`plan:<id>:goal:<n>`), a section's in every published plan (`section:<id>`), the plan's
 *   coverage and counts per section (`plan:<id>:coverage`, the home page and the plan page).
 *
 * A page carries the tags of every entry it reads, so the initiatives are kept per page (per
 * goal area, per section), not per section for every page: a goal area's page reading each
 * section's part would carry every section's tag, and any save in the plan would expire it.
 * After a `lead` save its goal area's page and its section's page each read one find.
 *
 * Entries are keyed by their parts (sharedCache), not by the code's text: every route (home,
 * plan, goal areas, sections, the plan PDF, the sitemap) shares one frame per plan. Nothing here
 * runs at build time: the pages that call it render on their first request.
 */

const cachedPlans = sharedCache(
  async () => listPublishedPlans(await getPayloadClient()),
  ['public', 'plans'],
  { tags: [cacheTags.plans], revalidate: PUBLIC_REVALIDATE_SECONDS },
)

const cachedSections = sharedCache(
  async () => listSections(await getPayloadClient()),
  ['public', 'sections'],
  { tags: [cacheTags.sections], revalidate: PUBLIC_REVALIDATE_SECONDS },
)

/** Published plans, newest first. */
export const getPublishedPlans = cache((): Promise<PublicPlanSummary[]> => cachedPlans())

/** Every section, by name. */
export const getSections = cache((): Promise<PublicSection[]> => cachedSections())

/** The published plan by that slug, or undefined (unknown, or not published). */
async function publishedPlan(slug: string): Promise<PublicPlanSummary | undefined> {
  if (!isSlug(slug)) return undefined
  return (await getPublishedPlans()).find((plan) => plan.slug === slug)
}

/** A data-cache entry of the public pages, under the plan list's tag and `tags`. */
function publicEntry<T>(key: (string | number)[], tags: string[], read: () => Promise<T>) {
  return sharedCache(read, ['public', ...key.map(String)], {
    tags: [cacheTags.plans, ...tags],
    revalidate: PUBLIC_REVALIDATE_SECONDS,
  })()
}

/** A published plan's frame (text, goal areas, objectives); null when it is not published. */
const getFrame = cache(async (slug: string): Promise<PublicPlanFrame | null> => {
  const summary = await publishedPlan(slug)
  if (!summary) return null
  return publicEntry(['frame', summary.id, slug], [cacheTags.plan(summary.id)], async () =>
    loadPlanFrame(await getPayloadClient(), slug),
  )
})

/** The published public initiatives matching `where`, read for the public (one find). */
async function readPublicInitiatives(where: Where[]): Promise<PlannedInitiative[]> {
  return findPublicInitiatives(await getPayloadClient(), where)
}

/** The home page's and the plan page's view of a published plan; null when not published. */
export const getPlanOverview = cache(async (slug: string): Promise<PlanOverview | null> => {
  const frame = await getFrame(slug)
  if (!frame) return null
  const id = frame.plan.id
  const sections = await getSections()
  // the coverage names sections, so a renamed section expires it too
  const counts = await publicEntry(
    ['plan-coverage', id],
    [cacheTags.plan(id), cacheTags.planCoverage(id), cacheTags.sections],
    async () => {
      const rows = await readPublicInitiatives([{ plan: { equals: id } }])
      const initiatives = rows.map((row) => row.initiative)
      return {
        coverage: publicCoverage(frame, sections, initiatives),
        publicBySection: countBySection(initiatives),
      }
    },
  )
  return { ...frame, ...counts, preview: false }
})

/** The current plan's overview (the one marked current, else the newest). */
export const getCurrentPlanOverview = cache(async (): Promise<PlanOverview | null> => {
  const current = pickCurrentPlan(await getPublishedPlans())
  return current ? getPlanOverview(current.slug) : null
})

/** Goal Area `number` of a published plan as its page shows it; null when there is none. */
export const getGoalView = cache(async (slug: string, number: number): Promise<GoalView | null> => {
  const frame = await getFrame(slug)
  const goal = frame?.goals.find((g) => g.number === number)
  if (!frame || !goal) return null
  const id = frame.plan.id
  const sections = await getSections()
  const objectives = frame.objectives.filter((o) => sameId(o.goal, goal.id))
  const part = await publicEntry(
    ['goal', id, number],
    [cacheTags.plan(id), cacheTags.goalArea(id, number), cacheTags.sections],
    async () => {
      const rows =
        objectives.length === 0
          ? []
          : await readPublicInitiatives([
              { plan: { equals: id } },
              { objectives: { in: objectives.map((o) => o.id) } },
            ])
      const initiatives = rows.map((row) => row.initiative)
      const coverage = publicCoverage(frame, sections, initiatives).goals.find(
        (g) => g.number === number,
      )
      return { initiatives, coverage }
    },
  )
  const { initiatives, coverage } = part
  return { plan: frame.plan, goals: frame.goals, goal, objectives, sections, initiatives, coverage, preview: false }
})

/**
 * The staff user behind a draft-mode request, or null. Only in draft mode (entered through
 * /next/preview, which itself requires a staff sign-in) is the request's cookie read, so
 * ordinary visits stay cacheable.
 */
export const getPreviewViewer = cache(async (): Promise<Viewer | null> => {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user && isStaff(user) ? { user } : null
})

/** The plan as a staff user in draft preview sees it (its latest draft, uncached); else null. */
const getPreviewBundle = cache(async (slug: string): Promise<PlanBundle | null> => {
  const viewer = await getPreviewViewer()
  return viewer ? loadPlanBundle(await getPayloadClient(), slug, viewer) : null
})

/**
 * The plan page's view as the current request should see it: a staff user in draft preview sees
 * the latest draft (uncached), everyone else the published plan.
 */
export const getPlanOverviewForRequest = cache(
  async (slug: string): Promise<PlanOverview | null> => {
    if (await getPreviewViewer()) {
      const bundle = await getPreviewBundle(slug)
      return bundle ? planOverview(bundle) : null
    }
    return getPlanOverview(slug)
  },
)

/** A goal area's page as the current request should see it (see getPlanOverviewForRequest). */
export const getGoalViewForRequest = cache(
  async (slug: string, number: number): Promise<GoalView | null> => {
    if (await getPreviewViewer()) {
      const bundle = await getPreviewBundle(slug)
      return bundle ? goalView(bundle, number) : null
    }
    return getGoalView(slug, number)
  },
)

export interface SectionPlanWork {
  /** the plan, as far as a section's page names and links it */
  plan: Pick<PublicPlan, 'id' | 'slug' | 'title' | 'objectiveLabel'>
  /** goal areas with at least one of the section's initiatives, in plan order */
  goals: {
    goal: PublicGoal
    objectives: { objective: PublicObjective; initiatives: PublicInitiative[] }[]
  }[]
  /** the section's public initiatives in this plan */
  initiatives: PublicInitiative[]
}

export interface SectionPage {
  section: PublicSection
  /** published plans in which the section has public initiatives, current plan first */
  plans: SectionPlanWork[]
}

/** The section's public work in one plan (its initiatives there), or null when it has none. */
function sectionWork(
  frame: PublicPlanFrame,
  initiatives: PublicInitiative[],
): SectionPlanWork | null {
  if (initiatives.length === 0) return null
  const goals = frame.goals
    .map((goal) => ({
      goal,
      objectives: frame.objectives
        .filter((o) => sameId(o.goal, goal.id))
        .map((objective) => ({
          objective,
          initiatives: initiatives.filter((i) =>
            i.objectives.some((id) => sameId(id, objective.id)),
          ),
        }))
        .filter((entry) => entry.initiatives.length > 0),
    }))
    .filter((entry) => entry.objectives.length > 0)
  const { id, slug, title, objectiveLabel } = frame.plan
  return { plan: { id, slug, title, objectiveLabel }, goals, initiatives }
}

/**
 * A section's public initiatives grouped by plan, goal area and objective; null for an unknown
 * slug. The initiatives are one entry (one find across the published plans) under the section's
 * tag, not under the plans' work: another section's edit leaves it alone; the goal areas and
 * objectives heading the groups are the plans' frames (their tags).
 */
export const getSectionPage = cache(async (slug: string): Promise<SectionPage | null> => {
  if (!isSlug(slug)) return null
  const section = (await getSections()).find((s) => s.slug === slug)
  if (!section) return null
  const summaries = await getPublishedPlans()
  const current = pickCurrentPlan(summaries)
  const ordered = current ? [current, ...summaries.filter((p) => p !== current)] : summaries
  const ids = ordered.map((plan) => plan.id)
  const [frames, byPlan] = await Promise.all([
    Promise.all(ordered.map((plan) => getFrame(plan.slug))),
    publicEntry(
      ['section', section.id, ...ids],
      [cacheTags.sections, cacheTags.section(section.id)],
      async (): Promise<Record<string, PublicInitiative[]>> => {
        const grouped: Record<string, PublicInitiative[]> = {}
        if (ids.length === 0) return grouped
        const rows = await readPublicInitiatives([
          { section: { equals: section.id } },
          { plan: { in: ids } },
        ])
        for (const { plan, initiative } of rows) (grouped[String(plan)] ??= []).push(initiative)
        return grouped
      },
    ),
  ])
  const plans = frames
    .map((frame) => (frame ? sectionWork(frame, byPlan[String(frame.plan.id)] ?? []) : null))
    .filter((work): work is SectionPlanWork => work !== null)
  return { section, plans }
})
