/**
 * Issue 13, items 9 and 10: bounded reads and malformed query strings. Requests go through the
 * site's proxy (proxy.ts, which answers malformed query strings itself) and then Payload's real
 * REST handler, or to the GraphQL route. A few hundred generated cases per collection, anonymous
 * and signed in as a member: never a 5xx, and never a members-only or draft initiative shown to
 * someone who may not read it.
 */
import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'

import { proxy } from '@/proxy'
import { PUBLIC_MAX_DEPTH, PUBLIC_MAX_LIMIT } from '@/lib/api/readLimits'
import {
  BASE,
  getTestPayload,
  graphql,
  loginToken,
  rest,
  seedDemo,
  type HttpResult,
} from './helpers'

let payload: Payload
let memberToken: string
let editorToken: string
/** Titles a member may not read (drafts), and those the public may not read (members-only too). */
const hiddenFromMembers: string[] = []
const hiddenFromPublic: string[] = []

const COLLECTIONS = [
  'plans',
  'goals',
  'objectives',
  'sections',
  'initiatives',
  'members',
  'users',
] as const
type Slug = (typeof COLLECTIONS)[number]
const GRAPHQL: Record<Slug, { one: string; many: string; fields: string }> = {
  plans: { one: 'Plan', many: 'Plans', fields: 'title slug current goals { docs { title } }' },
  goals: { one: 'Goal', many: 'Goals', fields: 'title number plan { title }' },
  objectives: { one: 'Objective', many: 'Objectives', fields: 'code text goal { title }' },
  sections: { one: 'Section', many: 'Sections', fields: 'name slug' },
  initiatives: {
    one: 'Initiative',
    many: 'Initiatives',
    fields: 'title visibility status objectives { code goal { number } }',
  },
  members: { one: 'Member', many: 'Members', fields: 'username name' },
  users: { one: 'User', many: 'Users', fields: 'email name' },
}
const FIELDS: Record<Slug, string[]> = {
  plans: ['title', 'slug', 'current', 'startYear', '_status', 'goals'],
  goals: ['title', 'number', 'plan', 'plan.title', 'objectives'],
  objectives: ['code', 'text', 'goal', 'goal.plan', 'position', 'plan'],
  sections: ['name', 'slug'],
  initiatives: [
    'title',
    'visibility',
    'status',
    'progress',
    'objectives',
    'objectives.code',
    'plan',
    'section.slug',
    'targetDate',
    '_status',
    'updates.note',
  ],
  members: ['username', 'roles', 'membershipExpires', 'email'],
  users: ['email', 'roles', 'sections'],
}

/** A GET through proxy.ts, then (unless the proxy answered) Payload's REST handler. */
async function get(pathAndQuery: string, token?: string): Promise<HttpResult> {
  const headers = new Headers({ origin: BASE, accept: 'application/json' })
  if (token) headers.set('authorization', `JWT ${token}`)
  const answer = await proxy(new NextRequest(`${BASE}${pathAndQuery}`, { headers }))
  if (answer.headers.get('x-middleware-next') !== '1') {
    const text = await answer.text()
    return { status: answer.status, json: JSON.parse(text), text }
  }
  return rest('GET', pathAndQuery, { token })
}

/** A small deterministic random source, so a failing case can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick }
}

const NUMBERS = ['0', '1', '5', '-1', '1e400', '1e3', '1.5', 'NaN', 'Infinity', '0x10', ' 3', '']
const VALUES = [
  ...NUMBERS,
  'true',
  'false',
  'null',
  'x',
  '%00',
  '%',
  '%E0%A4%A',
  '[]',
  '{}',
  '{"title":{"equals":"x"}}',
  '{"visibility":{"equals":"members"}}',
  '{"_status":{"equals":"draft"}}',
  '{"or":[{"visibility":{"equals":"members"}}]}',
  '2026-05-31',
  'not-a-date',
  '1,2,3',
  "' OR 1=1 --",
  'members',
  'draft',
  '999999999999999999999',
  'a'.repeat(300),
]
const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'like',
  'contains',
  'exists',
  'greater_than',
  'less_than_equal',
  'near',
  'within',
  'intersects',
  'bogus',
]
const PARAMS = [
  'depth',
  'limit',
  'page',
  'pagination',
  'draft',
  'trash',
  'sort',
  'locale',
  'where',
  'select',
  'populate',
  'joins',
  'data',
  'fallback-locale',
  'junk',
]

/** One generated query string for a collection. */
function generateQuery(slug: Slug, rnd: ReturnType<typeof random>): string {
  const parts: string[] = []
  const count = 1 + Math.floor(rnd.next() * 4)
  const value = () => encodeURIComponent(rnd.pick(VALUES)).replace(/%25/g, rnd.pick(['%', '%25']))
  const field = () => rnd.pick([...FIELDS[slug], 'id', 'createdAt', 'nope', 'password', 'hash'])
  for (let i = 0; i < count; i++) {
    const name = rnd.pick(PARAMS)
    const shape = rnd.next()
    if (name === 'where' && shape < 0.7) {
      const path = rnd.next() < 0.2 ? `[or][0][${field()}]` : `[${field()}]`
      const op = rnd.pick(OPERATORS)
      const suffix = rnd.next() < 0.2 ? '[]' : rnd.next() < 0.1 ? '[0][x]' : ''
      parts.push(`where${path}[${op}]${suffix}=${value()}`)
    } else if ((name === 'select' || name === 'populate') && shape < 0.7) {
      parts.push(`${name}[${field()}]=${value()}`)
    } else if (name === 'joins' && shape < 0.7) {
      parts.push(
        `joins[${rnd.pick(['goals', 'objectives', 'nope'])}][${rnd.pick(['limit', 'page', 'sort', 'where', 'count'])}]=${value()}`,
      )
    } else if (name === 'sort' && shape < 0.5) {
      parts.push(`sort=${rnd.pick(['', '-'])}${field()}`)
    } else if (shape < 0.15) {
      parts.push(`${name}[${rnd.pick(['', '0', 'x'])}]=${value()}`)
    } else if (shape < 0.3) {
      parts.push(`${name}=${value()}`, `${name}=${value()}`)
    } else {
      parts.push(`${name}=${value()}`)
    }
  }
  return parts.join('&')
}

/** GraphQL errors: Payload answers a query refused by validation with the bare list. */
const errorsOf = (json: unknown): { message: string }[] =>
  Array.isArray(json) ? json : ((json as { errors?: { message: string }[] }).errors ?? [])

/** Which hidden titles a response shows. */
const leaks = (text: string, hidden: readonly string[]) => hidden.filter((t) => text.includes(t))

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  memberToken = await loginToken('members', '100001')
  editorToken = await loginToken('users', 'editor@example.org')
  const all = await payload.find({
    collection: 'initiatives',
    draft: true,
    pagination: false,
    depth: 0,
    select: { title: true, visibility: true, _status: true },
  })
  for (const initiative of all.docs) {
    if (initiative._status !== 'published') hiddenFromMembers.push(initiative.title)
    if (initiative._status !== 'published' || initiative.visibility !== 'public')
      hiddenFromPublic.push(initiative.title)
  }
  expect(hiddenFromPublic.length).toBeGreaterThan(hiddenFromMembers.length)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('malformed query strings answer 4xx (item 10)', () => {
  it.each([
    ['/api/initiatives?limit=0&limit=5', '`limit` must be given once, as a plain value.'],
    ['/api/initiatives?limit=1e400', '`limit` must be a whole number from 0 to 1,000,000.'],
    ['/api/initiatives?limit=-1', '`limit` must be a whole number from 0 to 1,000,000.'],
    ['/api/initiatives?limit[x]=1', '`limit` must be given once, as a plain value.'],
    ['/api/plans?depth=NaN', '`depth` must be a whole number from 0 to 1,000,000.'],
    ['/api/goals?page=1.5', '`page` must be a whole number from 0 to 1,000,000.'],
    ['/api/goals?pagination=no', '`pagination` must be true or false.'],
    ['/api/objectives?where=oops', '`where` is not valid JSON.'],
    ['/api/objectives?where=[1]', '`where` must be a JSON object.'],
    ['/api/sections?locale=en&locale=fr', '`locale` must be given once, as a plain value.'],
    // MongoDB-wire servers refused these paths with an error (a 500 until the sort was checked)
    [
      '/api/members?sort=%203',
      '`sort` takes field names, each optionally after a minus sign (e.g. sort=-updatedAt); got " 3".',
    ],
    [
      "/api/goals?sort=title,' OR 1=1 --",
      '`sort` takes field names, each optionally after a minus sign (e.g. sort=-updatedAt); got "\' OR 1=1 --".',
    ],
    [
      '/api/plans?joins[goals][sort]=a..b',
      '`sort` takes field names, each optionally after a minus sign (e.g. sort=-updatedAt); got "a..b".',
    ],
  ])('%s → 400 %s', async (path, message) => {
    for (const token of [undefined, memberToken]) {
      const res = await get(path, token)
      expect(res.status, res.text).toBe(400)
      expect(res.json).toEqual({ errors: [{ message }] })
    }
  })

  it('sorting by a related document’s field: sorted where the database can, a 400 where it cannot', async () => {
    // FerretDB (LODESTAR_MONGO_COMPAT=ferretdb) has no $lookup; SQLite and MongoDB follow the relationship
    const canFollow = process.env.LODESTAR_MONGO_COMPAT !== 'ferretdb'
    // a second published plan, so that goal areas have more than one plan title to sort by
    const quiet = { overrideAccess: true, context: { disableRevalidate: true } }
    const plan = await payload.create({
      collection: 'plans',
      data: {
        title: 'Zebra plan for sorting',
        slug: 'zebra-plan-for-sorting',
        organization: 'ALCTS',
        startYear: 2030,
        endYear: 2034,
        _status: 'published',
      },
      ...quiet,
    })
    const goal = await payload.create({
      collection: 'goals',
      data: { plan: plan.id, number: 1, title: 'Goal area of the zebra plan' },
      ...quiet,
    })
    onTestFinished(async () => {
      await payload.delete({ collection: 'goals', id: goal.id, ...quiet })
      await payload.delete({ collection: 'plans', id: plan.id, ...quiet })
    })
    for (const token of [undefined, memberToken]) {
      const res = await get('/api/goals?sort=-plan.title&depth=1&limit=100', token)
      if (!canFollow) {
        expect(res.status, res.text).toBe(400)
        expect(res.json).toEqual({
          errors: [
            {
              message:
                "This database cannot sort by a related document's field (`plan.title`); sort by a field of this collection.",
            },
          ],
        })
        continue
      }
      expect(res.status, res.text).toBe(200)
      const titles = (res.json as { docs: { plan: { title: string } }[] }).docs.map(
        (goal) => goal.plan.title,
      )
      expect(new Set(titles).size, 'goal areas of more than one plan').toBeGreaterThan(1)
      expect(titles).toEqual([...titles].sort().reverse())
    }
    // sorting by the relationship itself, or its id, needs no lookup anywhere
    for (const path of ['/api/goals?sort=-plan', '/api/goals?sort=plan.id']) {
      const res = await get(path)
      expect(res.status, `${path}: ${res.text}`).toBe(200)
    }
    const gql = await graphql('{ Goals(sort: "plan.title") { docs { id } } }')
    if (canFollow) expect(gql.json.errors, gql.text).toBeUndefined()
    else expect(errorsOf(gql.json)[0]?.message).toMatch(/^This database cannot sort by a related/)
  })

  it('a query string past 8 KB answers 414', async () => {
    const res = await get(`/api/initiatives?where[title][equals]=${'a'.repeat(9000)}`)
    expect(res.status).toBe(414)
  })

  it('well-formed queries still work, the admin’s kind included', async () => {
    for (const path of [
      '/api/initiatives?depth=0&limit=10&page=1&sort=-updatedAt&where[title][like]=a',
      '/api/initiatives?where={"visibility":{"equals":"public"}}&select[title]=true',
      '/api/plans?draft=false&trash=false&pagination=true&joins[goals][limit]=3',
      '/api/objectives?sort=code&sort=-position&limit=5',
    ]) {
      const res = await get(path)
      expect(res.status, `${path}: ${res.text}`).toBe(200)
    }
  })

  it.each(COLLECTIONS)(
    '%s: 250 generated REST query strings, anonymous and as a member: no 5xx, no leak',
    async (slug) => {
      const rnd = random(13_000 + COLLECTIONS.indexOf(slug))
      const failures: string[] = []
      for (let i = 0; i < 250; i++) {
        const query = generateQuery(slug, rnd)
        const path = rnd.next() < 0.85 ? `/api/${slug}?${query}` : `/api/${slug}/1?${query}`
        for (const [who, token, hidden] of [
          ['anonymous', undefined, hiddenFromPublic],
          ['member', memberToken, hiddenFromMembers],
        ] as const) {
          const res = await get(path, token)
          if (res.status >= 500) failures.push(`${who} ${path} → ${res.status} ${res.text}`)
          const shown = leaks(res.text, hidden)
          if (shown.length) failures.push(`${who} ${path} shows ${shown.join(', ')}`)
        }
      }
      expect(failures).toEqual([])
    },
  )

  it.each(COLLECTIONS)(
    '%s: 200 generated GraphQL queries, anonymous and as a member: no 5xx, no leak',
    async (slug) => {
      const rnd = random(26_000 + COLLECTIONS.indexOf(slug))
      const { one, many, fields } = GRAPHQL[slug]
      const literal = () =>
        rnd.pick([
          '0',
          '1',
          '-1',
          '100000',
          '2147483648',
          '1e400',
          '1.5',
          'true',
          'null',
          '"x"',
          '""',
          '[1, 2]',
          '{}',
          `"${'a'.repeat(200)}"`,
        ])
      const args = () => {
        const list: string[] = []
        for (const name of ['limit', 'page', 'pagination', 'draft', 'sort', 'where']) {
          if (rnd.next() < 0.4) continue
          const value =
            name === 'where'
              ? rnd.pick([
                  `{ ${rnd.pick(FIELDS[slug].filter((f) => !f.includes('.')))}: { equals: ${literal()} } }`,
                  '{ visibility: { equals: members } }',
                  `{ OR: [{ title: { like: ${literal()} } }] }`,
                  '{ nope: { equals: 1 } }',
                  literal(),
                ])
              : literal()
          list.push(`${name}: ${value}`)
        }
        return list.length ? `(${list.join(', ')})` : ''
      }
      const failures: string[] = []
      for (let i = 0; i < 200; i++) {
        const shape = rnd.next()
        const query =
          shape < 0.6
            ? `{ ${many}${args()} { docs { id ${fields} } totalDocs limit } }`
            : shape < 0.8
              ? `{ ${one}(id: ${literal()}${rnd.next() < 0.5 ? ', draft: true' : ''}) { id ${fields} } }`
              : shape < 0.9
                ? `{ ${many}${args()} { docs { ${rnd.pick(['nope', 'id', '__typename', fields])} } }`
                : rnd.pick([
                    `{ ${many} { docs { id } `, // unterminated
                    `query Q($l: Int) { ${many}(limit: $l) { docs { id } } }`,
                    `{ a: ${many} { docs { id } } b: ${many} { docs { id } } }`,
                    `mutation { create${one}(data: {}) { id } }`,
                    '{ __schema { types { name } } }',
                  ])
        for (const [who, token, hidden] of [
          ['anonymous', undefined, hiddenFromPublic],
          ['member', memberToken, hiddenFromMembers],
        ] as const) {
          const res = await graphql(query, { token, variables: { l: literal() } })
          if (res.status >= 500) failures.push(`${who} ${query} → ${res.status} ${res.text}`)
          const internal = errorsOf(res.json).filter((e) =>
            /unknown error|something went wrong|internal/i.test(e.message),
          )
          if (internal.length) failures.push(`${who} ${query} → ${JSON.stringify(internal)}`)
          const shown = leaks(res.text, hidden)
          if (shown.length) failures.push(`${who} ${query} shows ${shown.join(', ')}`)
        }
      }
      expect(failures).toEqual([])
    },
  )
})

describe('reads are bounded for everyone but staff (item 9)', () => {
  type Page = { docs: Record<string, unknown>[]; limit: number; totalDocs: number }

  it('REST: no pagination=false, limit=0 or depth=10 past the caps, anonymous or member', async () => {
    for (const token of [undefined, memberToken]) {
      for (const query of ['pagination=false&depth=10', 'limit=0&depth=10', 'limit=5000']) {
        const res = await get(`/api/objectives?${query}`, token)
        expect(res.status, res.text).toBe(200)
        const page = res.json as Page
        expect(page.limit).toBe(PUBLIC_MAX_LIMIT)
        expect(page.docs.length).toBeLessThanOrEqual(PUBLIC_MAX_LIMIT)
      }
      // depth: objective → goal (1) → plan (2) → its goal areas' join (3) is not populated
      const res = await get('/api/objectives?depth=10&limit=1', token)
      const objective = (res.json as Page).docs[0] as { goal: { plan: unknown } }
      expect(typeof objective.goal).toBe('object')
      expect(PUBLIC_MAX_DEPTH).toBe(2)
      const plan = objective.goal.plan as { goals?: { docs: unknown[] } }
      expect(typeof plan).toBe('object')
      expect(plan.goals?.docs.every((goal) => typeof goal !== 'object')).toBe(true)
    }
  })

  it('REST: a join’s limit is capped too', async () => {
    const res = await get('/api/plans?joins[goals][limit]=0&limit=1&depth=0')
    const plan = (res.json as Page).docs[0] as { goals: { docs: unknown[]; hasNextPage: boolean } }
    expect(plan.goals.docs.length).toBeLessThanOrEqual(PUBLIC_MAX_LIMIT)
    expect(res.status).toBe(200)
  })

  it('staff are not bounded', async () => {
    const res = await get('/api/objectives?pagination=false&depth=0', editorToken)
    const page = res.json as Page
    expect(page.docs.length).toBe(page.totalDocs)
    expect(page.totalDocs).toBeGreaterThan(0)
  })

  it('GraphQL: limit 0 and pagination false are capped; deep or costly queries refused', async () => {
    for (const token of [undefined, memberToken]) {
      for (const args of ['limit: 0', 'pagination: false', 'limit: 100000']) {
        const res = await graphql(`{ Objectives(${args}) { docs { id } limit } }`, { token })
        expect(res.json.errors, res.text).toBeUndefined()
        const page = (res.json.data as { Objectives: { limit: number; docs: unknown[] } })
          .Objectives
        expect(page.limit).toBe(PUBLIC_MAX_LIMIT)
      }
    }
    const deep = await graphql(
      '{ Initiatives { docs { objectives { goal { plan { goals { docs { objectives { docs { code } } } } } } } } } }',
    )
    expect(errorsOf(deep.json)[0]?.message).toMatch(
      /^The query is nested 10 levels deep; the limit is 8\.$/,
    )
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `a${i}: Initiatives { docs { objectives { code } section { name } } }`,
    ).join(' ')
    const costly = await graphql(`{ ${aliases} }`)
    expect(errorsOf(costly.json)[0]?.message).toMatch(/complexity/i)
    expect(costly.text).not.toContain('"docs"')
  })
})
