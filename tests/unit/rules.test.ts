import { describe, expect, it } from 'vitest'

import {
  listForMessage,
  objectiveCode,
  labelledCode,
  objectiveLabel,
  objectivePosition,
} from '@/lib/plan/numbering'
import { checkCompletedDate, checkProgress, checkTargetDate, singlePlanOf } from '@/lib/plan/rules'

describe('checkCompletedDate', () => {
  it.each([
    ['completed', null, 'A completed initiative needs its completion date.'],
    ['completed', '2010-01-01', true],
    ['in-progress', null, true],
    [undefined, undefined, true],
  ] as const)('%s / %s', (status, date, expected) => {
    expect(checkCompletedDate(status, date)).toBe(expected)
  })
})

describe('checkTargetDate', () => {
  it.each([
    ['2008-05-01', '2008-01-01', 'The target date cannot be before the start date.'],
    ['2008-05-01', '2008-05-01', true],
    ['2008-05-01', '2009-01-01', true],
    [null, '2008-01-01', true],
    ['2008-05-01', null, true],
    ['not a date', '2008-01-01', true],
  ] as const)('%s → %s', (start, target, expected) => {
    expect(checkTargetDate(start, target)).toBe(expected)
  })
})

describe('checkProgress', () => {
  it.each([
    [0, true],
    [100, true],
    [null, true],
    [-1, 'Progress is a percentage from 0 to 100.'],
    [101, 'Progress is a percentage from 0 to 100.'],
    [Number.NaN, 'Progress is a percentage from 0 to 100.'],
  ] as const)('%s', (value, expected) => {
    expect(checkProgress(value)).toBe(expected)
  })
})

describe('singlePlanOf', () => {
  it('finds the one plan, whether ids are numbers or strings', () => {
    expect(
      singlePlanOf([
        { code: '1.1', plan: 1 },
        { code: '2.1', plan: '1' },
      ]),
    ).toEqual({ plan: 1 })
  })
  it('names the clash across plans', () => {
    expect(
      singlePlanOf([
        { code: '1.1', plan: 1 },
        { code: '1.2', plan: 1 },
        { code: '3.1', plan: 2 },
      ]),
    ).toEqual({
      error:
        'All objectives of an initiative must belong to one plan; these come from 2 plans (1.1, 1.2 / 3.1).',
    })
  })
  it('needs at least one objective', () => {
    expect(singlePlanOf([])).toEqual({
      error: 'Choose at least one objective this initiative serves.',
    })
  })
})

describe('numbering', () => {
  it('codes, orders and labels objectives as published', () => {
    expect(objectiveCode(1, 3)).toBe('1.3')
    expect(
      [objectivePosition(1, 10), objectivePosition(1, 2), objectivePosition(2, 1)].sort(
        (a, b) => a - b,
      ),
    ).toEqual([1002, 1010, 2001])
    expect(objectiveLabel('1.3', '  provides   expert direction ')).toBe(
      '1.3 provides expert direction',
    )
    expect(objectiveLabel('1.3', 'x'.repeat(100), 10)).toBe(`1.3 ${'x'.repeat(9)}…`)
    expect(objectiveLabel('1.3', '')).toBe('1.3')
  })

  it('words an objective code as the plan does, or leaves it bare', () => {
    expect(labelledCode('2.3', 'Strategy')).toBe('Strategy 2.3')
    expect(labelledCode('2.3', ' Key Initiative ')).toBe('Key Initiative 2.3')
    expect(labelledCode('2.3', '')).toBe('2.3')
    expect(labelledCode('2.3', null)).toBe('2.3')
  })

  it.each([
    [['2.1'], 1, '2.1'],
    [['2.1', '2.2'], 2, '2.1 and 2.2'],
    [['2.1', '2.2', '2.3'], 3, '2.1, 2.2 and 2.3'],
    [['a', 'b', 'c', 'd', 'e'], 8, 'a, b, c, d, e and 3 more'],
  ])('listForMessage %j of %i', (names, total, expected) => {
    expect(listForMessage(names, total)).toBe(expected)
  })
})
