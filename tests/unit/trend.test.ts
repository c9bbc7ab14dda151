/** The dashboard's trend over cycles and the sentences that describe a change in coverage. */
import { describe, expect, it } from 'vitest'

import {
  statusMixSentence,
  statusMixSeries,
  statusMixTable,
  trendLines,
  trendSentence,
  trendSeries,
  trendTable,
  type CycleCoverage,
} from '@/lib/charts/trend'
import { computeCoverage, type CoverageInput } from '@/lib/plan/coverage'
import type { CycleState } from '@/lib/plan/cycles'
import type { GoalSummary, InitiativeStatus, InitiativeSummary } from '@/lib/plan/types'

const goals: GoalSummary[] = [
  { id: 1, number: 1, title: 'One' },
  { id: 2, number: 2, title: 'Two' },
]

// Goal area 1 has 1.1 and 1.2; goal area 2 has 2.1.
const input = (
  initiatives: [objective: number, status: InitiativeStatus][],
  goalList: GoalSummary[] = goals,
): CoverageInput => ({
  plan: { id: 1, slug: 'p', title: 'P', organization: 'O', startYear: 2006, endYear: 2008 },
  goals: goalList,
  objectives: [
    { id: 11, goal: 1, number: 1, text: 'one-one', code: '1.1' },
    { id: 12, goal: 1, number: 2, text: 'one-two', code: '1.2' },
    { id: 21, goal: 2, number: 1, text: 'two-one', code: '2.1' },
    { id: 31, goal: 3, number: 1, text: 'three-one', code: '3.1' },
  ],
  sections: [{ id: 10, slug: 'acq', name: 'Acquisitions' }],
  initiatives: initiatives.map(([objective, status], i): InitiativeSummary => ({
    id: i + 1,
    title: `I${i + 1}`,
    section: 10,
    objectives: [objective],
    status,
    visibility: 'public',
    published: true,
  })),
})

const at = (id: number, name: string, state: CycleState, data: CoverageInput): CycleCoverage => ({
  cycle: { id, name, state },
  coverage: computeCoverage(data),
})

const history: CycleCoverage[] = [
  at(1, 'Midwinter 2007', 'closed', input([[11, 'proposed']])),
  at(
    2,
    'Annual 2007',
    'closed',
    input([
      [11, 'in-progress'],
      [21, 'planned'],
    ]),
  ),
  at(
    3,
    'Midwinter 2008',
    'open',
    input([
      [11, 'completed'],
      [21, 'planned'],
      [12, 'deferred'],
    ]),
  ),
]

describe('trendSeries', () => {
  it('one point per cycle, oldest first, plan and goal-area percents', () => {
    expect(trendSeries(history)).toEqual([
      { cycle: 'Midwinter 2007', id: '1', state: 'closed', plan: 0, ga1: 0, ga2: 0 },
      { cycle: 'Annual 2007', id: '2', state: 'closed', plan: 66.7, ga1: 50, ga2: 100 },
      { cycle: 'Midwinter 2008', id: '3', state: 'open', plan: 66.7, ga1: 50, ga2: 100 },
    ])
  })

  it('no cycles: no points, and the plan line alone', () => {
    expect(trendSeries([])).toEqual([])
    expect(trendLines([])).toEqual([{ key: 'plan', label: 'Plan' }])
  })

  it('a goal area added in a later cycle gets a line from then on, and a dash before', () => {
    const later = [
      at(1, 'A', 'closed', input([[11, 'planned']], [goals[0] as GoalSummary])),
      at(2, 'B', 'closed', input([[11, 'planned']], [...goals, { id: 3, number: 3, title: 'T' }])),
    ]
    expect(trendLines(later).map((l) => l.key)).toEqual(['plan', 'ga1', 'ga2', 'ga3'])
    const [first, second] = trendSeries(later)
    expect(first).not.toHaveProperty('ga2')
    expect(second).toMatchObject({ ga1: 50, ga2: 0, ga3: 0 })
    expect(trendTable(later).rows).toEqual([
      ['A', 'closed', '1 of 2', '50%', '50%', '–', '–'],
      ['B', 'closed', '1 of 4', '25%', '50%', '0%', '0%'],
    ])
  })
})

describe('tables', () => {
  it('trend: cycle, state, covered, plan coverage, each goal area', () => {
    expect(trendTable(history)).toEqual({
      headers: [
        'Cycle',
        'State',
        'Objectives covered',
        'Plan coverage',
        'Goal Area 1',
        'Goal Area 2',
      ],
      rows: [
        ['Midwinter 2007', 'closed', '0 of 3', '0%', '0%', '0%'],
        ['Annual 2007', 'closed', '2 of 3', '67%', '50%', '100%'],
        ['Midwinter 2008', 'open', '2 of 3', '67%', '50%', '100%'],
      ],
    })
  })

  it('status mix: a count per status and the total, as the chart stacks them', () => {
    expect(statusMixTable(history)).toEqual({
      headers: [
        'Cycle',
        'Proposed',
        'Planned',
        'In progress',
        'Completed',
        'Deferred',
        'Cancelled',
        'Total',
      ],
      rows: [
        ['Midwinter 2007', 1, 0, 0, 0, 0, 0, 1],
        ['Annual 2007', 0, 1, 1, 0, 0, 0, 2],
        ['Midwinter 2008', 0, 1, 0, 1, 1, 0, 3],
      ],
    })
    const series = statusMixSeries(history)
    expect(series.map((p) => [p.cycle, p.total, p.completed, p.planned])).toEqual([
      ['Midwinter 2007', 1, 0, 0],
      ['Annual 2007', 2, 0, 1],
      ['Midwinter 2008', 3, 1, 1],
    ])
  })
})

describe('sentences', () => {
  it('the trend takeaway compares the latest cycle with the first', () => {
    expect(trendSentence(history)).toBe('Coverage rose from 0% to 67% since Midwinter 2007')
    expect(trendSentence(history.slice(0, 1))).toBe(
      'One cycle so far: Midwinter 2007, with 0% coverage',
    )
    expect(trendSentence([])).toMatch(/No reporting cycle yet/)
  })

  it('the status-mix takeaway counts completed work then and now', () => {
    expect(statusMixSentence(history)).toBe(
      'Completed: 0 of 1 initiative in Midwinter 2007, 1 of 3 initiatives in Midwinter 2008',
    )
    expect(statusMixSentence(history.slice(1, 2))).toBe(
      '0 of 2 initiatives completed in Annual 2007',
    )
    expect(statusMixSentence([])).toBe('No reporting cycle yet')
  })
})
