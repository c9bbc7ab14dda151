/**
 * The dashboard's drill-down and tables on the seeded plan, read through lib/data as each kind of
 * viewer: the right initiatives under each objective, never a draft, public-only for the public.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { goalDrillDown } from '@/lib/charts/drilldown'
import { gapsTable } from '@/lib/charts/tables'
import { getPlanCoverage, loadCoverageData, type CoverageUser } from '@/lib/data/coverage'
import { coverageTable } from '@/lib/plan/csv'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { findPerson, getTestPayload, seedDemo } from './helpers'

let payload: Payload
let member: CoverageUser
let lapsed: CoverageUser
let admin: CoverageUser

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  member = await findPerson(payload, 'members', '100001')
  lapsed = await findPerson(payload, 'members', '100003')
  admin = await findPerson(payload, 'users', 'admin@example.org')
})

afterAll(async () => {
  await payload?.destroy()
})

/** Titles of the seed's published initiatives serving `code`, as the audience sees them. */
const seedTitles = (code: string, audience: 'members' | 'public') =>
  SAMPLE_INITIATIVES.filter(
    (s) =>
      !s.draft &&
      s.objectives.includes(code) &&
      (audience === 'members' || s.visibility === 'public'),
  )
    .map((s) => s.title)
    .sort()

describe('drill-down on the seeded plan', () => {
  for (const [who, audience] of [
    ['member', 'members'],
    ['lapsed member (public view)', 'public'],
    ['staff', 'members'],
  ] as const) {
    it(`${who}: every objective lists exactly the seed's initiatives serving it`, async () => {
      const user = who === 'member' ? member : who === 'staff' ? admin : lapsed
      const data = (await loadCoverageData(SEED_PLAN_SLUG, user))!
      const cov = (await getPlanCoverage(SEED_PLAN_SLUG, user))!
      for (const goal of cov.goals) {
        const drill = goalDrillDown(data.input, goal.number, { audience: data.audience })!
        expect(drill.objectives.map((o) => o.code)).toEqual(
          goal.objectiveCoverage.map((o) => o.code),
        )
        for (const objective of drill.objectives) {
          expect(objective.initiatives.map((i) => i.title).sort()).toEqual(
            seedTitles(objective.code, audience),
          )
          const counted = goal.objectiveCoverage.find((o) => o.code === objective.code)!
          expect(objective.active).toBe(counted.initiatives)
        }
      }
    })
  }

  it('objective 1.3: a member sees both initiatives, the public one of them', async () => {
    const memberDrill = goalDrillDown((await loadCoverageData(SEED_PLAN_SLUG, member))!.input, 1)!
    const o13 = memberDrill.objectives.find((o) => o.code === '1.3')!
    expect(o13.initiatives.map((i) => [i.title, i.status, i.section])).toEqual([
      [
        'Metadata exchange best-practices wiki (sample)',
        'completed',
        'Cataloging and Classification Section',
      ],
      [
        'Transition guidance for catalogers adopting new standards (sample)',
        'in-progress',
        'Cataloging and Classification Section',
      ],
    ])
    const lapsedData = (await loadCoverageData(SEED_PLAN_SLUG, lapsed))!
    const publicDrill = goalDrillDown(lapsedData.input, 1, { audience: lapsedData.audience })!
    expect(
      publicDrill.objectives.find((o) => o.code === '1.3')!.initiatives.map((i) => i.title),
    ).toEqual(['Transition guidance for catalogers adopting new standards (sample)'])
  })

  it('objective 4.3 stays a gap for staff although they load its draft initiative', async () => {
    const data = (await loadCoverageData(SEED_PLAN_SLUG, admin))!
    expect(data.input.initiatives.some((i) => i.title === 'Cataloging cost study (sample)')).toBe(
      true,
    )
    const o43 = goalDrillDown(data.input, 4)!.objectives.find((o) => o.code === '4.3')!
    expect(o43.covered).toBe(false)
    expect(o43.initiatives.map((i) => i.title)).toEqual([
      'Library school curriculum outreach on cataloging (sample)',
    ])
  })

  it('a section filter narrows the drill-down like the numbers', async () => {
    const data = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    const drill = goalDrillDown(data.input, 2, { filters: { section: 'preservation' } })!
    expect(drill.objectives.map((o) => [o.code, o.initiatives.map((i) => i.title)])).toEqual([
      ['2.1', ['Best practices for preserving digital files (sample)']],
      ['2.2', ['Best practices for preserving digital files (sample)']],
      ['2.3', []],
    ])
  })
})

describe('tables on the seeded plan', () => {
  it('coverage and gaps tables carry the seed numbers', async () => {
    const cov = (await getPlanCoverage(SEED_PLAN_SLUG, member))!
    expect(coverageTable(cov).rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      [1, 6, 4, '67%'],
      [2, 3, 2, '67%'],
      [3, 5, 4, '80%'],
      [4, 5, 3, '60%'],
      [5, 7, 5, '71%'],
    ])
    expect(gapsTable(cov).rows.map((r) => r[0])).toEqual(cov.gaps)
  })
})
