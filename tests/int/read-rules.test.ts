/**
 * The read rules of goal areas, objectives and initiatives name the published plans by id
 * (collections/access/roles.ts, inPlans) instead of filtering through the `plan` relationship.
 * These tests hold them to what the public and members may see as plans are unpublished and
 * published again, on every surface, including when no plan at all is published.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findPerson, getTestPayload, loginToken, rest, seedDemo, seededPlanId } from './helpers'

let payload: Payload
let planId: number | string
const system = { context: { disableRevalidate: true } }

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  planId = await seededPlanId(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

const setPlanStatus = (status: 'draft' | 'published') =>
  payload.update({ collection: 'plans', id: planId, data: { _status: status }, ...system })

async function counts(user: Awaited<ReturnType<typeof findPerson>> | null) {
  const asPerson = {
    user,
    overrideAccess: false as const,
    depth: 0,
    limit: 0,
    pagination: false as const,
  }
  const [goals, objectives, initiatives] = await Promise.all([
    payload.find({ collection: 'goals', ...asPerson }),
    payload.find({ collection: 'objectives', ...asPerson }),
    payload.find({ collection: 'initiatives', ...asPerson }),
  ])
  return {
    goals: goals.docs.length,
    objectives: objectives.docs.length,
    initiatives: initiatives.docs.length,
  }
}

describe('read rules by published plan', () => {
  it('show the published plan’s content to the public (public initiatives) and members (members-only too)', async () => {
    const member = await findPerson(payload, 'members', '100001')
    const anonymous = await counts(null)
    const asMember = await counts(member)
    expect(anonymous).toMatchObject({ goals: 5, objectives: 26 })
    expect(asMember).toMatchObject({ goals: 5, objectives: 26 })
    // 34 sample initiatives: 2 drafts; some members-only
    expect(asMember.initiatives).toBe(32)
    expect(anonymous.initiatives).toBeGreaterThan(0)
    expect(anonymous.initiatives).toBeLessThan(asMember.initiatives)
  })

  it('hide everything once no plan is published (Local API and REST), while staff still see it all', async () => {
    const member = await findPerson(payload, 'members', '100001')
    const editor = await findPerson(payload, 'users', 'editor@example.org')
    await setPlanStatus('draft')
    try {
      expect(await counts(null)).toEqual({ goals: 0, objectives: 0, initiatives: 0 })
      expect(await counts(member)).toEqual({ goals: 0, objectives: 0, initiatives: 0 })
      expect(await counts(editor)).toEqual({ goals: 5, objectives: 26, initiatives: 34 })

      const token = await loginToken('members', '100001')
      for (const collection of ['goals', 'objectives', 'initiatives']) {
        for (const auth of [{}, { token }]) {
          const res = await rest('GET', `/api/${collection}?limit=100&depth=0`, auth)
          expect(res.status, `${collection} ${res.text}`).toBe(200)
          expect((res.json as { totalDocs: number }).totalDocs, collection).toBe(0)
        }
      }
    } finally {
      await setPlanStatus('published')
    }
    // and back when it is published again
    expect(await counts(member)).toMatchObject({ goals: 5, objectives: 26, initiatives: 32 })
  })

  it('keep a second, unpublished plan’s content out while the first stays visible', async () => {
    const member = await findPerson(payload, 'members', '100001')
    const draft = await payload.create({
      collection: 'plans',
      draft: true,
      data: {
        title: 'Next plan',
        slug: 'next-plan',
        organization: 'ALCTS',
        startYear: 2012,
        endYear: 2016,
        _status: 'draft',
      },
      ...system,
    })
    const goal = await payload.create({
      collection: 'goals',
      data: { plan: draft.id, number: 1, title: 'Secret goal' },
      ...system,
    })
    await payload.create({
      collection: 'objectives',
      data: { goal: goal.id, number: 1, text: 'Secret objective' },
      ...system,
    })
    const visible = await counts(member)
    expect(visible).toMatchObject({ goals: 5, objectives: 26, initiatives: 32 })
    const res = await rest('GET', '/api/goals?where[title][equals]=Secret%20goal', {
      token: await loginToken('members', '100001'),
    })
    expect((res.json as { totalDocs: number }).totalDocs).toBe(0)
  })
})
