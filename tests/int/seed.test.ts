import fs from 'node:fs'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parsePlanText } from '@/lib/import/text'
import { lexicalToParagraphs } from '@/lib/richtext/lexical'
import { SEED_PLAN_FILE, SEED_PLAN_SLUG } from '@/lib/seed'
import { getTestPayload, seedDemo } from './helpers'

let payload: Payload
const published = parsePlanText(fs.readFileSync(SEED_PLAN_FILE, 'utf8')).plan

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('seed: the ALCTS Strategic Plan 2006–2011', () => {
  it('stores the plan with its preamble, vision, mission and adoption', async () => {
    const { docs } = await payload.find({
      collection: 'plans',
      where: { slug: { equals: SEED_PLAN_SLUG } },
    })
    expect(docs).toHaveLength(1)
    const plan = docs[0]!
    expect(plan).toMatchObject({
      title: 'ALCTS Strategic Plan 2006-2011',
      organization: 'Association for Library Collections and Technical Services',
      startYear: 2006,
      endYear: 2011,
      adoptedBy: 'ALCTS Executive Board, New Orleans',
      current: true,
      _status: 'published',
    })
    expect(plan.adoptedOn?.slice(0, 7)).toBe('2006-06')
    expect(lexicalToParagraphs(plan.preamble)).toEqual(published.preamble)
    expect(lexicalToParagraphs(plan.preamble)).toHaveLength(3)
    expect(lexicalToParagraphs(plan.vision)[0]).toMatch(
      /^The Association for Library Collections and Technical Services \(ALCTS\) is the recognized dynamic leader/,
    )
    expect(lexicalToParagraphs(plan.mission)[0]).toMatch(/^To shape and respond nimbly/)
  })

  it('has 5 goal areas with 6, 3, 5, 5 and 7 objectives, texts exactly as published', async () => {
    const goals = await payload.find({ collection: 'goals', sort: 'number', pagination: false })
    expect(goals.docs.map((g) => g.number)).toEqual([1, 2, 3, 4, 5])
    expect(goals.docs.map((g) => g.title)).toEqual(published.goals.map((g) => g.title))
    expect(goals.docs[0]!.title).toBe('ALCTS provides leadership in the management of information')
    const objectives = await payload.find({
      collection: 'objectives',
      sort: 'position',
      pagination: false,
      depth: 0,
    })
    expect(objectives.docs).toHaveLength(26)
    const perGoal = goals.docs.map(
      (g) => objectives.docs.filter((o) => String(o.goal) === String(g.id)).length,
    )
    expect(perGoal).toEqual([6, 3, 5, 5, 7])
    const expected = published.goals.flatMap((g) =>
      g.objectives.map((o) => ({ code: `${g.number}.${o.number}`, text: o.text })),
    )
    expect(objectives.docs.map((o) => ({ code: o.code, text: o.text }))).toEqual(expected)
    expect(objectives.docs.find((o) => o.code === '4.2')?.text).toBe(
      'communicates and collaborates with outside organizations in the library, information, standards, and metadata communities',
    )
    // every objective's plan is its goal's plan
    const plan = (await payload.find({ collection: 'goals', depth: 0, limit: 1 })).docs[0]!.plan
    for (const objective of objectives.docs) expect(String(objective.plan)).toBe(String(plan))
  })

  it('has the six sections of the page navigation, with full names', async () => {
    const sections = await payload.find({ collection: 'sections', sort: 'name', pagination: false })
    expect(sections.docs.map((s) => s.abbreviation).sort()).toEqual([
      'AS',
      'CCS',
      'CMDS',
      'CRG',
      'PARS',
      'SS',
    ])
    expect(sections.docs.map((s) => s.name)).toContain('Council of Regional Groups')
  })

  it('has 34 labelled sample initiatives over every section, status and visibility, two of them drafts', async () => {
    const all = await payload.find({
      collection: 'initiatives',
      pagination: false,
      depth: 0,
      draft: true,
    })
    expect(all.docs).toHaveLength(34)
    expect(all.docs.every((i) => i.title.endsWith('(sample)'))).toBe(true)
    expect(new Set(all.docs.map((i) => i.status))).toEqual(
      new Set(['proposed', 'planned', 'in-progress', 'completed', 'deferred', 'cancelled']),
    )
    expect(new Set(all.docs.map((i) => i.visibility))).toEqual(new Set(['public', 'members']))
    expect(new Set(all.docs.map((i) => String(i.section))).size).toBe(6)
    expect(all.docs.filter((i) => i._status === 'draft')).toHaveLength(2)
    const plan = (await payload.find({ collection: 'plans', limit: 1 })).docs[0]!
    for (const initiative of all.docs) expect(String(initiative.plan)).toBe(String(plan.id))
  })

  it('creates the demo accounts of the README', async () => {
    const users = await payload.find({ collection: 'users', sort: 'email', pagination: false })
    expect(users.docs.map((u) => [u.email, u.roles])).toEqual([
      ['acquisitions@example.org', ['section-editor']],
      ['admin@example.org', ['admin']],
      ['editor@example.org', ['editor']],
    ])
    const members = await payload.find({
      collection: 'members',
      sort: 'username',
      pagination: false,
    })
    expect(members.docs.map((m) => m.username)).toEqual(['100001', '100002', '100003'])
    expect(members.docs[1]!.roles).toContain('board')
    expect(new Date(members.docs[2]!.membershipExpires!).getTime()).toBeLessThan(Date.now())
  })

  it('is idempotent: a second run adds nothing', async () => {
    const count = async () =>
      Promise.all(
        (
          ['plans', 'goals', 'objectives', 'sections', 'initiatives', 'users', 'members'] as const
        ).map(async (collection) => (await payload.count({ collection })).totalDocs),
      )
    const before = await count()
    await seedDemo(payload)
    expect(await count()).toEqual(before)
    expect(before).toEqual([1, 5, 26, 6, 34, 3, 3])
  })
})
