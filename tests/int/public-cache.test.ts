/**
 * The public pages' data in parts (issue 16, the public p99 under the mixed load): a plan's frame
 * (its text, goal areas and objectives) is kept apart from what each page shows of the
 * initiatives, so a page rendered again after a save reads from the database only what the save
 * changed. Checked against a real database, with `next/cache` replaced by a small in-memory data
 * cache that keeps entries by key and tags, skips its cache inside another entry's callback as
 * Next's does, and forgets what `revalidateTag` expires:
 * - every view equals the one cut from the plan's whole bundle (lib/data/publicQueries), and
 *   shows no members-only or unpublished initiative;
 * - warm views read nothing; after a `lead` save its goal area's view and its section's page each
 *   read the initiatives once (one find, and the read rule's one lookup of the published plans),
 *   and show the new lead; the plan's overview, the other
 *   goal areas and the other sections read nothing;
 * - an initiative made public appears in its goal area's and section's views, and is gone again
 *   once it is members-only.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const cacheFake = vi.hoisted(() => ({
  entries: new Map<string, { body: string; tags: string[] }>(),
  expired: [] as string[],
}))
vi.mock('next/cache', async (original) =>
  (await import('./nextCacheFake')).fakeNextCache(() => original(), cacheFake),
)

import {
  getGoalView,
  getPlanOverview,
  getSectionPage,
  type GoalView,
  type SectionPage,
} from '@/lib/data/public'
import { goalView, loadPlanBundle, planOverview, type PlanBundle } from '@/lib/data/publicQueries'
import { cacheTags } from '@/lib/data/tags'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { findPerson, getTestPayload, seedDemo } from './helpers'

const hiddenTitles = SAMPLE_INITIATIVES.filter((i) => i.visibility === 'members' || i.draft).map(
  (i) => i.title,
)

let payload: Payload
let editor: Awaited<ReturnType<typeof findPerson>>
let bundle: PlanBundle
let plan: number | string

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  editor = await findPerson(payload, 'users', 'editor@example.org')
  bundle = (await loadPlanBundle(payload, SEED_PLAN_SLUG))!
  plan = bundle.plan.id
})

afterAll(async () => {
  await payload?.destroy()
})

/** Counts the Local API finds per collection while it runs. */
async function findsDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const finds: Record<string, number> = {}
  const find = payload.find.bind(payload)
  const spy = vi.spyOn(payload, 'find').mockImplementation(((args: { collection: string }) => {
    finds[args.collection] = (finds[args.collection] ?? 0) + 1
    return find(args as Parameters<typeof find>[0])
  }) as typeof payload.find)
  try {
    await fn()
  } finally {
    spy.mockRestore()
  }
  return finds
}

/** As the data cache hands it back (JSON), for comparing with an uncached read. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

const sectionSlugOf = (id: unknown) => bundle.sections.find((s) => s.id === id)!.slug

/** The goal area numbers an initiative serves. */
const goalsOf = (objectives: unknown[]) => [
  ...new Set(bundle.objectives.filter((o) => objectives.includes(o.id)).map((o) => o.goalNumber)),
]

/** The section page a fresh bundle gives (the reference): its public initiatives by plan. */
function titlesOf(page: SectionPage | null): string[] {
  return (page?.plans ?? []).flatMap((p) => p.initiatives.map((i) => i.title))
}

/** One find of the initiatives, whose read rule looks the published plans up once (READ_MEMO). */
const ONE_FIND = { initiatives: 1, plans: 1 }

const allTitles = (view: GoalView | null) => (view?.initiatives ?? []).map((i) => i.title)

describe('the public views in parts equal the views cut from the whole bundle', () => {
  it('the plan overview and every goal area', async () => {
    const fresh = (await loadPlanBundle(payload, SEED_PLAN_SLUG))!
    expect(plain(await getPlanOverview(SEED_PLAN_SLUG))).toEqual(plain(planOverview(fresh)))
    for (const goal of fresh.goals) {
      const view = await getGoalView(SEED_PLAN_SLUG, goal.number)
      expect(plain(view), `goal area ${goal.number}`).toEqual(plain(goalView(fresh, goal.number)))
      for (const title of hiddenTitles) expect(allTitles(view)).not.toContain(title)
    }
    expect(await getGoalView(SEED_PLAN_SLUG, 99)).toBeNull()
    expect(await getGoalView('no-such-plan', 1)).toBeNull()
  })

  it('every section page', async () => {
    const fresh = (await loadPlanBundle(payload, SEED_PLAN_SLUG))!
    for (const section of fresh.sections) {
      const page = await getSectionPage(section.slug)
      const expected = fresh.initiatives.filter((i) => i.section === section.id)
      expect(titlesOf(page), section.slug).toEqual(expected.map((i) => i.title))
      for (const work of page!.plans) {
        for (const { objectives } of work.goals) {
          for (const { objective, initiatives } of objectives) {
            for (const i of initiatives) expect(i.objectives).toContain(objective.id)
          }
        }
      }
      for (const title of hiddenTitles) expect(titlesOf(page)).not.toContain(title)
    }
  })
})

describe('a save re-reads only what it changed', () => {
  it('a lead save: its goal area and its section read the initiatives once, nothing else reads', async () => {
    const target = bundle.initiatives.find((i) => goalsOf(i.objectives).length === 1)!
    const [goal] = goalsOf(target.objectives)
    const otherGoal = bundle.goals.find((g) => g.number !== goal)!.number
    const section = sectionSlugOf(target.section)
    const otherSection = bundle.sections.find(
      (s) => s.id !== target.section && bundle.initiatives.some((i) => i.section === s.id),
    )!.slug
    const everyView = () =>
      Promise.all([
        getPlanOverview(SEED_PLAN_SLUG),
        getGoalView(SEED_PLAN_SLUG, goal!),
        getGoalView(SEED_PLAN_SLUG, otherGoal),
        getSectionPage(section),
        getSectionPage(otherSection),
      ])
    await everyView()
    expect(await findsDuring(everyView), 'warm views').toEqual({})

    const lead = `Lead saved ${Date.now()}`
    cacheFake.expired.length = 0
    await payload.update({
      collection: 'initiatives',
      id: target.id,
      data: { lead },
      user: editor,
      overrideAccess: false,
    })
    // the save expires its pages' parts, not the plan's frame nor its counts
    expect(cacheFake.expired).toContain(cacheTags.goalArea(plan, goal!))
    expect(cacheFake.expired).toContain(cacheTags.section(target.section))
    expect(cacheFake.expired).not.toContain(cacheTags.plan(plan))
    expect(cacheFake.expired).not.toContain(cacheTags.planCoverage(plan))

    let view: GoalView | null = null
    expect(
      await findsDuring(async () => (view = await getGoalView(SEED_PLAN_SLUG, goal!))),
      'the goal area',
    ).toEqual(ONE_FIND)
    expect(view!.initiatives.find((i) => i.id === target.id)?.lead).toBe(lead)

    let page: SectionPage | null = null
    expect(
      await findsDuring(async () => (page = await getSectionPage(section))),
      'the section',
    ).toEqual(ONE_FIND)
    const shown = page!.plans.flatMap((p) => p.initiatives).find((i) => i.id === target.id)
    expect(shown?.lead).toBe(lead)

    expect(await findsDuring(everyView), 'the other views').toEqual({})
  })

  it('an initiative made public appears in its goal area and section, and goes again', async () => {
    const hidden = (
      await payload.find({
        collection: 'initiatives',
        where: {
          and: [
            { plan: { equals: plan } },
            { visibility: { equals: 'members' } },
            { _status: { equals: 'published' } },
          ],
        },
        depth: 0,
        limit: 1,
        user: editor,
        overrideAccess: false,
      })
    ).docs[0]!
    const goals = goalsOf(hidden.objectives as unknown[])
    const section = sectionSlugOf(hidden.section)
    const shownIn = async () => ({
      goals: await Promise.all(
        goals.map(async (n) =>
          allTitles(await getGoalView(SEED_PLAN_SLUG, n)).includes(hidden.title),
        ),
      ),
      section: titlesOf(await getSectionPage(section)).includes(hidden.title),
    })
    const nowhere = { goals: goals.map(() => false), section: false }
    expect(await shownIn()).toEqual(nowhere)

    const visibility = async (value: 'public' | 'members') =>
      payload.update({
        collection: 'initiatives',
        id: hidden.id,
        data: { visibility: value },
        user: editor,
        overrideAccess: false,
      })
    await visibility('public')
    expect(await shownIn()).toEqual({ goals: goals.map(() => true), section: true })
    await visibility('members')
    expect(await shownIn()).toEqual(nowhere)
  })
})
