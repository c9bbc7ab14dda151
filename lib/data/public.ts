import 'server-only'

import { unstable_cache } from 'next/cache'
import { draftMode, headers } from 'next/headers'
import { cache } from 'react'

import { isStaff } from '@/lib/auth/roles'
import { sameId } from '@/lib/plan/types'
import { getPayloadClient } from './payload'
import { isSlug } from '@/lib/format/slug'
import {
  listPublishedPlans,
  listSections,
  goalView,
  loadPlanBundle,
  pickCurrentPlan,
  planOverview,
  type GoalView,
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
 * Public reads for the public pages, sitemap and plan PDF. Each page reads a view of a plan cached
 * in Next's data cache under the tags of what it shows (lib/data/tags.ts), so the Payload hooks
 * expire only the pages an edit changes: an initiative's new summary re-renders its goal area's
 * page and its section's page, not the home page, the plan page or the other goal areas. A view
 * that is not cached is cut from the plan's bundle, read once per request. Nothing here runs at
 * build time: the pages that call it render on their first request.
 */

const cachedPlans = unstable_cache(
  async () => listPublishedPlans(await getPayloadClient()),
  ['public', 'plans'],
  { tags: [cacheTags.plans], revalidate: PUBLIC_REVALIDATE_SECONDS },
)

const cachedSections = unstable_cache(
  async () => listSections(await getPayloadClient()),
  ['public', 'sections'],
  { tags: [cacheTags.sections], revalidate: PUBLIC_REVALIDATE_SECONDS },
)

/** Published plans, newest first. */
export const getPublishedPlans = cache((): Promise<PublicPlanSummary[]> => cachedPlans())

/** Every section, by name. */
export const getSections = cache((): Promise<PublicSection[]> => cachedSections())

/** The published plan's whole bundle from the database (uncached), once per request. */
const readPublicBundle = cache(async (slug: string): Promise<PlanBundle | null> =>
  loadPlanBundle(await getPayloadClient(), slug),
)

/** The published plan by that slug, or undefined (unknown, or not published). */
async function publishedPlan(slug: string): Promise<PublicPlanSummary | undefined> {
  if (!isSlug(slug)) return undefined
  return (await getPublishedPlans()).find((plan) => plan.slug === slug)
}

/** A view cut from the published plan's bundle, cached under `tags` (and the plan list's). */
function cachedView<T>(
  key: (string | number)[],
  tags: string[],
  cut: (bundle: PlanBundle) => T | null,
  slug: string,
): Promise<T | null> {
  return unstable_cache(
    async () => {
      const bundle = await readPublicBundle(slug)
      return bundle ? cut(bundle) : null
    },
    ['public', ...key.map(String), slug],
    { tags: [cacheTags.plans, ...tags], revalidate: PUBLIC_REVALIDATE_SECONDS },
  )()
}

/** The home page's and the plan page's view of a published plan; null when not published. */
export const getPlanOverview = cache(async (slug: string): Promise<PlanOverview | null> => {
  const summary = await publishedPlan(slug)
  if (!summary) return null
  const id = summary.id
  // the coverage names sections, so a renamed section expires it too
  return cachedView(
    ['plan-overview', String(id)],
    [cacheTags.plan(id), cacheTags.planCoverage(id), cacheTags.sections],
    planOverview,
    slug,
  )
})

/** The current plan's overview (the one marked current, else the newest). */
export const getCurrentPlanOverview = cache(async (): Promise<PlanOverview | null> => {
  const current = pickCurrentPlan(await getPublishedPlans())
  return current ? getPlanOverview(current.slug) : null
})

/** Goal Area `number` of a published plan as its page shows it; null when there is none. */
export const getGoalView = cache(async (slug: string, number: number): Promise<GoalView | null> => {
  const summary = await publishedPlan(slug)
  if (!summary) return null
  const id = summary.id
  return cachedView(
    ['goal-view', String(id), number],
    [cacheTags.plan(id), cacheTags.goalArea(id, number), cacheTags.sections],
    (bundle) => goalView(bundle, number),
    slug,
  )
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

/** The section's public work in one plan, or null when it has none there. */
function sectionWork(bundle: PlanBundle, section: PublicSection): SectionPlanWork | null {
  const initiatives = bundle.initiatives.filter((i) => sameId(i.section, section.id))
  if (initiatives.length === 0) return null
  const goals = bundle.goals
    .map((goal) => ({
      goal,
      objectives: bundle.objectives
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
  const { id, slug, title, objectiveLabel } = bundle.plan
  return { plan: { id, slug, title, objectiveLabel }, goals, initiatives }
}

/**
 * A section's public initiatives grouped by plan, goal area and objective; null for an unknown
 * slug. Cached under the section's tag and every published plan's own (their goal areas and
 * objectives head the groups), not under the plans' work: another section's edit leaves it alone.
 */
export const getSectionPage = cache(async (slug: string): Promise<SectionPage | null> => {
  if (!isSlug(slug)) return null
  const section = (await getSections()).find((s) => s.slug === slug)
  if (!section) return null
  const summaries = await getPublishedPlans()
  const current = pickCurrentPlan(summaries)
  const ordered = current ? [current, ...summaries.filter((p) => p !== current)] : summaries
  const plans = await unstable_cache(
    async () => {
      const bundles = await Promise.all(ordered.map((plan) => readPublicBundle(plan.slug)))
      return bundles
        .map((bundle) => (bundle ? sectionWork(bundle, section) : null))
        .filter((work): work is SectionPlanWork => work !== null)
    },
    ['public', 'section-page', String(section.id), ...ordered.map((plan) => String(plan.id))],
    {
      tags: [
        cacheTags.plans,
        cacheTags.sections,
        cacheTags.section(section.id),
        ...ordered.map((plan) => cacheTags.plan(plan.id)),
      ],
      revalidate: PUBLIC_REVALIDATE_SECONDS,
    },
  )()
  return { section, plans }
})
