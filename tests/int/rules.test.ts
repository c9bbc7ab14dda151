import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload, seedDemo } from './helpers'

let payload: Payload
// Generated types say number (SQLite); on MongoDB the same values are strings.
let planId: number
let sectionId: number
const ids: Record<string, number> = {}
const ctx = { disableRevalidate: true }

/** Runs a Local API call expected to fail and returns the error's message and field errors. */
async function refusal(call: () => Promise<unknown>) {
  try {
    await call()
  } catch (err) {
    const e = err as {
      message: string
      status?: number
      data?: { errors?: { path: string; message: string }[] }
    }
    return { message: e.message, status: e.status, fields: e.data?.errors ?? [] }
  }
  throw new Error('expected the call to be refused, but it succeeded')
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  planId = (await payload.find({ collection: 'plans', limit: 1 })).docs[0]!.id
  sectionId = (
    await payload.find({ collection: 'sections', where: { slug: { equals: 'serials' } } })
  ).docs[0]!.id
  const objectives = await payload.find({ collection: 'objectives', pagination: false, depth: 0 })
  for (const o of objectives.docs) ids[o.code!] = o.id
  const goals = await payload.find({ collection: 'goals', pagination: false, depth: 0 })
  for (const g of goals.docs) ids[`goal${g.number}`] = g.id
})

afterAll(async () => {
  await payload?.destroy()
})

const initiative = (over: Record<string, unknown> = {}) => ({
  title: 'Rule test initiative',
  section: sectionId,
  objectives: [ids['1.1']!],
  status: 'planned' as const,
  visibility: 'public' as const,
  progress: 0,
  ...over,
})

describe('numbers are unique within their parent', () => {
  it('refuses a second Goal Area 3 in one plan with a field error', async () => {
    const r = await refusal(() =>
      payload.create({
        collection: 'goals',
        data: { plan: planId, number: 3, title: 'Duplicate' },
        context: ctx,
      }),
    )
    expect(r.fields).toContainEqual(
      expect.objectContaining({ path: 'number', message: 'This plan already has a Goal Area 3.' }),
    )
  })

  it('allows Goal Area 3 in another plan', async () => {
    const other = await payload.create({
      collection: 'plans',
      data: {
        title: 'Other plan',
        slug: 'other-plan',
        organization: 'ALCTS',
        startYear: 2012,
        endYear: 2015,
        _status: 'published',
      },
      context: ctx,
    })
    const goal = await payload.create({
      collection: 'goals',
      data: { plan: other.id, number: 3, title: 'Fine' },
      context: ctx,
    })
    expect(goal.number).toBe(3)
  })

  it('refuses a second objective 1.3 with a field error', async () => {
    const r = await refusal(() =>
      payload.create({
        collection: 'objectives',
        data: { goal: ids.goal1!, number: 3, text: 'again' },
        context: ctx,
      }),
    )
    expect(r.fields).toContainEqual(
      expect.objectContaining({
        path: 'number',
        message: 'This goal area already has objective 1.3.',
      }),
    )
  })
})

describe("an objective's plan and code follow its goal area", () => {
  it('sets plan, code and title from the goal area', async () => {
    const created = await payload.create({
      collection: 'objectives',
      data: { goal: ids.goal2!, number: 9, text: 'a new objective', plan: 999999 } as never,
      context: ctx,
    })
    expect(created.code).toBe('2.9')
    expect(created.label).toBe('2.9 a new objective')
    expect(String(typeof created.plan === 'object' ? created.plan?.id : created.plan)).toBe(
      String(planId),
    )
    await payload.delete({ collection: 'objectives', id: created.id, context: ctx })
  })

  it('renumbering a goal area recodes its objectives', async () => {
    const goal = await payload.create({
      collection: 'goals',
      data: { plan: planId, number: 8, title: 'Temporary' },
      context: ctx,
    })
    const o = await payload.create({
      collection: 'objectives',
      data: { goal: goal.id, number: 1, text: 'x' },
      context: ctx,
    })
    expect(o.code).toBe('8.1')
    await payload.update({ collection: 'goals', id: goal.id, data: { number: 9 }, context: ctx })
    const after = await payload.findByID({ collection: 'objectives', id: o.id, depth: 0 })
    expect(after.code).toBe('9.1')
    await payload.delete({ collection: 'objectives', id: o.id, context: ctx })
    await payload.delete({ collection: 'goals', id: goal.id, context: ctx })
  })
})

describe('initiative rules', () => {
  it('records the plan of its objectives', async () => {
    const created = await payload.create({
      collection: 'initiatives',
      data: initiative(),
      context: ctx,
      depth: 0,
    })
    expect(String(created.plan)).toBe(String(planId))
    await payload.delete({ collection: 'initiatives', id: created.id, context: ctx })
  })

  it('refuses objectives from two plans', async () => {
    const other = (
      await payload.find({ collection: 'plans', where: { title: { equals: 'Other plan' } } })
    ).docs[0]!
    const goal = (
      await payload.find({ collection: 'goals', where: { plan: { equals: other.id } } })
    ).docs[0]!
    const foreign = await payload.create({
      collection: 'objectives',
      data: { goal: goal.id, number: 1, text: 'foreign' },
      context: ctx,
    })
    const r = await refusal(() =>
      payload.create({
        collection: 'initiatives',
        data: initiative({ objectives: [ids['1.1']!, foreign.id] }),
        context: ctx,
      }),
    )
    expect(r.fields[0]).toMatchObject({ path: 'objectives' })
    expect(r.fields[0]!.message).toMatch(/must belong to one plan/)
  })

  it('requires a completion date when completed', async () => {
    const r = await refusal(() =>
      payload.create({
        collection: 'initiatives',
        data: initiative({ status: 'completed' }),
        context: ctx,
      }),
    )
    expect(r.fields).toContainEqual(
      expect.objectContaining({
        path: 'completedDate',
        message: 'A completed initiative needs its completion date.',
      }),
    )
  })

  it('refuses a target date before the start date', async () => {
    const r = await refusal(() =>
      payload.create({
        collection: 'initiatives',
        data: initiative({ startDate: '2008-05-01', targetDate: '2008-01-01' }),
        context: ctx,
      }),
    )
    expect(r.fields).toContainEqual(
      expect.objectContaining({
        path: 'targetDate',
        message: 'The target date cannot be before the start date.',
      }),
    )
  })

  it.each([-1, 101])('refuses progress %s', async (progress) => {
    const r = await refusal(() =>
      payload.create({ collection: 'initiatives', data: initiative({ progress }), context: ctx }),
    )
    expect(r.fields.map((f) => f.path)).toContain('progress')
  })
})

describe('deleting what others point at is refused, naming them', () => {
  it('a goal area with objectives', async () => {
    const r = await refusal(() =>
      payload.delete({ collection: 'goals', id: ids.goal2!, context: ctx }),
    )
    expect(r.status).toBe(409)
    expect(r.message).toBe(
      'Goal Area 2 cannot be deleted: objectives 2.1, 2.2 and 2.3 still belong to it. Delete or move them first.',
    )
    expect(
      await payload.count({ collection: 'objectives', where: { goal: { equals: ids.goal2! } } }),
    ).toMatchObject({ totalDocs: 3 })
  })

  it('an objective that initiatives serve', async () => {
    const r = await refusal(() =>
      payload.delete({ collection: 'objectives', id: ids['1.1']!, context: ctx }),
    )
    expect(r.status).toBe(409)
    expect(r.message).toMatch(
      /^Objective 1\.1 cannot be deleted: initiatives "E-resource acquisitions workflow survey \(sample\)" and "Environmental scan of technical services trends \(sample\)" still serve it\./,
    )
  })

  it('a section that owns initiatives', async () => {
    const r = await refusal(() =>
      payload.delete({ collection: 'sections', id: sectionId, context: ctx }),
    )
    expect(r.status).toBe(409)
    expect(r.message).toMatch(
      /^Serials Section cannot be deleted: it still owns initiatives ".+" and \d+ more\. Move them to another section first\.$/,
    )
  })
})

describe('one current plan', () => {
  it('marking a plan current unmarks the others', async () => {
    const p = await payload.create({
      collection: 'plans',
      data: {
        title: 'Next plan',
        slug: 'next-plan',
        organization: 'ALCTS',
        startYear: 2011,
        endYear: 2015,
        current: true,
        _status: 'published',
      },
      context: ctx,
    })
    const current = await payload.find({
      collection: 'plans',
      where: { current: { equals: true } },
      depth: 0,
    })
    expect(current.docs.map((d) => d.id)).toEqual([p.id])
  })
})
