/** "My updates": the values each form opens with, the tracker and the form's own check. */
import { describe, expect, it } from 'vitest'

import {
  checkReport,
  reportingRows,
  trackerText,
  type ReportedUpdate,
  type ReportingInitiative,
} from '@/lib/plan/reporting'

const initiative = (id: number, extra: Partial<ReportingInitiative> = {}): ReportingInitiative => ({
  id,
  title: `I${id}`,
  sectionName: 'Acquisitions',
  status: 'planned',
  progress: 10,
  ...extra,
})

const update = (
  id: number,
  initiativeId: number,
  cycle: number | null,
  submittedAt: string,
  extra: Partial<ReportedUpdate> = {},
): ReportedUpdate => ({
  id,
  initiative: initiativeId,
  cycle,
  status: 'in-progress',
  progress: 40,
  note: `note ${id}`,
  submittedAt,
  ...extra,
})

const names = new Map([
  ['1', 'Midwinter 2007'],
  ['2', 'Annual 2007'],
])

describe('reportingRows', () => {
  it('opens with the initiative’s own fields when it has no update', () => {
    const [row] = reportingRows([initiative(1)], [], { id: 3 }, names)
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
    const [row] = reportingRows([initiative(1)], updates, { id: 3 }, names)
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
    const [row] = reportingRows([initiative(1)], updates, { id: 3 }, names)
    expect(row).toMatchObject({
      progress: 70,
      previousNote: 'between',
      source: 'Copied from the update of 2007-09-01',
    })
  })

  it('this cycle’s update wins and marks the row submitted, whatever came later', () => {
    const updates = [
      update(13, 1, 3, '2008-01-10T00:00:00Z', {
        status: 'completed',
        progress: 100,
        note: 'done',
      }),
      update(11, 1, 2, '2007-06-30T00:00:00Z'),
    ]
    const [row] = reportingRows([initiative(1)], updates, { id: '3' }, names)
    expect(row).toMatchObject({
      status: 'completed',
      progress: 100,
      note: 'done',
      previousNote: 'note 11',
      source: 'Submitted for this cycle',
      submitted: { id: 13, at: '2008-01-10T00:00:00Z' },
    })
  })

  it('keeps the initiatives’ order, matches ids across number and string, clamps progress', () => {
    const rows = reportingRows(
      [initiative(2, { progress: null }), initiative(1, { progress: 140 })],
      [update(20, 2, 1, '2007-01-01T00:00:00Z', { initiative: '2', progress: null })],
      { id: 3 },
      new Map(),
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
