/** The dashboard's pure helpers: URL filters, chart series, matrix shading, drill-down. */
import { describe, expect, it } from 'vitest'

import { drillDownTable, goalDrillDown } from '@/lib/charts/drilldown'
import {
  filterSummary,
  filtersToQuery,
  hasFilters,
  parseCoverageFilters,
  withQuery,
} from '@/lib/charts/filters'
import {
  coverageSeries,
  matrixMax,
  matrixSentence,
  shadeLevel,
  statusKeys,
  statusSeries,
  yearsSeries,
} from '@/lib/charts/series'
import { csvFileName, gapsTable, isDashboardTable } from '@/lib/charts/tables'
import {
  computeCoverage,
  type CoverageFilters,
  type CoverageInput,
  type CoverageOptions,
} from '@/lib/plan/coverage'
import type { Id, InitiativeStatus, InitiativeSummary } from '@/lib/plan/types'

const initiative = (
  id: Id,
  section: Id,
  objectives: Id[],
  status: InitiativeStatus,
  extra: Partial<InitiativeSummary> = {},
): InitiativeSummary => ({
  id,
  title: `Initiative ${id}`,
  section,
  objectives,
  status,
  visibility: 'public',
  published: true,
  ...extra,
})

/*
 * Goal areas 1 (1.1, 1.2), 2 (2.1), 3 (no objectives). Sections acq (10), cat (11).
 *   A acq [1.1, 2.1] in-progress public     B acq [1.1] completed members
 *   C cat [1.2] proposed public              D cat [1.2] planned public, draft
 *   E cat [2.1] cancelled members            F cat [999, 1.2] planned public (one unknown objective)
 *   A again (duplicate record)
 */
const input = (): CoverageInput => ({
  plan: { id: 1, slug: 'p', title: 'P', organization: 'O', startYear: 2006, endYear: 2008 },
  goals: [
    { id: 2, number: 2, title: 'Two' },
    { id: 1, number: 1, title: 'One' },
    { id: 3, number: 3, title: 'Three' },
  ],
  objectives: [
    { id: 12, goal: 1, number: 2, text: 'one-two', code: '1.2' },
    { id: 11, goal: 1, number: 1, text: 'one-one', code: '1.1' },
    { id: 21, goal: 2, number: 1, text: 'two-one', code: '2.1' },
  ],
  sections: [
    { id: 10, slug: 'acq', name: 'Acquisitions' },
    { id: 11, slug: 'cat', name: 'Cataloging' },
  ],
  initiatives: [
    initiative('A', 10, [11, 21], 'in-progress', {
      startDate: '2006-01-01',
      targetDate: '2007-12-31',
    }),
    initiative('B', 10, [11], 'completed', {
      visibility: 'members',
      completedDate: '2006-06-01',
      startDate: '2006-01-01',
    }),
    initiative('C', 11, [12], 'proposed'),
    initiative('D', 11, [12], 'planned', { published: false }),
    initiative('E', 11, [21], 'cancelled', { visibility: 'members' }),
    initiative('F', 11, [999, 12], 'planned'),
    initiative('A', 10, [11, 21], 'in-progress'),
  ],
})

describe('parseCoverageFilters', () => {
  it.each<[string, CoverageFilters]>([
    ['', {}],
    ['section=acquisitions', { section: 'acquisitions' }],
    ['status=completed', { status: ['completed'] }],
    ['status=completed&status=planned', { status: ['planned', 'completed'] }],
    ['status=completed,in-progress', { status: ['in-progress', 'completed'] }],
    ['status=planned&status=planned', { status: ['planned'] }],
    ['visibility=members', { visibility: 'members' }],
    ['section=&status=&visibility=', {}],
    ['section=serials&section=serials', { section: 'serials' }],
    ['goal=3&other=x', {}],
  ])('%s → %j', (query, filters) => {
    expect(parseCoverageFilters(new URLSearchParams(query))).toEqual({ ok: true, filters })
  })

  it.each<[string, RegExp, CoverageFilters]>([
    ['status=done', /Unknown status "done"/, {}],
    ['status=done&status=planned', /Unknown status "done"/, { status: ['planned'] }],
    ['visibility=everyone', /Unknown visibility "everyone": use public or members/, {}],
    ['section=Acquisitions', /not a section slug/, {}],
    ['section=a&section=b', /one section at a time/, {}],
    ['visibility=public&visibility=members', /one visibility at a time/, {}],
    ['section=%3Cscript%3E&status=completed', /not a section slug/, { status: ['completed'] }],
  ])('%s is refused with a message, keeping the readable part', (query, message, filters) => {
    const result = parseCoverageFilters(new URLSearchParams(query))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(message)
    expect(result.filters).toEqual(filters)
  })

  it('reads a Next searchParams object the same way', () => {
    expect(
      parseCoverageFilters({ status: ['planned', 'completed'], section: 'acq', x: undefined }),
    ).toEqual({
      ok: true,
      filters: { section: 'acq', status: ['planned', 'completed'] },
    })
  })

  it('round-trips through filtersToQuery', () => {
    const filters: CoverageFilters = {
      section: 'acq',
      status: ['planned', 'completed'],
      visibility: 'public',
    }
    const query = filtersToQuery(filters)
    expect(query).toBe('section=acq&status=planned&status=completed&visibility=public')
    expect(parseCoverageFilters(new URLSearchParams(query))).toEqual({ ok: true, filters })
    expect(filtersToQuery({}, { goal: '2' })).toBe('goal=2')
    expect(withQuery('/dashboard', '')).toBe('/dashboard')
    expect(withQuery('/dashboard', 'goal=2')).toBe('/dashboard?goal=2')
    expect(hasFilters({})).toBe(false)
    expect(hasFilters({ status: [] })).toBe(false)
    expect(hasFilters({ visibility: 'members' })).toBe(true)
  })

  it('summarises a view with the section by its name, never its slug', () => {
    const sections = [
      { slug: 'acquisitions', name: 'Acquisitions Section' },
      { slug: 'serials', name: 'Serials Section' },
    ]
    expect(filterSummary({}, sections)).toBe('')
    expect(filterSummary({ section: 'acquisitions' }, sections)).toBe('Acquisitions Section')
    expect(
      filterSummary(
        { section: 'serials', status: ['in-progress', 'completed'], visibility: 'members' },
        sections,
      ),
    ).toBe('Serials Section · in progress, completed · members-only initiatives')
    expect(filterSummary({ visibility: 'public' }, sections)).toBe('public initiatives')
    // a section the plan does not have is not part of the view
    expect(filterSummary({ section: 'nope', status: ['planned'] }, sections)).toBe('planned')
    expect(filterSummary({ section: 'acquisitions' }, [])).toBe('')
  })
})

describe('series', () => {
  const cov = computeCoverage(input())

  it('coverage: one bar per goal area in goal order, display as formatPercent', () => {
    expect(coverageSeries(cov)).toEqual([
      {
        goal: 1,
        label: 'GA 1',
        title: 'One',
        percent: 100,
        display: '100%',
        covered: 2,
        objectives: 2,
      },
      {
        goal: 2,
        label: 'GA 2',
        title: 'Two',
        percent: 100,
        display: '100%',
        covered: 1,
        objectives: 1,
      },
      {
        goal: 3,
        label: 'GA 3',
        title: 'Three',
        percent: 0,
        display: '0%',
        covered: 0,
        objectives: 0,
      },
    ])
  })

  it('status: counts per status and total per goal area', () => {
    const series = statusSeries(cov)
    expect(
      series.map((s) => [
        s.goal,
        s.total,
        s['in-progress'],
        s.completed,
        s.proposed,
        s.cancelled,
        s.planned,
      ]),
    ).toEqual([
      [1, 4, 1, 1, 1, 0, 1],
      [2, 2, 1, 0, 0, 1, 0],
      [3, 0, 0, 0, 0, 0, 0],
    ])
    expect(statusKeys().map((k) => k.label)).toEqual([
      'Proposed',
      'Planned',
      'In progress',
      'Completed',
      'Deferred',
      'Cancelled',
    ])
  })

  it('years: one point per plan year', () => {
    expect(yearsSeries(cov)).toEqual([
      { year: '2006', active: 3 },
      { year: '2007', active: 2 },
      { year: '2008', active: 1 },
    ])
  })
})

describe('matrix shading and sentence', () => {
  it.each<[number, number, number]>([
    [0, 5, 0],
    [1, 0, 0],
    [-1, 5, 0],
    [1, 5, 1],
    [1, 100, 1],
    [2, 5, 2],
    [3, 5, 3],
    [4, 5, 4],
    [5, 5, 4],
    [7, 5, 4],
  ])('shadeLevel(%i, max %i) = %i', (count, max, level) => {
    expect(shadeLevel(count, max)).toBe(level)
  })

  it('names the leading section and the idle ones', () => {
    const cov = computeCoverage(input())
    expect(matrixMax(cov)).toBe(2)
    expect(matrixSentence(cov)).toBe('Acquisitions leads with 2 active initiatives')
    const catOnly = computeCoverage(input(), { filters: { section: 'cat' } })
    expect(matrixSentence(catOnly)).toBe('Cataloging leads with 1 active initiative')
    const none = computeCoverage(input(), { filters: { status: ['proposed'] } })
    expect(matrixSentence(none)).toBe('No section has an active initiative yet')
    const unknown = computeCoverage(input(), { filters: { section: 'nope' } })
    expect(matrixSentence(unknown)).toBe('No sections match these filters')
    const publicView = computeCoverage(input(), { audience: 'public' })
    expect(matrixSentence(publicView)).toBe('2 sections lead with 1 active initiative each')
    const oneIdle = computeCoverage(input(), { filters: { status: ['in-progress'] } })
    expect(matrixSentence(oneIdle)).toBe(
      'Acquisitions leads with 1 active initiative; 1 section has none',
    )
    expect(matrixMax(unknown)).toBe(0)
  })
})

describe('goalDrillDown agrees with computeCoverage', () => {
  const views: [string, CoverageOptions][] = [
    ['members', {}],
    ['public', { audience: 'public' }],
    ['section acq', { filters: { section: 'acq' } }],
    ['unknown section', { filters: { section: 'nope' } }],
    ['statuses', { filters: { status: ['planned', 'cancelled'] } }],
    ['members-only', { filters: { visibility: 'members' } }],
    ['public as a filter', { filters: { visibility: 'public' } }],
  ]
  for (const [name, options] of views) {
    it(`${name}: every objective's active count and covered flag match`, () => {
      const cov = computeCoverage(input(), options)
      for (const goal of cov.goals) {
        const drill = goalDrillDown(input(), goal.number, options)!
        expect(drill.objectives.map((o) => [o.code, o.active, o.covered])).toEqual(
          goal.objectiveCoverage.map((o) => [o.code, o.initiatives, o.covered]),
        )
      }
    })
  }

  it('lists every initiative in view, active first, drafts never, duplicates once', () => {
    const drill = goalDrillDown(input(), 1)!
    expect(drill.title).toBe('One')
    expect(drill.objectives.map((o) => [o.code, o.initiatives.map((i) => i.title)])).toEqual([
      ['1.1', ['Initiative A', 'Initiative B']],
      ['1.2', ['Initiative F', 'Initiative C']],
    ])
    const publicDrill = goalDrillDown(input(), 1, { audience: 'public' })!
    expect(publicDrill.objectives[0]!.initiatives.map((i) => i.title)).toEqual(['Initiative A'])
    expect(goalDrillDown(input(), 3)!.objectives).toEqual([])
    expect(goalDrillDown(input(), 9)).toBeUndefined()
  })

  it('as a table: one row per objective and initiative, objectives without any kept', () => {
    const table = drillDownTable(goalDrillDown(input(), 2, { filters: { status: ['proposed'] } })!)
    expect(table).toEqual({
      headers: ['Objective', 'Covered', 'Initiative', 'Section', 'Status', 'Progress', 'Stale'],
      rows: [['2.1', 'no', '', '', '', '', '']],
    })
    const full = drillDownTable(goalDrillDown(input(), 2)!)
    expect(full.rows).toEqual([
      ['2.1', 'yes', 'Initiative A', 'Acquisitions', 'in progress', '', ''],
      ['2.1', 'yes', 'Initiative E', 'Cataloging', 'cancelled', '', ''],
    ])
  })

  it('marks the initiatives it is told are stale, in the rows and the table', () => {
    const a = input().initiatives.find((i) => i.title === 'Initiative A')!
    const drill = goalDrillDown(input(), 2, { stale: new Set([String(a.id)]) })!
    expect(drill.objectives[0]!.initiatives.map((i) => [i.title, i.stale])).toEqual([
      ['Initiative A', true],
      ['Initiative E', false],
    ])
    expect(drillDownTable(drill).rows.map((r) => r[6])).toEqual(['stale', ''])
  })
})

describe('tables', () => {
  it('gaps: the uncovered objectives with their goal area, in plan order', () => {
    const cov = computeCoverage(input(), { filters: { section: 'acq' } })
    expect(cov.gaps).toEqual(['1.2'])
    expect(gapsTable(cov)).toEqual({
      headers: ['Objective', 'Goal area', 'Text'],
      rows: [['1.2', 1, 'one-two']],
    })
  })

  it('knows its table names and file names', () => {
    expect(['coverage', 'status', 'years', 'sections', 'gaps'].every(isDashboardTable)).toBe(true)
    expect(isDashboardTable('toString')).toBe(false)
    expect(isDashboardTable('goal-1')).toBe(false)
    expect(csvFileName('plan', 'coverage')).toBe('plan-coverage.csv')
    expect(csvFileName('plan', 'gaps', 'acq')).toBe('plan-gaps-acq.csv')
  })
})
