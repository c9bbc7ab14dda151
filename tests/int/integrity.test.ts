/**
 * Data integrity found in review (issue 13, items 12, 14, 15): an objective listed twice, a goal
 * area moved to another plan with its initiatives, and "current" or revalidation on draft saves.
 * `next/cache` is replaced by a recorder so the tests see which cache tags each save expires.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { findPerson, getTestPayload, seedDemo, seededPlanId } from './helpers'

const expired = vi.hoisted(() => [] as string[])
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidateTag: (tag: string) => {
    expired.push(tag)
  },
}))

// Generated types say number (SQLite); on MongoDB the same values are strings.
type Id = number
let payload: Payload
let editor: Awaited<ReturnType<typeof findPerson>>
let planA: Id
let sectionId: Id
const objectiveIds: Record<string, Id> = {}
const quiet = { context: { disableRevalidate: true } }

/** A Local API call as the editor through the access rules, the way the admin saves. */
const asEditor = () => ({ user: editor, overrideAccess: false as const, depth: 0 })

async function refusal(call: () => Promise<unknown>) {
  try {
    await call()
  } catch (err) {
    const e = err as { message: string; data?: { errors?: { path: string; message: string }[] } }
    return { message: e.message, fields: e.data?.errors ?? [] }
  }
  throw new Error('expected the call to be refused, but it succeeded')
}

const planData = (slug: string, over: Record<string, unknown> = {}) => ({
  title: `Plan ${slug}`,
  slug,
  organization: 'ALCTS',
  startYear: 2030,
  endYear: 2034,
  ...over,
})

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  editor = await findPerson(payload, 'users', 'editor@example.org')
  planA = await seededPlanId(payload)
  sectionId = (await payload.find({ collection: 'sections', limit: 1 })).docs[0]!.id
  const objectives = await payload.find({ collection: 'objectives', pagination: false, depth: 0 })
  for (const o of objectives.docs) objectiveIds[o.code!] = o.id
})

afterAll(async () => {
  await payload?.destroy()
})

beforeEach(() => {
  expired.length = 0
})

describe('an initiative listing the same objective twice (item 12)', () => {
  it('is saved with the objective once, not refused as "does not exist"', async () => {
    const o = objectiveIds['1.1']!
    const created = await payload.create({
      collection: 'initiatives',
      data: {
        title: 'Twice the same objective',
        section: sectionId,
        objectives: [o, o],
        status: 'planned',
        visibility: 'public',
        _status: 'published',
      },
      ...asEditor(),
    })
    expect(created.objectives).toEqual([o])
    expect(created.plan).toEqual(planA)

    const updated = await payload.update({
      collection: 'initiatives',
      id: created.id,
      data: { objectives: [objectiveIds['1.2']!, o, objectiveIds['1.2']!] },
      ...asEditor(),
    })
    expect(updated.objectives).toEqual([objectiveIds['1.2'], o])
  })
})

describe('a goal area moved to another plan (item 14)', () => {
  it('takes its objectives and the initiatives serving them along, drafts left unpublished', async () => {
    const planB = await payload.create({
      collection: 'plans',
      data: planData('plan-b', { _status: 'published' }),
      ...quiet,
    })
    const goal = await payload.create({
      collection: 'goals',
      data: { plan: planA, number: 9, title: 'Moving goal area' },
      ...quiet,
    })
    // one at a time: SQLite takes one writer
    const o1 = await payload.create({
      collection: 'objectives',
      data: { goal: goal.id, number: 1, text: 'Objective 9.1' },
      ...quiet,
    })
    const o2 = await payload.create({
      collection: 'objectives',
      data: { goal: goal.id, number: 2, text: 'Objective 9.2' },
      ...quiet,
    })
    const initiative = (title: string, objectives: Id[]) =>
      payload.create({
        collection: 'initiatives',
        data: {
          title,
          section: sectionId,
          objectives,
          status: 'planned',
          visibility: 'public',
          _status: 'published',
        },
        ...quiet,
      })
    const both = await initiative('Serves 9.1 and 9.2', [o1.id, o2.id])
    const withDraft = await initiative('Published, with a pending draft', [o1.id])
    await payload.update({
      collection: 'initiatives',
      id: withDraft.id,
      data: { title: 'Draft title, not yet published' },
      draft: true,
      ...quiet,
    })
    const split = await initiative('Serves 9.1 and 1.1', [o1.id, objectiveIds['1.1']!])

    // an initiative serving objectives that stay behind would span two plans: refused, nothing moves
    const r = await refusal(() =>
      payload.update({ collection: 'goals', id: goal.id, data: { plan: planB.id }, ...asEditor() }),
    )
    expect(r.fields).toEqual([
      {
        path: 'plan',
        message:
          'Goal Area 9 cannot move to another plan: initiative "Serves 9.1 and 1.1" also serves ' +
          'objectives that stay in this plan. Point them at objectives of one plan first.',
      },
    ])
    const still = await payload.findByID({ collection: 'objectives', id: o1.id, depth: 0 })
    expect(still.plan).toEqual(planA)

    await payload.update({
      collection: 'initiatives',
      id: split.id,
      data: { objectives: [objectiveIds['1.1']!] },
      ...quiet,
    })
    await payload.update({
      collection: 'goals',
      id: goal.id,
      data: { plan: planB.id },
      ...asEditor(),
    })

    for (const o of [o1, o2]) {
      const moved = await payload.findByID({ collection: 'objectives', id: o.id, depth: 0 })
      expect(moved.plan).toEqual(planB.id)
    }
    const live = (id: Id) => payload.findByID({ collection: 'initiatives', id, depth: 0 })
    expect((await live(both.id)).plan).toEqual(planB.id)
    const movedLive = await live(withDraft.id)
    expect(movedLive).toMatchObject({ plan: planB.id, title: 'Published, with a pending draft' })
    const draft = await payload.findByID({
      collection: 'initiatives',
      id: withDraft.id,
      draft: true,
      depth: 0,
    })
    expect(draft).toMatchObject({
      plan: planB.id,
      title: 'Draft title, not yet published',
      _status: 'draft',
    })
    expect((await live(split.id)).plan).toEqual(planA)

    // the old plan's pages no longer list them
    const inA = await payload.find({
      collection: 'initiatives',
      where: { plan: { equals: planA } },
      pagination: false,
      depth: 0,
      select: { title: true },
    })
    const titles = inA.docs.map((d) => d.title)
    expect(titles).not.toContain('Serves 9.1 and 9.2')
    expect(titles).not.toContain('Published, with a pending draft')
  })

  it('an objective moved alone to another plan’s goal area takes its initiatives too', async () => {
    const planC = await payload.create({
      collection: 'plans',
      data: planData('plan-c', { _status: 'published' }),
      ...quiet,
    })
    const goalC = await payload.create({
      collection: 'goals',
      data: { plan: planC.id, number: 1, title: 'Goal area of plan C' },
      ...quiet,
    })
    const objective = await payload.create({
      collection: 'objectives',
      data: {
        goal: (
          await payload.find({
            collection: 'goals',
            where: { and: [{ plan: { equals: planA } }, { number: { equals: 1 } }] },
          })
        ).docs[0]!.id,
        number: 90,
        text: 'Lone',
      },
      ...quiet,
    })
    const served = await payload.create({
      collection: 'initiatives',
      data: {
        title: 'Serves the lone objective',
        section: sectionId,
        objectives: [objective.id],
        status: 'planned',
        visibility: 'public',
        _status: 'published',
      },
      ...quiet,
    })
    await payload.update({
      collection: 'objectives',
      id: objective.id,
      data: { goal: goalC.id },
      ...asEditor(),
    })
    const moved = await payload.findByID({ collection: 'objectives', id: objective.id, depth: 0 })
    expect(moved).toMatchObject({ plan: planC.id, code: '1.90' })
    const after = await payload.findByID({ collection: 'initiatives', id: served.id, depth: 0 })
    expect(after.plan).toEqual(planC.id)
  })
})

describe('"current" and revalidation on draft saves (item 15)', () => {
  const currentPlans = async () =>
    (
      await payload.find({
        collection: 'plans',
        where: { current: { equals: true } },
        depth: 0,
        pagination: false,
      })
    ).docs.map((d) => d.id)

  it('a draft marked current leaves the live current plan alone; publishing it moves "current"', async () => {
    const next = await payload.create({
      collection: 'plans',
      data: planData('next-current', { _status: 'published' }),
      ...quiet,
    })
    expect(await currentPlans()).toEqual([planA])

    // plan A has a pending draft of its own, which must not be published by the unmarking
    await payload.update({
      collection: 'plans',
      id: planA,
      data: { title: 'Unpublished new title of plan A' },
      draft: true,
      ...quiet,
    })
    await payload.update({
      collection: 'plans',
      id: next.id,
      data: { current: true },
      draft: true,
      ...asEditor(),
    })
    expect(await currentPlans()).toEqual([planA])

    await payload.update({
      collection: 'plans',
      id: next.id,
      data: { current: true, _status: 'published' },
      ...asEditor(),
    })
    expect(await currentPlans()).toEqual([next.id])
    const liveA = await payload.findByID({ collection: 'plans', id: planA, depth: 0 })
    expect(liveA.title).not.toBe('Unpublished new title of plan A')
    expect(liveA.current).toBe(false)
    const draftA = await payload.findByID({ collection: 'plans', id: planA, draft: true, depth: 0 })
    expect(draftA).toMatchObject({ title: 'Unpublished new title of plan A', current: false })

    // back as it was for the other tests
    await payload.update({
      collection: 'plans',
      id: planA,
      data: { current: true, _status: 'published' },
      ...quiet,
    })
    expect(await currentPlans()).toEqual([planA])
  })

  it('expires no cache tag for a draft save, and the plan’s tags when it is published', async () => {
    const plan = await payload.create({
      collection: 'plans',
      data: planData('tagged', { _status: 'published' }),
      ...quiet,
    })
    await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { title: 'A draft title' },
      draft: true,
      ...asEditor(),
    })
    expect(expired).toEqual([])

    await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { _status: 'published' },
      ...asEditor(),
    })
    expect(expired).toEqual(expect.arrayContaining(['plans', `plan:${plan.id}`]))

    // unpublishing is a public change too
    expired.length = 0
    await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { _status: 'draft' },
      ...asEditor(),
    })
    expect(expired).toEqual(expect.arrayContaining(['plans', `plan:${plan.id}`]))
  })

  it('expires no cache tag for an initiative’s draft save, and the tags of what shows it when published', async () => {
    const existing = (
      await payload.find({
        collection: 'initiatives',
        where: { _status: { equals: 'published' } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    await payload.update({
      collection: 'initiatives',
      id: existing.id,
      data: { summary: 'Draft summary' },
      draft: true,
      ...asEditor(),
    })
    expect(expired).toEqual([])
    await payload.update({
      collection: 'initiatives',
      id: existing.id,
      data: { _status: 'published' },
      ...asEditor(),
    })
    // its section's page, its goal areas' pages and the plan's reports, not every page of the plan
    // (and the coverage: a published draft may change what the pages count)
    expect(expired).toContain(`plan:${planA}:work`)
    expect(expired).toContain(`section:${existing.section}`)
    expect(expired.some((tag) => tag.startsWith(`plan:${planA}:goal:`))).toBe(true)
    expect(expired).not.toContain(`plan:${planA}`)

    // a published initiative's new summary or lead changes no count (not the home and plan pages)
    // and nothing the board report and the dashboard read (not the plan's work either)
    for (const data of [{ summary: 'A new published summary' }, { lead: 'A new lead' }]) {
      expired.length = 0
      await payload.update({ collection: 'initiatives', id: existing.id, data, ...asEditor() })
      expect(expired).toContain(`section:${existing.section}`)
      expect(expired.some((tag) => tag.startsWith(`plan:${planA}:goal:`))).toBe(true)
      expect(expired).not.toContain(`plan:${planA}:work`)
      expect(expired).not.toContain(`plan:${planA}:coverage`)
      expect(expired).not.toContain(`plan:${planA}`)
    }

    // its title is in the report and the dashboard: the plan's work expires
    expired.length = 0
    await payload.update({
      collection: 'initiatives',
      id: existing.id,
      data: { title: `${existing.title} (renamed)` },
      ...asEditor(),
    })
    expect(expired).toContain(`plan:${planA}:work`)
    expect(expired).toContain(`section:${existing.section}`)
    expect(expired).not.toContain(`plan:${planA}:coverage`)
  })

  it('expires the plan’s work when a progress update reaches an initiative', async () => {
    const initiative = (
      await payload.find({
        collection: 'initiatives',
        where: {
          plan: { equals: planA },
          _status: { equals: 'published' },
          status: { equals: 'proposed' },
        },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    await payload.create({
      collection: 'progress-updates',
      data: { initiative: initiative.id, status: 'in-progress', progress: 55 },
      ...asEditor(),
    })
    expect(expired).toContain(`plan:${planA}:work`)
  })
})

describe('a membership ends at the end of its last day (item 13)', () => {
  const membersOnly = async (user: Awaited<ReturnType<typeof findPerson>>) =>
    (
      await payload.find({
        collection: 'initiatives',
        where: { visibility: { equals: 'members' } },
        user,
        overrideAccess: false,
        depth: 0,
        limit: 1,
      })
    ).totalDocs

  afterAll(() => {
    vi.useRealTimers()
    delete process.env.LODESTAR_TIME_ZONE
  })

  it('reads members-only initiatives all through 31 May, in the association’s time zone', async () => {
    const created = await payload.create({
      collection: 'members',
      // what the admin's day-only picker stores for 31 May
      data: {
        username: '310531',
        name: 'Member until 31 May',
        password: 'a long enough password',
        roles: ['member'],
        active: true,
        membershipExpires: '2026-05-31T12:00:00.000Z',
      },
      ...quiet,
    })
    const member = await findPerson(payload, 'members', '310531')
    expect(member.id).toEqual(created.id)

    const at = async (instant: string, zone?: string) => {
      if (zone) process.env.LODESTAR_TIME_ZONE = zone
      else delete process.env.LODESTAR_TIME_ZONE
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(instant) })
      try {
        return await membersOnly(member)
      } finally {
        vi.useRealTimers()
      }
    }
    expect(await at('2026-05-31T18:00:00Z')).toBeGreaterThan(0)
    expect(await at('2026-05-31T23:59:59Z')).toBeGreaterThan(0)
    expect(await at('2026-06-01T00:00:00Z')).toBe(0)
    expect(await at('2026-06-01T04:59:59Z', 'America/Chicago')).toBeGreaterThan(0)
    expect(await at('2026-06-01T05:00:00Z', 'America/Chicago')).toBe(0)
  })
})
