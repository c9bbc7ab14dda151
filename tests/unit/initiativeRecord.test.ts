import { describe, expect, it } from 'vitest'

import { initiativeRecord } from '@/lib/data/initiativeRecord'

describe('initiativeRecord', () => {
  it('maps a document read with every field, relations populated or not', () => {
    expect(
      initiativeRecord({
        id: 7,
        title: 'Survey',
        section: { id: 3 },
        objectives: [11, { id: 12 }, null],
        status: 'in-progress',
        visibility: 'members',
        _status: 'published',
        progress: 40,
        startDate: '2008-01-01T00:00:00.000Z',
        targetDate: '2009-06-30T00:00:00.000Z',
        completedDate: null,
        createdAt: '2008-01-02T03:04:05Z',
      }),
    ).toEqual({
      id: 7,
      title: 'Survey',
      section: 3,
      objectives: [11, 12],
      status: 'in-progress',
      visibility: 'members',
      published: true,
      progress: 40,
      startDate: '2008-01-01T00:00:00.000Z',
      targetDate: '2009-06-30T00:00:00.000Z',
      completedDate: null,
      createdAt: '2008-01-02T03:04:05.000Z',
    })
  })

  it('gives null for what a select left out, and a draft is not published', () => {
    expect(
      initiativeRecord({
        id: 'a1',
        title: 'Draft',
        section: 'b2',
        status: 'proposed',
        visibility: 'public',
        _status: 'draft',
      }),
    ).toEqual({
      id: 'a1',
      title: 'Draft',
      section: 'b2',
      objectives: [],
      status: 'proposed',
      visibility: 'public',
      published: false,
      progress: null,
      startDate: null,
      targetDate: null,
      completedDate: null,
      createdAt: null,
    })
  })

  it.each([
    ['no section', { section: null }],
    ['an unknown status', { status: 'finished' }],
    ['no status', { status: undefined }],
    ['an unknown visibility', { visibility: 'staff' }],
  ])('skips a document with %s', (_, change) => {
    const doc = { id: 1, title: 'T', section: 2, status: 'planned', visibility: 'public' }
    expect(initiativeRecord({ ...doc, ...change })).toBeNull()
  })
})
