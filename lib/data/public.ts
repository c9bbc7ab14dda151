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
  loadPlanBundle,
  pickCurrentPlan,
  type PlanBundle,
  type PublicGoal,
  type PublicInitiative,
  type PublicObjective,
  type PublicPlanSummary,
  type PublicSection,
  type Viewer,
} from './publicQueries'
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from './tags'

export type {
  PlanBundle,
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
 * Public reads for the public pages, sitemap and plan PDF. Results live in Next's data cache,
 * tagged with lib/data/tags.ts tags that the Payload hooks expire on every change, so pages are
 * rendered once and then served from cache until something they show changes. Nothing here
 * runs at build time: the pages that call it render on their first request.
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

/** A published plan with everything its pages show, as the public sees it; null when not published. */
export const getPublicPlan = cache(async (slug: string): Promise<PlanBundle | null> => {
  if (!isSlug(slug)) return null
  const summary = (await getPublishedPlans()).find((plan) => plan.slug === slug)
  if (!summary) return null
  const load = unstable_cache(
    async () => loadPlanBundle(await getPayloadClient(), slug),
    ['public', 'plan-bundle', String(summary.id), slug],
    { tags: [cacheTags.plans, cacheTags.plan(summary.id), cacheTags.sections], revalidate: PUBLIC_REVALIDATE_SECONDS },
  )
  return load()
})

/** The current plan as the public sees it (the one marked current, else the newest). */
export const getCurrentPublicPlan = cache(async (): Promise<PlanBundle | null> => {
  const current = pickCurrentPlan(await getPublishedPlans())
  return current ? getPublicPlan(current.slug) : null
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

/**
 * The plan as the current request should see it: a staff user in draft preview sees its latest
 * draft (uncached), everyone else the published plan.
 */
export const getPlanForRequest = cache(async (slug: string): Promise<PlanBundle | null> => {
  const viewer = await getPreviewViewer()
  if (viewer) return loadPlanBundle(await getPayloadClient(), slug, viewer)
  return getPublicPlan(slug)
})

export interface SectionPlanWork {
  bundle: PlanBundle
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

/** A section's public initiatives grouped by plan, goal area and objective; null for an unknown slug. */
export const getSectionPage = cache(async (slug: string): Promise<SectionPage | null> => {
  if (!isSlug(slug)) return null
  const section = (await getSections()).find((s) => s.slug === slug)
  if (!section) return null
  const summaries = await getPublishedPlans()
  const current = pickCurrentPlan(summaries)
  const ordered = current ? [current, ...summaries.filter((p) => p !== current)] : summaries
  const bundles = await Promise.all(ordered.map((plan) => getPublicPlan(plan.slug)))
  const plans: SectionPlanWork[] = []
  for (const bundle of bundles) {
    if (!bundle) continue
    const initiatives = bundle.initiatives.filter((i) => sameId(i.section, section.id))
    if (initiatives.length === 0) continue
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
    plans.push({ bundle, goals, initiatives })
  }
  return { section, plans }
})
