import { describe, expect, it } from 'vitest'

import { checkSort, type SortContext } from '@/lib/api/sort'

const sql: SortContext = {
  canFollowRelationships: true,
  throughRelationship: (path) => path.startsWith('plan.') && path !== 'plan.id',
}
const ferret: SortContext = { ...sql, canFollowRelationships: false }

describe('checkSort', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['title', null],
    ['-updatedAt', null],
    ['title,-number', null],
    [['code', '-position'], null],
    ['updates.note', null],
    ['_status', null],
    [' 3', 'got " 3"'],
    ['a..b', 'got "a..b"'],
    ['title,', 'got ""'],
    ['$where', 'got "$where"'],
    ['--title', 'got "--title"'],
    [{ title: 'asc' }, 'takes field names'],
    [[1], 'takes field names'],
    [Array.from({ length: 11 }, () => 'title').join(','), 'at most 10'],
  ])('%j → %s', (sort, problem) => {
    const found = checkSort(sort, sql)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toContain(problem)
  })

  it('a related document’s field only where the database can follow the relationship', () => {
    expect(checkSort('-plan.title', sql)).toBeNull()
    expect(checkSort('-plan.title', ferret)).toBe(
      "This database cannot sort by a related document's field (`plan.title`); sort by a field of this collection.",
    )
    expect(checkSort('plan.id', ferret)).toBeNull()
    expect(checkSort('plan', ferret)).toBeNull()
  })
})
