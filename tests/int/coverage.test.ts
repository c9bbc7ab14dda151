/**
 * The dashboard's one data fetch (lib/data/coverage.ts) against a real database: the seed's exact
 * numbers for each kind of viewer, filters, drafts never counting, and a constant number of
 * database queries however many initiatives the plan has.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  coverageForQuery,
  getCurrentDashboardPlan,
  getPlanCoverage,
  listDashboardPlans,
  loadCoverageData,
  readerOf,
  type CoverageUser,
} from '@/lib/data/coverage'
import { computeCoverage, type CoverageFilters } from '@/lib/plan/coverage'
import { ACTIVE_STATUSES } from '@/lib/plan/types'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES, type SampleInitiative } from '@/lib/seed/sampleInitiatives'
import { findPerson, getTestPayload, seedDemo } from './helpers'
import { countQueries } from './queryCount'

let payload: Payload
let member: CoverageUser
let board: CoverageUser
let lapsed: CoverageUser
let admin: CoverageUser
let sectionEditor: CoverageUser

const GOAL_SIZES = [6, 3, 5, 5, 7]
const ALL_CODES = GOAL_SIZES.flatMap((n, g) =>
  Array.from({ length: n }, (_, o) => `${g + 1}.${o + 1}`),
)

/**
 * An oracle written from the seed data and docs/architecture.md's rules ("Coverage") alone (not via computeCoverage):
 * the codes covered by published, active initiatives the audience sees and the filters keep.
 */
function expectedCovered(
  audience: 'members' | 'public',
  keep: (s: SampleInitiative) => boolean = () => true,
): string[] {
  const codes = new Set<string>()
  for (const s of SAMPLE_INITIATIVES) {
    if (s.draft || !ACTIVE_STATUSES.includes(s.status)) continue
    if (audience === 'public' && s.visibility !== 'public') continue
    if (!keep(s)) continue
    for (const code of s.objectives) codes.add(code)
  }
  return ALL_CODES.filter((c) => codes.has(c))
}

const gapsOf = (covered: string[]) => ALL_CODES.filter((c) => !covered.includes(c))

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  member = await findPerson(payload, 'members', '100001')
  board = await findPerson(payload, 'members', '100002')
  lapsed = await findPerson(payload, 'members', '100003')
  admin = await findPerson(payload, 'users', 'admin@example.org')
  sectionEditor = await findPerson(payload, 'users', 'acquisitions@example.org')
})

afterAll(async () => {
  await payload?.destroy()
})

describe('the seeded ALCTS plan as a member sees it', () => {
  it('has 18 of 26 objectives covered, the gaps of the seed, per goal area 6/3/5/5/7', async () => {
    const cov = await getPlanCoverage(SEED_PLAN_SLUG, member)
    expect(cov).not.toBeNull()
    const covered = expectedCovered('members')
    expect(covered).toHaveLength(18)
    expect(cov!.objectives).toEqual({ total: 26, covered: 18 })
    expect(cov!.coverage).toBeCloseTo(18 / 26)
    expect(cov!.gaps).toEqual(['1.4', '1.6', '2.3', '3.4', '4.3', '4.4', '5.2', '5.5'])
    expect(cov!.gaps).toEqual(gapsOf(covered))
    expect(cov!.goals.map((g) => g.objectives)).toEqual(GOAL_SIZES)
    expect(cov!.goals.map((g) => g.covered)).toEqual(
      GOAL_SIZES.map((_, i) => covered.filter((c) => c.startsWith(`${i + 1}.`)).length),
    )
    expect(cov!.plan).toMatchObject({ slug: SEED_PLAN_SLUG, startYear: 2006, endYear: 2011 })
    expect(cov!.view.audience).toBe('members')
  })

  it('counts initiatives and sections like the seed data says', async () => {
    const cov = (await getPlanCoverage(SEED_PLAN_SLUG, member))!
    const published = SAMPLE_INITIATIVES.filter((s) => !s.draft)
    const active = published.filter((s) => ACTIVE_STATUSES.includes(s.status))
    expect(cov.initiatives).toEqual({
      total: published.length,
      active: active.length,
      completed: active.filter((s) => s.status === 'completed').length,
    })
    expect(cov.sectionsEngaged).toBe(new Set(active.map((s) => s.section)).size)
    const acquisitions = cov.sections.find((s) => s.slug === 'acquisitions')!
    const acqActive = active.filter((s) => s.section === 'acquisitions')
    expect(acquisitions.total).toBe(acqActive.length)
    for (const goal of ['1', '2', '3', '4', '5']) {
      expect(acquisitions.byGoal[goal]).toBe(
        acqActive.filter((s) => s.objectives.some((c) => c.startsWith(`${goal}.`))).length,
      )
    }
  })

  it('equals computeCoverage over the whole plan read without access control', async () => {
    const data = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    const all = (await loadCoverageData(SEED_PLAN_SLUG, admin))!
    expect(computeCoverage(all.input, { audience: 'members' })).toEqual(
      await getPlanCoverage(SEED_PLAN_SLUG, member),
    )
    expect(data.input.goals).toHaveLength(5)
    expect(data.input.objectives).toHaveLength(26)
    expect(data.input.sections).toHaveLength(6)
  })

  it('a board member sees the same numbers as a member', async () => {
    expect(await getPlanCoverage(SEED_PLAN_SLUG, board)).toEqual(
      await getPlanCoverage(SEED_PLAN_SLUG, member),
    )
  })
})

describe('drafts never count', () => {
  const drafts = SAMPLE_INITIATIVES.filter((s) => s.draft).map((s) => s.title)

  it('Payload hides drafts from a member: they are not even loaded', async () => {
    expect(drafts).toHaveLength(2)
    const data = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    expect(data.input.initiatives).toHaveLength(32)
    expect(data.input.initiatives.every((i) => i.published)).toBe(true)
    for (const title of drafts)
      expect(data.input.initiatives.map((i) => i.title)).not.toContain(title)
  })

  it('staff load the drafts too, and computeCoverage leaves them out', async () => {
    const data = (await loadCoverageData(SEED_PLAN_SLUG, admin))!
    expect(data.input.initiatives).toHaveLength(34)
    expect(
      data.input.initiatives
        .filter((i) => !i.published)
        .map((i) => i.title)
        .sort(),
    ).toEqual([...drafts].sort())
    const cov = (await getPlanCoverage(SEED_PLAN_SLUG, admin))!
    expect(cov.objectives.covered).toBe(18)
    // the drafts serve 4.3 and 2.3: still gaps
    expect(cov.gaps).toContain('4.3')
    expect(cov.gaps).toContain('2.3')
    expect(cov).toEqual(await getPlanCoverage(SEED_PLAN_SLUG, member))
    expect(await getPlanCoverage(SEED_PLAN_SLUG, sectionEditor)).toEqual(cov)
  })
})

describe('a lapsed member counts as the public', () => {
  it('sees public initiatives only: 15 of 26', async () => {
    const cov = (await getPlanCoverage(SEED_PLAN_SLUG, lapsed))!
    expect(cov.view.audience).toBe('public')
    expect(expectedCovered('public')).toHaveLength(15)
    expect(cov.objectives).toEqual({ total: 26, covered: 15 })
    expect(cov.gaps).toEqual(gapsOf(expectedCovered('public')))
    const data = (await loadCoverageData(SEED_PLAN_SLUG, lapsed))!
    expect(data.input.initiatives.every((i) => i.visibility === 'public')).toBe(true)
  })
})

describe('filters', () => {
  const cases: {
    name: string
    filters: CoverageFilters
    keep: (s: SampleInitiative) => boolean
  }[] = [
    {
      name: 'one section',
      filters: { section: 'acquisitions' },
      keep: (s) => s.section === 'acquisitions',
    },
    {
      name: 'another section',
      filters: { section: 'preservation' },
      keep: (s) => s.section === 'preservation',
    },
    {
      name: 'public only',
      filters: { visibility: 'public' },
      keep: (s) => s.visibility === 'public',
    },
    {
      name: 'members-only',
      filters: { visibility: 'members' },
      keep: (s) => s.visibility === 'members',
    },
    {
      name: 'completed',
      filters: { status: ['completed'] },
      keep: (s) => s.status === 'completed',
    },
    {
      name: 'section and status',
      filters: { section: 'serials', status: ['in-progress', 'completed'] },
      keep: (s) => s.section === 'serials' && ['in-progress', 'completed'].includes(s.status),
    },
  ]
  for (const c of cases) {
    it(`${c.name}: covered objectives as the seed data says`, async () => {
      const cov = (await getPlanCoverage(SEED_PLAN_SLUG, member, c.filters))!
      const covered = expectedCovered('members', c.keep)
      expect(cov.objectives.covered).toBe(covered.length)
      expect(cov.gaps).toEqual(gapsOf(covered))
      expect(cov.view.filters).toEqual(c.filters)
    })
  }

  it('reads filters from a query string', async () => {
    const result = await coverageForQuery(
      SEED_PLAN_SLUG,
      new URLSearchParams('section=acquisitions&status=planned,in-progress&status=completed'),
      member,
    )
    expect(result.status).toBe(200)
    if (result.status !== 200) return
    expect(result.coverage.view.filters).toEqual({
      section: 'acquisitions',
      status: ['planned', 'in-progress', 'completed'],
    })
    expect(result.coverage).toEqual(
      await getPlanCoverage(SEED_PLAN_SLUG, member, {
        section: 'acquisitions',
        status: ['planned', 'in-progress', 'completed'],
      }),
    )
    // keeping only the active statuses changes no coverage number, only the status counts
    const sectionOnly = (await getPlanCoverage(SEED_PLAN_SLUG, member, {
      section: 'acquisitions',
    }))!
    expect(result.coverage.goals.map((g) => g.covered)).toEqual(
      sectionOnly.goals.map((g) => g.covered),
    )
    expect(result.coverage.initiatives.total).toBe(sectionOnly.initiatives.active)
    expect(result.coverage.objectives.covered).toBe(
      expectedCovered('members', (s) => s.section === 'acquisitions').length,
    )
    expect(result.coverage.objectives.covered).not.toBe(18)
  })

  it.each([
    ['status=finished', /Unknown status "finished"/],
    ['visibility=secret', /Unknown visibility "secret"/],
    ['section=Not%20A%20Slug', /not a section slug/],
    ['section=acquisitions&section=serials', /one section at a time/],
    ['section=no-such-section', /No section "no-such-section"/],
  ])('answers 400 with a message for %s', async (query, message) => {
    const result = await coverageForQuery(SEED_PLAN_SLUG, new URLSearchParams(query), member)
    expect(result.status).toBe(400)
    expect(result.status === 400 && result.error).toMatch(message)
  })

  it('answers 404 for an unknown plan', async () => {
    const result = await coverageForQuery('no-such-plan', new URLSearchParams(), member)
    expect(result).toEqual({ status: 404, error: 'No plan "no-such-plan".' })
    expect(await getPlanCoverage('no-such-plan', member)).toBeNull()
  })
})

describe('plans for the switcher', () => {
  it('lists the published plans and opens with the current one', async () => {
    const plans = await listDashboardPlans(member)
    expect(plans.map((p) => p.slug)).toEqual([SEED_PLAN_SLUG])
    expect((await getCurrentDashboardPlan(member))?.slug).toBe(SEED_PLAN_SLUG)
  })

  it('hides a draft plan from members, shows it to staff', async () => {
    const draft = await payload.create({
      collection: 'plans',
      draft: true,
      data: {
        title: 'Draft plan 2012-2016',
        slug: 'draft-plan-2012-2016',
        organization: 'ALCTS',
        startYear: 2012,
        endYear: 2016,
        _status: 'draft',
      },
      context: { disableRevalidate: true },
    })
    try {
      expect((await listDashboardPlans(member)).map((p) => p.slug)).not.toContain(draft.slug)
      expect(await getPlanCoverage(draft.slug, member)).toBeNull()
      expect((await listDashboardPlans(admin)).map((p) => p.slug)).toContain(draft.slug)
      expect((await getPlanCoverage(draft.slug, admin))?.objectives.total).toBe(0)
    } finally {
      await payload.delete({
        collection: 'plans',
        id: draft.id,
        context: { disableRevalidate: true },
      })
    }
  })
})

// --- Cached per kind of reader ---------------------------------------------------------------

describe('the cached data is kept per kind of reader', () => {
  it('gives members, staff and lapsed members keys of their own, and the board the members’', async () => {
    // one kind of reader sees the same data whoever it is (the read rules depend on roles only)
    expect(readerOf(member)).toBe(readerOf(board))
    expect(readerOf(admin)).toBe(readerOf(sectionEditor))
    const kinds = new Set([readerOf(member), readerOf(admin), readerOf(lapsed)])
    expect(kinds.size).toBe(3)
    // and what each kind loads differs: staff load drafts, a lapsed member public work only
    const byKind = await Promise.all(
      [member, admin, lapsed].map(async (user) => (await loadCoverageData(SEED_PLAN_SLUG, user))!),
    )
    const counts = byKind.map((d) => d.input.initiatives.length)
    expect(new Set(counts).size).toBe(3)
  })
})

// --- Constant query count -------------------------------------------------------------------

describe('the data fetch makes a fixed number of queries', () => {
  it('is the same for 32 and for 232 initiatives (and ignores other plans)', async () => {
    const before = await countQueries(payload, () => loadCoverageData(SEED_PLAN_SLUG, member))
    // five finds for the data (plan, goal areas, objectives, sections, initiatives), plus the
    // published plans' ids that the read rules of goal areas, objectives and initiatives look up
    // each time Payload evaluates them (the operation, join fields, where paths): a fixed set
    expect(before.adapterCalls).toBeGreaterThanOrEqual(5)
    expect(before.adapterCalls).toBeLessThanOrEqual(20)
    expect(before.databaseQueries).toBeGreaterThanOrEqual(5)
    console.info('coverage data fetch:', JSON.stringify(before))
    const staffBefore = await countQueries(payload, () => loadCoverageData(SEED_PLAN_SLUG, admin))
    // the plan, its goal areas, objectives, sections and initiatives, and the published plans'
    // ids looked up once for the read rules of all of them (READ_MEMO): six at most, on SQLite
    // and on the MongoDB wire protocol (FerretDB), where a join field read along (the plans'
    // goal areas, the goal areas' objectives) would be a find and a count of its own
    expect(before.databaseQueries).toBeLessThanOrEqual(6)
    expect(staffBefore.databaseQueries).toBeLessThanOrEqual(6)

    // 200 more initiatives on the plan, of every status and both visibilities, plus a second
    // plan with its own initiatives that must not be loaded.
    const objectives = await payload.find({
      collection: 'objectives',
      where: { code: { in: ['1.4', '3.4', '5.2'] } },
      depth: 0,
      pagination: false,
      select: { code: true },
    })
    const sections = await payload.find({ collection: 'sections', depth: 0, pagination: false })
    const statuses = ['planned', 'in-progress', 'completed', 'proposed'] as const
    const context = { disableRevalidate: true }
    for (let i = 0; i < 200; i++) {
      await payload.create({
        collection: 'initiatives',
        context,
        depth: 0,
        data: {
          title: `Bulk initiative ${i}`,
          section: sections.docs[i % sections.docs.length]!.id,
          objectives: [objectives.docs[i % objectives.docs.length]!.id],
          status: statuses[i % statuses.length]!,
          completedDate: statuses[i % statuses.length] === 'completed' ? '2009-01-01' : null,
          visibility: i % 2 ? 'public' : 'members',
          _status: 'published',
        },
      })
    }
    const other = await payload.create({
      collection: 'plans',
      context,
      data: {
        title: 'Other plan',
        slug: 'other-plan',
        organization: 'ALCTS',
        startYear: 2012,
        endYear: 2014,
        _status: 'published',
      },
    })
    const otherGoal = await payload.create({
      collection: 'goals',
      context,
      data: { plan: other.id, number: 1, title: 'Other goal' },
    })
    const otherObjective = await payload.create({
      collection: 'objectives',
      context,
      data: { goal: otherGoal.id, number: 1, text: 'Other objective' },
    })
    for (let i = 0; i < 20; i++) {
      await payload.create({
        collection: 'initiatives',
        context,
        data: {
          title: `Other ${i}`,
          section: sections.docs[0]!.id,
          objectives: [otherObjective.id],
          status: 'planned',
          visibility: 'public',
          _status: 'published',
        },
      })
    }

    let loaded = 0
    const after = await countQueries(payload, async () => {
      loaded = (await loadCoverageData(SEED_PLAN_SLUG, member))!.input.initiatives.length
    })
    expect(loaded).toBe(232)
    expect(after).toEqual(before)
    expect(await countQueries(payload, () => loadCoverageData(SEED_PLAN_SLUG, admin))).toEqual(
      staffBefore,
    )

    // and the numbers moved as they should: the bulk work covers 1.4, 3.4 and 5.2
    const cov = (await getPlanCoverage(SEED_PLAN_SLUG, member))!
    expect(cov.objectives.covered).toBe(21)
    expect(cov.gaps).toEqual(['1.6', '2.3', '4.3', '4.4', '5.5'])
    expect(cov.initiatives.total).toBe(232)
  })
})
