/** "My updates": which initiatives are asked, the values each form opens with, the tracker. */
import { describe, expect, it } from 'vitest'

import type { InitiativeRecord, ProgressUpdate } from '@/lib/plan/cycles'
import { checkReport, reportingRows, trackerText } from '@/lib/plan/reporting'

const initiative = (id: number, extra: Partial<InitiativeRecord> = {}): InitiativeRecord => ({
  id,
  title: `I${id}`,
  section: 10,
  objectives: [1],
  status: 'planned',
  visibility: 'public',
  published: true,
  progress: 10,
  createdAt: '2006-01-01T00:00:00Z',
  ...extra,
})

const update = (
  id: number,
  initiativeId: number | string,
  cycle: number | null,
  submittedAt: string,
  extra: Partial<ProgressUpdate> = {},
): ProgressUpdate => ({
  id,
  initiative: initiativeId,
  cycle,
  status: 'in-progress',
  progress: 40,
  note: `note ${id}`,
  submittedAt,
  ...extra,
})

const names = {
  cycles: new Map([
    ['1', 'Midwinter 2007'],
    ['2', 'Annual 2007'],
    ['3', 'Midwinter 2008'],
  ]),
  sections: new Map([['10', 'Acquisitions']]),
}
const open = { id: 3, state: 'open' as const, closedAt: null }
const now = new Date('2008-01-15T00:00:00Z')

describe('reportingRows', () => {
  it('opens with the initiative’s own fields when it has no update', () => {
    const [row] = reportingRows([initiative(1)], [], open, names, now)
    expect(row).toEqual({
      id: 1,
      title: 'I1',
      sectionName: 'Acquisitions',
      status: 'planned',
      progress: 10,
      note: '',
      previousNote: null,
      source: 'Copied from the initiative',
      submitted: null,
    })
  })

  it('copies the latest earlier update forward, never its note', () => {
    const updates = [
      update(10, 1, 1, '2007-01-20T00:00:00Z', { progress: 20 }),
      update(11, 1, 2, '2007-06-30T00:00:00Z', { status: 'in-progress', progress: 55 }),
    ]
    const [row] = reportingRows([initiative(1)], updates, open, names, now)
    expect(row).toMatchObject({
      status: 'in-progress',
      progress: 55,
      note: '',
      previousNote: 'note 11',
      source: 'Copied from Annual 2007',
      submitted: null,
    })
  })

  it('an update between cycles counts when it is the latest', () => {
    const updates = [
      update(11, 1, 2, '2007-06-30T00:00:00Z', { progress: 55 }),
      update(12, 1, null, '2007-09-01T10:00:00Z', { progress: 70, note: 'between' }),
    ]
    const [row] = reportingRows([initiative(1)], updates, open, names, now)
    expect(row).toMatchObject({
      progress: 70,
      previousNote: 'between',
      source: 'Copied from the update of 2007-09-01',
    })
  })

  it('this cycle’s update wins and marks the row submitted, and stays asked once completed', () => {
    const updates = [
      update(13, 1, 3, '2008-01-10T00:00:00Z', {
        status: 'completed',
        progress: 100,
        note: 'done',
      }),
      update(11, 1, 2, '2007-06-30T00:00:00Z'),
    ]
    const [row] = reportingRows([initiative(1)], updates, { ...open, id: '3' }, names, now)
    expect(row).toMatchObject({
      status: 'completed',
      progress: 100,
      note: 'done',
      previousNote: 'note 11',
      source: 'Submitted for this cycle',
      submitted: { id: 13, at: '2008-01-10T00:00:00Z' },
    })
  })

  it('asks only for published work planned or in progress before the cycle', () => {
    const rows = reportingRows(
      [
        initiative(1),
        initiative(2, { status: 'proposed' }),
        initiative(3, { status: 'in-progress', published: false }),
        initiative(4, { status: 'completed' }),
        // completed in an earlier cycle: nothing left to report
        initiative(5),
        // proposed on its own fields, started in an earlier cycle
        initiative(6, { status: 'proposed' }),
        // created after the open cycle's cutoff (now)
        initiative(7, { createdAt: '2008-02-01T00:00:00Z' }),
      ],
      [
        update(50, 5, 2, '2007-06-30T00:00:00Z', { status: 'completed', progress: 100 }),
        update(60, 6, 2, '2007-06-30T00:00:00Z', { status: 'in-progress', progress: 5 }),
      ],
      open,
      names,
      now,
    )
    expect(rows.map((r) => r.id)).toEqual([1, 6])
  })

  it('keeps the initiatives’ order, matches ids across number and string, clamps progress', () => {
    const rows = reportingRows(
      [initiative(2, { progress: null }), initiative(1, { progress: 140 })],
      [update(20, '2', 9, '2007-01-01T00:00:00Z', { status: 'planned', progress: 0 })],
      open,
      names,
      now,
    )
    expect(rows.map((r) => [r.id, r.progress, r.source])).toEqual([
      [2, 0, 'Copied from the last update'],
      [1, 100, 'Copied from the initiative'],
    ])
  })
})

describe('trackerText', () => {
  it.each<[number, number, string]>([
    [7, 9, '7 of 9 submitted'],
    [0, 1, '0 of 1 submitted'],
    [0, 0, 'Nothing to report in this cycle'],
  ])('%d of %d', (submitted, expected, text) => {
    expect(trackerText(submitted, expected)).toBe(text)
  })
})

describe('checkReport', () => {
  it.each<[string, string | number, string | null]>([
    ['planned', 0, null],
    ['completed', '100', null],
    ['in-progress', ' 55 ', null],
    ['done', 5, 'Choose a status.'],
    ['planned', 101, 'Progress is a whole number from 0 to 100.'],
    ['planned', '', 'Progress is a whole number from 0 to 100.'],
    ['planned', '-1', 'Progress is a whole number from 0 to 100.'],
    ['planned', '4.5', 'Progress is a whole number from 0 to 100.'],
  ])('%s, %s', (status, progress, message) => {
    expect(checkReport({ status, progress })).toBe(message)
  })
})
