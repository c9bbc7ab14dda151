import { describe, expect, it } from 'vitest'

import { canReadReports, isLapsed, type Person } from '@/lib/auth/roles'
import {
  changeInitiatives,
  createInitiatives,
  initiativesReadWhere,
  planContentReadWhere,
  readInitiatives,
  readPlanContent,
  readPlans,
  selfOrAdmin,
} from '@/collections/access/roles'

const staff = (roles: string[], sections: (number | { id: number })[] = []): Person => ({
  id: 7,
  collection: 'users',
  roles,
  sections,
})
const member = (over: Partial<Person> = {}): Person => ({
  id: 7,
  collection: 'members',
  roles: ['member'],
  active: true,
  membershipExpires: '2999-01-01',
  ...over,
})
const req = (user: Person | null) => ({ req: { user } }) as never

const PUBLISHED = { _status: { equals: 'published' } }
const PLANS = [7, 9]
const PLAN_PUBLISHED = { plan: { in: PLANS } }
const PUBLIC = { visibility: { equals: 'public' } }

describe('readInitiatives', () => {
  it.each<[string, Person | null, unknown]>([
    ['anonymous', null, { and: [PUBLISHED, PLAN_PUBLISHED, PUBLIC] }],
    ['member', member(), { and: [PUBLISHED, PLAN_PUBLISHED] }],
    ['board member', member({ roles: ['member', 'board'] }), { and: [PUBLISHED, PLAN_PUBLISHED] }],
    [
      'lapsed member',
      member({ membershipExpires: '2001-01-01' }),
      { and: [PUBLISHED, PLAN_PUBLISHED, PUBLIC] },
    ],
    ['deactivated member', member({ active: false }), { and: [PUBLISHED, PLAN_PUBLISHED, PUBLIC] }],
    ['section editor', staff(['section-editor'], [3]), true],
    ['editor', staff(['editor']), true],
  ])('%s', (_, user, expected) => {
    expect(initiativesReadWhere(user, PLANS)).toEqual(expected)
  })

  it('with no plan published, nothing but staff reads an initiative', () => {
    const nothing = { id: { exists: false } }
    expect(initiativesReadWhere(member(), [])).toEqual({ and: [PUBLISHED, nothing] })
    expect(initiativesReadWhere(staff(['editor']), [])).toBe(true)
  })

  it('staff need no lookup of the published plans', async () => {
    // no payload on this request: a lookup would throw
    await expect(readInitiatives(req(staff(['section-editor'], [3])))).resolves.toBe(true)
    await expect(readPlanContent(req(staff(['editor'])))).resolves.toBe(true)
  })
})

describe('plans and their content', () => {
  it('are all visible to staff, only published to others', () => {
    expect(readPlans(req(staff(['section-editor'])))).toBe(true)
    expect(readPlans(req(member()))).toEqual(PUBLISHED)
    expect(readPlans(req(null))).toEqual(PUBLISHED)
    expect(planContentReadWhere(null, PLANS)).toEqual(PLAN_PUBLISHED)
    expect(planContentReadWhere(member(), [])).toEqual({ id: { exists: false } })
    expect(planContentReadWhere(staff(['editor']), [])).toBe(true)
  })
})

describe('initiative changes', () => {
  it('editors change all; section editors their sections; others nothing', () => {
    expect(changeInitiatives(req(staff(['admin'])))).toBe(true)
    expect(changeInitiatives(req(staff(['section-editor'], [3, { id: 4 }])))).toEqual({
      section: { in: [3, 4] },
    })
    expect(changeInitiatives(req(staff(['section-editor'])))).toBe(false)
    expect(changeInitiatives(req(member()))).toBe(false)
    expect(changeInitiatives(req(null))).toBe(false)
  })

  it.each<[string, Person | null, unknown, boolean]>([
    ['editor, any section', staff(['editor']), 9, true],
    ['section editor, own section', staff(['section-editor'], [3]), 3, true],
    ['section editor, own section as string id', staff(['section-editor'], [3]), '3', true],
    ['section editor, other section', staff(['section-editor'], [3]), 9, false],
    [
      'section editor, no section chosen yet (admin shows the button)',
      staff(['section-editor'], [3]),
      undefined,
      true,
    ],
    ['section editor without sections', staff(['section-editor']), 3, false],
    ['board member', member({ roles: ['board'] }), 3, false],
    ['anonymous', null, 3, false],
  ])('create: %s', (_, user, section, expected) => {
    expect(createInitiatives({ req: { user }, data: { section } } as never)).toBe(expected)
  })
})

describe('staff accounts', () => {
  it('admins manage all; staff their own; members never (ids of the two collections can coincide)', () => {
    expect(selfOrAdmin(req(staff(['admin'])))).toBe(true)
    expect(selfOrAdmin(req(staff(['editor'])))).toEqual({ id: { equals: 7 } })
    expect(selfOrAdmin(req(member()))).toBe(false)
    expect(selfOrAdmin(req(null))).toBe(false)
  })
})

describe('reports and lapsed members', () => {
  it.each<[string, Person | null, boolean]>([
    ['board member', member({ roles: ['member', 'board'] }), true],
    ['lapsed board member', member({ roles: ['board'], membershipExpires: '2020-01-01' }), false],
    ['member', member(), false],
    ['section editor', staff(['section-editor']), true],
    ['anonymous', null, false],
  ])('canReadReports: %s', (_, user, expected) => {
    expect(canReadReports(user)).toBe(expected)
  })

  it('a membership lapses the day after it expires, or when deactivated', () => {
    const now = new Date('2026-06-01T12:00:00Z')
    expect(isLapsed({ active: true, membershipExpires: '2026-05-31T00:00:00Z' }, now)).toBe(true)
    expect(isLapsed({ active: true, membershipExpires: '2026-12-31' }, now)).toBe(false)
    expect(isLapsed({ active: true, membershipExpires: null }, now)).toBe(false)
    expect(isLapsed({ active: false, membershipExpires: '2099-01-01' }, now)).toBe(true)
  })
})
