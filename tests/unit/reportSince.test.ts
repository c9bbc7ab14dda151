/**
 * The board report as of a cycle: numbers from the history (not today's fields), the "Since
 * <previous cycle>" part, and the trend sentence in the executive summary.
 */
import { describe, expect, it } from 'vitest'

import { coverageAsOf, type Cycle, type HistoryInput, type ProgressUpdate } from '@/lib/plan/cycles'
import type { InitiativeStatus } from '@/lib/plan/types'
import { buildProgressReport } from '@/lib/pdf/report/model'

const NOW = new Date('2008-01-20T12:00:00Z')

const cycles: Cycle[] = [
  {
    id: 1,
    plan: 1,
    name: 'Midwinter 2007',
    asOf: '2007-01-15',
    state: 'closed',
    closedAt: '2007-02-01T00:00:00Z',
  },
  {
    id: 2,
    plan: 1,
    name: 'Annual 2007',
    asOf: '2007-06-25',
    state: 'closed',
    closedAt: '2007-07-15T00:00:00Z',
  },
  { id: 3, plan: 1, name: 'Midwinter 2008', asOf: '2008-01-11', state: 'open' },
]

let next = 100
const update = (
  initiative: number,
  cycle: number | null,
  submittedAt: string,
  status: InitiativeStatus,
  progress: number,
): ProgressUpdate => ({ id: next++, initiative, cycle, submittedAt, status, progress })

/*
 * Objectives 1.1, 1.2 (goal 1), 2.1 (goal 2). Sections acq (10), cat (11), ser (12).
 *   1 acq [1.1]: planned → in progress (Annual) → completed (Midwinter 2008)
 *   2 cat [2.1]: in progress 20 (Midwinter 2007), no update since: stale after Annual 2007
 *   3 acq [1.2]: created after Annual 2007 closed, proposed (no update)
 *   4 ser [1.2]: proposed at Midwinter 2007, in progress 30 at Annual 2007
 */
const input = (): HistoryInput => ({
  plan: { id: 1, slug: 'p', title: 'Plan', organization: 'Org', startYear: 2006, endYear: 2011 },
  goals: [
    { id: 1, number: 1, title: 'One' },
    { id: 2, number: 2, title: 'Two' },
  ],
  objectives: [
    { id: 11, goal: 1, number: 1, text: 'one-one', code: '1.1' },
    { id: 12, goal: 1, number: 2, text: 'one-two', code: '1.2' },
    { id: 21, goal: 2, number: 1, text: 'two-one', code: '2.1' },
  ],
  sections: [
    { id: 10, slug: 'acq', name: 'Acquisitions', abbreviation: 'AS' },
    { id: 11, slug: 'cat', name: 'Cataloging', abbreviation: 'CCS' },
    { id: 12, slug: 'ser', name: 'Serials', abbreviation: 'SS' },
  ],
  initiatives: [
    // today's fields: what the latest update left
    {
      id: 1,
      title: 'Approval plans',
      section: 10,
      objectives: [11],
      status: 'completed',
      progress: 100,
      visibility: 'public',
      published: true,
      createdAt: '2006-10-01T00:00:00Z',
    },
    {
      id: 2,
      title: 'Cataloging rules',
      section: 11,
      objectives: [21],
      status: 'in-progress',
      progress: 20,
      visibility: 'members',
      published: true,
      createdAt: '2006-10-01T00:00:00Z',
    },
    {
      id: 3,
      title: 'E-resources survey',
      section: 10,
      objectives: [12],
      status: 'proposed',
      progress: 0,
      visibility: 'public',
      published: true,
      createdAt: '2007-09-01T00:00:00Z',
    },
    {
      id: 4,
      title: 'Serials pricing',
      section: 12,
      objectives: [12],
      status: 'in-progress',
      progress: 30,
      visibility: 'public',
      published: true,
      createdAt: '2006-10-01T00:00:00Z',
    },
  ],
  updates: [
    update(1, 1, '2007-01-20T00:00:00Z', 'planned', 0),
    update(2, 1, '2007-01-21T00:00:00Z', 'in-progress', 20),
    update(4, 1, '2007-01-22T00:00:00Z', 'proposed', 0),
    update(1, 2, '2007-06-30T00:00:00Z', 'in-progress', 50),
    update(4, 2, '2007-07-01T00:00:00Z', 'in-progress', 30),
    update(1, 3, '2008-01-15T00:00:00Z', 'completed', 100),
  ],
  cycles,
})

/** The plan's summaries without the history. */
const recorded = () => {
  const { updates: _updates, cycles: _cycles, ...rest } = input()
  void _updates
  void _cycles
  return rest
}

const build = (cycle?: number, section?: string) => {
  const { updates, cycles: all, ...rest } = input()
  return buildProgressReport(rest, {
    audience: 'members',
    now: NOW,
    history: { updates, cycles: all },
    cycle,
    section,
  })
}

describe('the report as of a closed cycle', () => {
  const report = build(2)

  it('reads the numbers from the history as of the cycle, not today’s fields', () => {
    expect(report.cycle).toEqual({ id: '2', name: 'Annual 2007', state: 'closed' })
    expect(report.asOf).toBe('2007-06-25')
    // initiative 3 did not exist yet; 1 in progress 50, 2 in progress, 4 in progress
    expect(report.coverage).toEqual(coverageAsOf(input(), cycles[1]!, NOW, { audience: 'members' }))
    expect(report.coverage.byStatus).toMatchObject({ 'in-progress': 3, completed: 0, proposed: 0 })
    expect(report.sections.flatMap((s) => s.initiatives.map((i) => [i.title, i.progress]))).toEqual(
      [
        ['Approval plans', 50],
        ['Cataloging rules', 20],
        ['Serials pricing', 30],
      ],
    )
  })

  it('says what changed since Midwinter 2007', () => {
    const since = report.since
    expect(since?.from.name).toBe('Midwinter 2007')
    expect(since?.to.name).toBe('Annual 2007')
    expect(since?.trend).toBe('Coverage rose from 67% to 100% since Midwinter 2007')
    expect(report.sentences[0]).toBe('Coverage rose from 67% to 100% since Midwinter 2007.')
    expect(since?.newlyStarted.map((c) => c.title)).toEqual(['Approval plans', 'Serials pricing'])
    expect(since?.newlyCompleted).toEqual([])
    expect(since?.statusChanges.map((c) => [c.title, c.from?.status, c.to.status])).toEqual([
      ['Approval plans', 'planned', 'in-progress'],
      ['Serials pricing', 'proposed', 'in-progress'],
    ])
    expect(since?.progressChanges.map((c) => [c.title, c.progressDelta, c.section])).toEqual([
      ['Approval plans', 50, 'AS'],
      ['Serials pricing', 30, 'SS'],
    ])
    // Cataloging rules sent nothing in Annual 2007, the latest closed cycle as of itself
    expect(since?.stale.map((c) => [c.title, c.to.status])).toEqual([
      ['Cataloging rules', 'in-progress'],
    ])
    expect(since?.sectionsNotReported).toEqual(['Cataloging'])
  })

  it('is the same report whatever the date it is made on', () => {
    const later = buildProgressReport(recorded(), {
      audience: 'members',
      now: new Date('2027-05-01T00:00:00Z'),
      history: { updates: input().updates, cycles },
      cycle: 2,
    })
    expect({ ...later, generatedAt: null }).toEqual({ ...report, generatedAt: null })
  })
})

describe('the report of today, the open cycle', () => {
  const report = build()

  it('speaks for the open cycle with today’s numbers, since the last closed one', () => {
    expect(report.cycle).toEqual({ id: '3', name: 'Midwinter 2008', state: 'open' })
    expect(report.asOf).toBe('2008-01-20')
    expect(report.since?.from.name).toBe('Annual 2007')
    expect(report.since?.newlyCompleted.map((c) => c.title)).toEqual(['Approval plans'])
    expect(report.since?.added.map((c) => [c.title, c.to.status])).toEqual([
      ['E-resources survey', 'proposed'],
    ])
    expect(report.since?.stale.map((c) => c.title)).toEqual(['Cataloging rules'])
    expect(report.since?.staleRule).toMatch(/no update in Annual 2007/)
    expect(report.since?.sectionsNotReported).toEqual(['Cataloging', 'Serials'])
  })

  it('narrows "since" to the section of a section report', () => {
    const acq = build(undefined, 'acq')
    expect(acq.since?.newlyCompleted.map((c) => c.title)).toEqual(['Approval plans'])
    expect(acq.since?.stale).toEqual([])
    expect(acq.since?.sectionsNotReported).toEqual([])
  })
})

describe('without a previous cycle or any history', () => {
  it('the first cycle has no "since"; no history means today and no cycle', () => {
    expect(build(1).since).toBeNull()
    expect(build(1).cycle?.name).toBe('Midwinter 2007')
    const plain = buildProgressReport(recorded(), { audience: 'members', now: NOW })
    expect(plain.cycle).toBeNull()
    expect(plain.since).toBeNull()
    expect(plain.asOf).toBe('2008-01-20')
  })

  it('after closed cycles and none open, compares today with the latest closed one', () => {
    const report = buildProgressReport(recorded(), {
      audience: 'members',
      now: NOW,
      history: { updates: input().updates, cycles: cycles.slice(0, 2) },
    })
    expect(report.cycle).toBeNull()
    expect(report.since?.from.name).toBe('Annual 2007')
    expect(report.since?.to.name).toBe('today')
  })
})
