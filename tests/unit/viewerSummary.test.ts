import { describe, expect, it } from 'vitest'

import { parseViewerSummary, toViewerSummary } from '@/lib/account/viewerSummary'

describe('toViewerSummary', () => {
  it('keeps only what the header shows', () => {
    const viewer = {
      kind: 'member' as const,
      name: 'Morgan Member',
      isBoard: true,
      canReadReports: true,
      user: { id: 7, email: 'm@example.org', memberNumber: '100002' },
    }
    expect(toViewerSummary(viewer)).toEqual({
      name: 'Morgan Member',
      kind: 'member',
      isBoard: true,
    })
  })

  it('is null for nobody', () => {
    expect(toViewerSummary(null)).toBeNull()
  })
})

describe('parseViewerSummary', () => {
  it.each([
    [
      { name: 'Emery Editor', kind: 'staff', isBoard: false },
      { name: 'Emery Editor', kind: 'staff', isBoard: false },
    ],
    [
      { name: 'Morgan Member', kind: 'member', isBoard: true },
      { name: 'Morgan Member', kind: 'member', isBoard: true },
    ],
    // a missing or odd isBoard is not the board
    [
      { name: 'Morgan Member', kind: 'member' },
      { name: 'Morgan Member', kind: 'member', isBoard: false },
    ],
    [
      { name: 'Morgan Member', kind: 'member', isBoard: 'yes' },
      { name: 'Morgan Member', kind: 'member', isBoard: false },
    ],
  ])('reads %j', (input, expected) => {
    expect(parseViewerSummary(input)).toEqual(expected)
  })

  it.each([
    null,
    undefined,
    'Emery Editor',
    42,
    [],
    {},
    { name: '', kind: 'staff' },
    { name: '   ', kind: 'member' },
    { name: 'Someone', kind: 'admin' },
    { name: 12, kind: 'member' },
    { errors: [{ message: 'Something went wrong' }] },
  ])('treats %j as signed out', (input) => {
    expect(parseViewerSummary(input)).toBeNull()
  })
})
