/**
 * The access matrix (issue 4 §5): every person × collection × operation × surface, with the
 * expected outcome of each cell written from docs/architecture.md ("Access control"). The actual
 * outcome is measured by its effect in the database (a read lists what came back; a write is
 * checked afterwards with access control off), so a surface that answers "ok" without doing the
 * work, or does the work while answering "forbidden", shows up as a differing cell.
 *
 * Surfaces: Payload's Local API with the person as `user` and `overrideAccess: false`, the REST
 * API (Payload's real handler) and GraphQL, each authenticated with the person's own token.
 * The site routes (dashboard, coverage JSON, report PDF) are in tests/e2e/auth.test.ts.
 */
import type { CollectionSlug, Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEED_PLAN_SLUG } from '@/lib/seed'
import {
  DEMO_PASSWORD,
  findPerson,
  getTestPayload,
  graphql,
  loginToken,
  rest,
  seedDemo,
} from './helpers'

type Id = number | string
type Surface = 'local' | 'rest' | 'graphql'
type Op = 'read' | 'create' | 'update' | 'delete' | 'update own'
type Slug = 'plans' | 'goals' | 'objectives' | 'sections' | 'initiatives' | 'users' | 'members'
type PersonKey =
  | 'anonymous'
  | 'member'
  | 'board'
  | 'lapsed member'
  | 'acquisitions editor'
  | 'serials editor'
  | 'editor'
  | 'admin'

const SURFACES: Surface[] = ['local', 'rest', 'graphql']
const COLLECTIONS: Slug[] = [
  'plans',
  'goals',
  'objectives',
  'sections',
  'initiatives',
  'users',
  'members',
]
const OPS: Op[] = ['read', 'create', 'update', 'delete', 'update own']
const PEOPLE: PersonKey[] = [
  'anonymous',
  'member',
  'board',
  'lapsed member',
  'acquisitions editor',
  'serials editor',
  'editor',
  'admin',
]

// ---------------------------------------------------------------------------------------------
// Expected cells, from docs/architecture.md ("Access control"):
//   anyone        reads published plans, goal areas, objectives, and initiatives marked public
//   member        + members-only initiatives (a lapsed member counts as anyone: "cannot sign in")
//   board member  as member (their extra is the PDF report: a site route)
//   section editor  create/edit initiatives of their own section(s) only; read the plan
//   editor        edit plans, goal areas, objectives, sections, all initiatives
//   admin         everything, incl. staff users and member accounts
//   and issue 4 §3: nobody outside staff reads drafts, `users` or other members' records (a
//   member may read their own).
// Read cells list which probe documents the person can see (see `probes` below); write cells are
// `allowed` / `denied`; `n/a` where the person has no record of their own in that collection.
// The write probes for initiatives belong to the Acquisitions section.
// ---------------------------------------------------------------------------------------------
const STAFF: PersonKey[] = ['acquisitions editor', 'serials editor', 'editor', 'admin']
const MEMBERS_IN_GOOD_STANDING: PersonKey[] = ['member', 'board']
const EDITORS: PersonKey[] = ['editor', 'admin']

function expected(person: PersonKey, slug: Slug, op: Op): string {
  const staff = STAFF.includes(person)
  const goodMember = MEMBERS_IN_GOOD_STANDING.includes(person)
  const editor = EDITORS.includes(person)
  const admin = person === 'admin'
  const allow = (yes: boolean) => (yes ? 'allowed' : 'denied')
  switch (slug) {
    case 'plans':
    case 'goals':
    case 'objectives':
      if (op === 'read') return staff ? 'draft+published' : 'published'
      if (op === 'update own') return 'n/a'
      return allow(editor)
    case 'sections':
      if (op === 'read') return 'all'
      if (op === 'update own') return 'n/a'
      return allow(editor)
    case 'initiatives':
      if (op === 'read') {
        if (staff) return 'draft+in-draft-plan+members-only+public'
        return goodMember ? 'members-only+public' : 'public'
      }
      if (op === 'update own') return 'n/a'
      return allow(editor || person === 'acquisitions editor')
    case 'users':
      if (op === 'read') return admin ? 'other+own' : staff ? 'own' : 'none'
      if (op === 'update own') return staff ? 'allowed' : 'n/a'
      return allow(admin)
    case 'members':
      if (op === 'read') return admin ? 'other' : goodMember ? 'own' : 'none'
      if (op === 'update own') {
        if (goodMember) return 'allowed'
        return person === 'lapsed member' ? 'denied' : 'n/a'
      }
      return allow(admin)
  }
}

// ---------------------------------------------------------------------------------------------

interface Person {
  key: PersonKey
  /** req.user as Payload's auth would set it (null: anonymous) */
  user: (Record<string, unknown> & { id: Id; collection: 'users' | 'members' }) | null
  token?: string
}

let payload: Payload
const people = new Map<PersonKey, Person>()
const system = { overrideAccess: true as const, depth: 0, context: { disableRevalidate: true } }
let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`

/** Named probe documents per collection: a read cell lists the ones the person gets back. */
const probes = new Map<Slug, Map<string, Id>>()

const ids = {
  publishedPlan: 0 as Id,
  draftPlan: 0 as Id,
  publishedGoal: 0 as Id,
  draftGoal: 0 as Id,
  publishedObjective: 0 as Id,
  draftObjective: 0 as Id,
  acquisitions: 0 as Id,
  serials: 0 as Id,
}

const results: { person: PersonKey; slug: Slug; op: Op; cells: Record<Surface, string> }[] = []

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)

  const one = async (collection: CollectionSlug, where: Where) => {
    const found = await payload.find({ collection, where, limit: 1, ...system })
    const doc = found.docs[0]
    if (!doc) throw new Error(`fixture missing in ${collection}: ${JSON.stringify(where)}`)
    return doc.id
  }
  ids.publishedPlan = await one('plans', { slug: { equals: SEED_PLAN_SLUG } })
  ids.publishedGoal = await one('goals', { plan: { equals: ids.publishedPlan } })
  ids.publishedObjective = await one('objectives', { goal: { equals: ids.publishedGoal } })
  ids.acquisitions = await one('sections', { slug: { equals: 'acquisitions' } })
  ids.serials = await one('sections', { slug: { equals: 'serials' } })

  const draftPlan = await payload.create({
    collection: 'plans',
    data: {
      title: 'Draft plan 2012–2016',
      organization: 'ALCTS',
      startYear: 2012,
      endYear: 2016,
      _status: 'draft',
    },
    draft: true,
    ...system,
  })
  ids.draftPlan = draftPlan.id
  ids.draftGoal = (
    await payload.create({
      collection: 'goals',
      data: { plan: draftPlan.id, number: 1, title: 'A goal area of the draft plan' },
      ...system,
    })
  ).id
  ids.draftObjective = (
    await payload.create({
      collection: 'objectives',
      data: { goal: ids.draftGoal, number: 1, text: 'An objective of the draft plan' },
      ...system,
    })
  ).id

  const initiative = async (
    title: string,
    visibility: 'public' | 'members',
    status: 'published' | 'draft',
    objective: Id,
  ) =>
    (
      await payload.create({
        collection: 'initiatives',
        data: {
          title,
          // payload-types.ts is generated for SQLite (number ids); MongoDB's are strings
          section: ids.acquisitions as number,
          objectives: [objective as number],
          visibility,
          status: 'planned',
          _status: status,
        },
        draft: status === 'draft',
        ...system,
      })
    ).id

  // staff: the three demo accounts, plus the Serials section editor this matrix needs
  await payload.create({
    collection: 'users',
    data: {
      email: 'serials@example.org',
      name: 'Sam Serials',
      roles: ['section-editor'],
      sections: [ids.serials as number],
      password: DEMO_PASSWORD,
    },
    ...system,
  })
  const probeStaff = await payload.create({
    collection: 'users',
    data: {
      email: `probe-${unique()}@example.org`,
      name: 'Probe Staff',
      roles: ['editor'],
      password: DEMO_PASSWORD,
    },
    ...system,
  })
  const probeMember = await payload.create({
    collection: 'members',
    data: {
      username: '900001',
      name: 'Probe Member',
      roles: ['member'],
      membershipExpires: '2099-12-31',
      password: DEMO_PASSWORD,
    },
    ...system,
  })

  probes.set(
    'plans',
    new Map([
      ['published', ids.publishedPlan],
      ['draft', ids.draftPlan],
    ]),
  )
  probes.set(
    'goals',
    new Map([
      ['published', ids.publishedGoal],
      ['draft', ids.draftGoal],
    ]),
  )
  probes.set(
    'objectives',
    new Map([
      ['published', ids.publishedObjective],
      ['draft', ids.draftObjective],
    ]),
  )
  probes.set('sections', new Map([['all', ids.acquisitions]]))
  probes.set(
    'initiatives',
    new Map([
      [
        'public',
        await initiative('Probe: public initiative', 'public', 'published', ids.publishedObjective),
      ],
      [
        'members-only',
        await initiative(
          'Probe: members-only initiative',
          'members',
          'published',
          ids.publishedObjective,
        ),
      ],
      [
        'draft',
        await initiative('Probe: draft initiative', 'public', 'draft', ids.publishedObjective),
      ],
      [
        'in-draft-plan',
        await initiative(
          'Probe: initiative of a draft plan',
          'public',
          'published',
          ids.draftObjective,
        ),
      ],
    ]),
  )
  probes.set('users', new Map([['other', probeStaff.id]]))
  probes.set('members', new Map([['other', probeMember.id]]))

  // the people, each with a real token from Payload's login
  people.set('anonymous', { key: 'anonymous', user: null })
  const staffLogins: [PersonKey, string][] = [
    ['acquisitions editor', 'acquisitions@example.org'],
    ['serials editor', 'serials@example.org'],
    ['editor', 'editor@example.org'],
    ['admin', 'admin@example.org'],
  ]
  for (const [key, email] of staffLogins) {
    people.set(key, {
      key,
      user: await findPerson(payload, 'users', email),
      token: await loginToken('users', email),
    })
  }
  for (const [key, number] of [
    ['member', '100001'],
    ['board', '100002'],
  ] as [PersonKey, string][]) {
    people.set(key, {
      key,
      user: await findPerson(payload, 'members', number),
      token: await loginToken('members', number),
    })
  }
  // A lapsed member cannot sign in at all; the interesting case is a token issued while the
  // membership was current, used after it lapsed.
  const lapsed = await findPerson(payload, 'members', '100003')
  const lapsedOn = lapsed.membershipExpires as string
  await payload.update({
    collection: 'members',
    id: lapsed.id,
    data: { membershipExpires: '2099-12-31' },
    ...system,
  })
  const lapsedToken = await loginToken('members', '100003')
  await payload.update({
    collection: 'members',
    id: lapsed.id,
    data: { membershipExpires: lapsedOn },
    ...system,
  })
  people.set('lapsed member', {
    key: 'lapsed member',
    user: await findPerson(payload, 'members', '100003'),
    token: lapsedToken,
  })
})

afterAll(async () => {
  printMatrix()
  await payload?.destroy()
})

// ---------------------------------------------------------------------------------------------
// What each surface does
// ---------------------------------------------------------------------------------------------

const GRAPHQL_NAMES: Record<Slug, { one: string; many: string }> = {
  plans: { one: 'Plan', many: 'Plans' },
  goals: { one: 'Goal', many: 'Goals' },
  objectives: { one: 'Objective', many: 'Objectives' },
  sections: { one: 'Section', many: 'Sections' },
  initiatives: { one: 'Initiative', many: 'Initiatives' },
  users: { one: 'User', many: 'Users' },
  members: { one: 'Member', many: 'Members' },
}
const DRAFTS: Slug[] = ['plans', 'initiatives']
const idType = () => (payload.db.defaultIDType === 'number' ? 'Int' : 'String')

/** Which of the given ids the person gets back on a surface (by list and, on REST, one by one). */
async function visibleIds(
  person: Person,
  slug: Slug,
  wanted: Id[],
  surface: Surface,
): Promise<Set<string>> {
  const seen = new Set<string>()
  const drafts = DRAFTS.includes(slug) ? [false, true] : [false]
  for (const draft of drafts) {
    if (surface === 'local') {
      try {
        const found = await payload.find({
          collection: slug,
          where: { id: { in: wanted } },
          draft,
          depth: 0,
          limit: 100,
          user: person.user ?? undefined,
          overrideAccess: false,
        })
        for (const doc of found.docs) seen.add(String(doc.id))
      } catch (err) {
        if (!isForbidden(err)) throw err
      }
    } else if (surface === 'rest') {
      const query = `where[id][in]=${wanted.join(',')}&depth=0&limit=100${draft ? '&draft=true' : ''}`
      const list = await rest('GET', `/api/${slug}?${query}`, { token: person.token })
      expectNoServerError(list.status, `GET /api/${slug}`)
      if (list.status === 200) for (const doc of docsOf(list.json)) seen.add(String(doc.id))
      for (const id of wanted) {
        const single = await rest(
          'GET',
          `/api/${slug}/${id}?depth=0${draft ? '&draft=true' : ''}`,
          { token: person.token },
        )
        expectNoServerError(single.status, `GET /api/${slug}/${id}`)
        if (single.status === 200 && String((single.json as { id?: Id }).id) === String(id))
          seen.add(String(id))
      }
    } else {
      const names = GRAPHQL_NAMES[slug]
      const draftArg = DRAFTS.includes(slug) ? `, draft: ${draft}` : ''
      const list = await graphql(
        `query($ids: [${idType()}]) { ${names.many}(where: { id: { in: $ids } }, limit: 100${draftArg}) { docs { id } } }`,
        { token: person.token, variables: { ids: wanted } },
      )
      const data = list.json.data as Record<string, { docs: { id: Id }[] } | null> | undefined
      for (const doc of data?.[names.many]?.docs ?? []) seen.add(String(doc.id))
      for (const id of wanted) {
        const single = await graphql(
          `query($id: ${idType()}!) { ${names.one}(id: $id${draftArg}) { id } }`,
          {
            token: person.token,
            variables: { id },
          },
        )
        const doc = (single.json.data as Record<string, { id: Id } | null> | undefined)?.[names.one]
        if (doc && String(doc.id) === String(id)) seen.add(String(id))
      }
    }
  }
  return seen
}

const docsOf = (json: unknown): { id: Id }[] => (json as { docs?: { id: Id }[] } | null)?.docs ?? []

function isForbidden(err: unknown): boolean {
  const status = err && typeof err === 'object' && 'status' in err ? err.status : undefined
  return status === 403 || status === 401 || status === 404
}

function expectNoServerError(status: number, what: string) {
  if (status >= 500) throw new Error(`${what} answered ${status}`)
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

/** Valid data for a new document (unique where it must be). */
function newDoc(slug: Slug, marker: string): Record<string, unknown> {
  const number = 100 + counter
  switch (slug) {
    case 'plans':
      return {
        title: marker,
        slug: slugOf(marker),
        organization: 'ALCTS',
        startYear: 2020,
        endYear: 2024,
      }
    case 'goals':
      return { plan: ids.publishedPlan, number, title: marker }
    case 'objectives':
      return { goal: ids.publishedGoal, number, text: marker }
    case 'sections':
      return { name: marker, slug: slugOf(marker), kind: 'section' }
    case 'initiatives':
      return {
        title: marker,
        section: ids.acquisitions,
        objectives: [ids.publishedObjective],
        visibility: 'public',
        status: 'planned',
      }
    case 'users':
      return {
        name: marker,
        email: `${marker.toLowerCase().replace(/[^a-z0-9]+/g, '')}@example.org`,
        roles: ['editor'],
        password: DEMO_PASSWORD,
      }
    case 'members':
      return {
        name: marker,
        username: String(800000 + counter),
        roles: ['member'],
        membershipExpires: '2099-12-31',
        password: DEMO_PASSWORD,
      }
  }
}

/** The text field a write cell changes (and then looks for). */
const TEXT_FIELD: Record<Slug, string> = {
  plans: 'title',
  goals: 'title',
  objectives: 'text',
  sections: 'name',
  initiatives: 'title',
  users: 'name',
  members: 'name',
}

const GRAPHQL_INPUT: Record<Slug, string> = {
  plans: 'Plan',
  goals: 'Goal',
  objectives: 'Objective',
  sections: 'Section',
  initiatives: 'Initiative',
  users: 'User',
  members: 'Member',
}

async function countWhere(slug: Slug, field: string, value: string): Promise<number> {
  const found = await payload.find({
    collection: slug,
    where: { [field]: { equals: value } },
    draft: true,
    ...system,
  })
  return found.totalDocs
}

async function exists(slug: Slug, id: Id): Promise<boolean> {
  const doc = await payload.findByID({ collection: slug, id, disableErrors: true, ...system })
  return doc != null
}

/** A throw-away document for an update or delete cell, made with access control off. */
async function disposable(slug: Slug): Promise<Id> {
  const marker = `Disposable ${slug} ${unique()}`
  const doc = await payload.create({
    collection: slug,
    data: {
      ...newDoc(slug, marker),
      ...(DRAFTS.includes(slug) ? { _status: 'published' } : {}),
    } as never,
    ...system,
  })
  return doc.id
}

/** Runs one write on one surface; returns what the surface answered (for the failure message). */
async function write(
  person: Person,
  surface: Surface,
  action: 'create' | 'update' | 'delete',
  slug: Slug,
  target: { id?: Id; data?: Record<string, unknown> },
): Promise<string> {
  if (surface === 'local') {
    try {
      const common = {
        user: person.user ?? undefined,
        overrideAccess: false as const,
        depth: 0,
        context: { disableRevalidate: true },
      }
      if (action === 'create')
        await payload.create({ collection: slug, data: target.data as never, ...common })
      else if (action === 'update')
        await payload.update({
          collection: slug,
          id: target.id!,
          data: target.data as never,
          ...common,
        })
      else await payload.delete({ collection: slug, id: target.id!, ...common })
      return 'ok'
    } catch (err) {
      if (isForbidden(err)) return `refused ${(err as { status: number }).status}`
      return `error ${err instanceof Error ? err.message : String(err)}`
    }
  }
  if (surface === 'rest') {
    const path = action === 'create' ? `/api/${slug}` : `/api/${slug}/${target.id}`
    const method = action === 'create' ? 'POST' : action === 'update' ? 'PATCH' : 'DELETE'
    const res = await rest(method, path, { token: person.token, body: target.data })
    expectNoServerError(res.status, `${method} ${path}`)
    return res.status < 300 || [401, 403, 404].includes(res.status)
      ? `HTTP ${res.status}`
      : `HTTP ${res.status} ${res.text.slice(0, 200)}`
  }
  const name = GRAPHQL_INPUT[slug]
  const query =
    action === 'create'
      ? `mutation($data: mutation${name}Input!) { create${name}(data: $data) { id } }`
      : action === 'update'
        ? `mutation($id: ${idType()}!, $data: mutation${name}UpdateInput!) { update${name}(id: $id, data: $data) { id } }`
        : `mutation($id: ${idType()}!) { delete${name}(id: $id) { id } }`
  const res = await graphql(query, {
    token: person.token,
    variables: { id: target.id, data: target.data },
  })
  expectNoServerError(res.status, `GraphQL ${action}${name}`)
  const errors = res.json.errors?.map((e) => e.message).join('; ')
  return errors ? `errors: ${errors}` : 'ok'
}

/** The measured outcome of one cell. */
async function measure(person: Person, slug: Slug, op: Op, surface: Surface): Promise<string> {
  if (op === 'read') {
    const named = probes.get(slug)!
    const own = ownRecord(person, slug)
    const wanted = new Map(named)
    if (own != null) wanted.set('own', own)
    const seen = await visibleIds(person, slug, [...wanted.values()], surface)
    const names = [...wanted]
      .filter(([, id]) => seen.has(String(id)))
      .map(([name]) => name)
      .sort()
    return names.length > 0 ? names.join('+') : 'none'
  }
  const field = TEXT_FIELD[slug]
  const marker = `Matrix ${person.key} ${surface} ${op} ${unique()}`
  if (op === 'create') {
    const answer = await write(person, surface, 'create', slug, { data: newDoc(slug, marker) })
    return judge((await countWhere(slug, field, marker)) > 0, answer)
  }
  if (op === 'update') {
    const id = await disposable(slug)
    const answer = await write(person, surface, 'update', slug, { id, data: { [field]: marker } })
    return judge((await countWhere(slug, field, marker)) > 0, answer)
  }
  if (op === 'delete') {
    const id = await disposable(slug)
    const answer = await write(person, surface, 'delete', slug, { id })
    return judge(!(await exists(slug, id)), answer)
  }
  // update own
  const own = ownRecord(person, slug)
  if (own == null) return 'n/a'
  const before = await payload.findByID({ collection: slug, id: own, ...system })
  const answer = await write(person, surface, 'update', slug, {
    id: own,
    data: { [field]: marker },
  })
  const changed = (await countWhere(slug, field, marker)) > 0
  await payload.update({
    collection: slug,
    id: own,
    data: { [field]: (before as unknown as Record<string, unknown>)[field] } as never,
    ...system,
  })
  return judge(changed, answer)
}

const FORBIDDEN_MESSAGES = /not allowed to perform this action|not found/i

/**
 * allowed/denied by effect, and only when the surface's answer agrees: a refusal must be an
 * access refusal (401/403/404, Payload's "not allowed"), not a validation error or a crash.
 */
function judge(happened: boolean, answer: string): string {
  const saidOk = answer === 'ok' || /^HTTP 2\d\d$/.test(answer)
  const refused =
    /^(refused|HTTP) (401|403|404)$/.test(answer) ||
    (answer.startsWith('errors: ') && FORBIDDEN_MESSAGES.test(answer))
  if (happened && saidOk) return 'allowed'
  if (!happened && refused) return 'denied'
  return `${happened ? 'done' : 'not done'}, answered ${answer}`
}

function ownRecord(person: Person, slug: Slug): Id | undefined {
  if (!person.user) return undefined
  if (slug === 'users' && person.user.collection === 'users') return person.user.id
  if (slug === 'members' && person.user.collection === 'members') return person.user.id
  return undefined
}

// ---------------------------------------------------------------------------------------------

function printMatrix() {
  if (results.length === 0) return
  const header = ['person', 'collection', 'operation', 'expected', ...SURFACES]
  const rows = results.map((r) => {
    const want = expected(r.person, r.slug, r.op)
    return [
      r.person,
      r.slug,
      r.op,
      want,
      ...SURFACES.map((s) => (r.cells[s] === want ? '✓' : `✗ ${r.cells[s]}`)),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ')
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)]
  const failures = rows.filter((row) => row.some((c) => c.startsWith('✗'))).length
  console.log(
    `\nAccess matrix (${rows.length} rows × ${SURFACES.length} surfaces, ${failures} rows differ)\n${out.join('\n')}\n`,
  )
}

describe('access matrix: person × collection × operation × surface', () => {
  it.each(PEOPLE)('%s', { timeout: 240_000 }, async (key) => {
    const person = people.get(key)!
    const differing: string[] = []
    for (const slug of COLLECTIONS) {
      for (const op of OPS) {
        const cells = {} as Record<Surface, string>
        for (const surface of SURFACES) cells[surface] = await measure(person, slug, op, surface)
        results.push({ person: key, slug, op, cells })
        const want = expected(key, slug, op)
        for (const surface of SURFACES) {
          if (cells[surface] !== want)
            differing.push(`${slug} ${op} via ${surface}: expected ${want}, got ${cells[surface]}`)
        }
      }
    }
    expect(differing).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// A members-only initiative's title (and a draft's, and other people's records) never appears in
// a response to anyone not allowed to read it, on any surface, by any route: lists, single
// documents, drafts, versions, joins, deep population, GraphQL.
// ---------------------------------------------------------------------------------------------

async function titles(where: Where, draft = false): Promise<string[]> {
  const found = await payload.find({
    collection: 'initiatives',
    where,
    draft,
    pagination: false,
    ...system,
  })
  return found.docs.map((doc) => doc.title)
}

/** Every response a person can get that could carry initiative titles or other records. */
async function responses(person: Person): Promise<{ what: string; text: string }[]> {
  const hidden = [...probes.get('initiatives')!.values()]
  const paths = [
    '/api/initiatives?limit=1000&depth=2',
    '/api/initiatives?limit=1000&depth=2&draft=true',
    '/api/initiatives?limit=1000&where[visibility][equals]=members',
    '/api/initiatives?limit=1000&where[_status][equals]=draft&draft=true',
    '/api/initiatives/versions?limit=1000&depth=2',
    '/api/plans?limit=100&depth=4',
    '/api/plans?limit=100&depth=4&draft=true',
    '/api/goals?limit=1000&depth=4',
    '/api/objectives?limit=1000&depth=4',
    '/api/sections?limit=100&depth=4',
    '/api/users?limit=100&depth=2',
    '/api/members?limit=100&depth=2',
    '/api/payload-locked-documents?limit=100&depth=3',
    '/api/payload-preferences?limit=100&depth=3',
    `/api/plans/${ids.publishedPlan}?depth=5`,
    `/api/plans/${ids.draftPlan}?depth=5&draft=true`,
    ...hidden.flatMap((id) => [
      `/api/initiatives/${id}?depth=2`,
      `/api/initiatives/${id}?draft=true&depth=2`,
    ]),
  ]
  const out: { what: string; text: string }[] = []
  for (const path of paths) {
    const res = await rest('GET', path, { token: person.token })
    expect(res.status, `GET ${path}`).toBeLessThan(500)
    out.push({ what: `REST ${path}`, text: res.text })
  }
  const queries = [
    '{ Initiatives(limit: 1000) { docs { title summary } } }',
    '{ Initiatives(limit: 1000, draft: true) { docs { title } } }',
    '{ versionsInitiatives(limit: 1000) { docs { version { title } } } }',
    '{ Plans(limit: 100, draft: true) { docs { title goals { docs { title objectives { docs { text } } } } } } }',
    '{ Sections(limit: 100) { docs { name } } }',
    '{ Users(limit: 100) { docs { email name } } }',
    '{ Members(limit: 100) { docs { username name email } } }',
    ...hidden.flatMap((id) => [
      `{ Initiative(id: ${JSON.stringify(id)}) { title } }`,
      `{ Initiative(id: ${JSON.stringify(id)}, draft: true) { title } }`,
    ]),
  ]
  for (const query of queries) {
    const res = await graphql(query, { token: person.token })
    expect(res.status, query).toBeLessThan(500)
    out.push({ what: `GraphQL ${query}`, text: res.text })
  }
  // and the Local API as the person, the way lib/data reads for pages
  for (const draft of [false, true]) {
    const found = await payload.find({
      collection: 'initiatives',
      draft,
      depth: 2,
      pagination: false,
      user: person.user ?? undefined,
      overrideAccess: false,
    })
    out.push({ what: `Local find initiatives draft=${draft}`, text: JSON.stringify(found) })
  }
  return out
}

describe('what must never appear in a response to someone not allowed to read it', () => {
  it.each<[PersonKey, ('members-only' | 'drafts' | 'people')[]]>([
    ['anonymous', ['members-only', 'drafts', 'people']],
    ['lapsed member', ['members-only', 'drafts', 'people']],
    ['member', ['drafts', 'people']],
    ['board', ['drafts', 'people']],
  ])('%s never receives: %s', { timeout: 240_000 }, async (key, kinds) => {
    const person = people.get(key)!
    const secrets: string[] = []
    if (kinds.includes('members-only')) {
      secrets.push(
        ...(await titles({
          and: [{ visibility: { equals: 'members' } }, { _status: { equals: 'published' } }],
        })),
      )
    }
    if (kinds.includes('drafts')) {
      secrets.push(...(await titles({ _status: { equals: 'draft' } }, true)))
      secrets.push(
        'Probe: initiative of a draft plan',
        'Draft plan 2012–2016',
        'A goal area of the draft plan',
        'An objective of the draft plan',
      )
    }
    if (kinds.includes('people')) {
      // other people's records: staff accounts and other members
      secrets.push('admin@example.org', 'Emery Editor', 'Probe Member', 'Lee Lapsed')
      if (key !== 'board') secrets.push('Blair Board')
      if (key !== 'member') secrets.push('Morgan Member')
    }
    // the list must not be empty (a test that cannot fail): seeded members-only and draft titles exist
    expect(secrets.length).toBeGreaterThan(kinds.includes('members-only') ? 10 : 5)

    const leaks: string[] = []
    for (const { what, text } of await responses(person)) {
      for (const secret of secrets) {
        const escaped = JSON.stringify(secret).slice(1, -1)
        if (text.includes(secret) || text.includes(escaped))
          leaks.push(`${what} contains "${secret}"`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('the same probes do reach the people allowed to read them (so the check above can fail)', async () => {
    const member = people.get('member')!
    const memberTexts = (await responses(member)).map((r) => r.text).join('\n')
    expect(memberTexts).toContain('Probe: members-only initiative')
    const editor = people.get('editor')!
    const editorTexts = (await responses(editor)).map((r) => r.text).join('\n')
    expect(editorTexts).toContain('Probe: draft initiative')
    expect(editorTexts).toContain('Draft plan 2012–2016')
  }, 240_000)
})
