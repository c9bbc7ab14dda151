/**
 * (Tests making 20–35 sign-ins, each a full password hash, get 3 minutes: FerretDB on a loaded
 * machine took over 60 s.)
 * Issue 13, items 1–6, through Payload's real REST handler on a real database: no first member,
 * a setup token for the first staff account, locks for staff only, no lapsed refresh, no account
 * enumeration (answer and cost), per-client rate limits with Retry-After, sessions bound to a
 * session version and member number, ids never reused, one password rule everywhere.
 */
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// before the config is read: this file's server has a one-time setup token
const SETUP_TOKEN = vi.hoisted(() => {
  const token = 'integration-setup-token-of-at-least-32-characters'
  process.env.ADMIN_SETUP_TOKEN = token
  return token
})

import config from '@payload-config'
import { failedSignInsWritten } from '@/collections/hooks/authGuards'
import { carriesCredentials } from '@/lib/auth/cookies'
import { signInMember } from '@/lib/auth/credentials'
import { memberInGoodStanding, sessionVersionOf } from '@/lib/auth/members'
import { resetMemberPassword } from '@/lib/auth/passwordReset'
import { BASE, DEMO_PASSWORD, getTestPayload, seedDemo } from './helpers'

let payload: Payload
const system = { overrideAccess: true as const, depth: 0 }
let numberSeq = 810000
let clientSeq = 0

/** A fresh client address (TEST-NET-2), so each test has its own per-client counts. */
const newClient = () => {
  clientSeq += 1
  return `198.18.${Math.floor(clientSeq / 250)}.${clientSeq % 250}`
}

interface Call {
  status: number
  json: { [key: string]: unknown; errors?: { message: string }[] } | null
  headers: Headers
}

/** Payload's REST handler, as a request from `client` (X-Forwarded-For, as the proxy sets it). */
async function call(
  method: string,
  path: string,
  options: {
    body?: unknown
    token?: string
    client?: string
    headers?: Record<string, string>
  } = {},
): Promise<Call> {
  const headers = new Headers({ origin: BASE, ...options.headers })
  headers.set('x-forwarded-for', options.client ?? newClient())
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('content-type', 'application/json')
  const response = await handleEndpoints({
    config,
    request: new Request(`${BASE}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  })
  const text = await response.text()
  return {
    status: response.status,
    json: /^\s*[[{]/.test(text) ? (JSON.parse(text) as Call['json']) : null,
    headers: response.headers,
  }
}

async function login(collection: 'users' | 'members', login: string, password = DEMO_PASSWORD) {
  const body = collection === 'users' ? { email: login, password } : { username: login, password }
  const res = await call('POST', `/api/${collection}/login`, { body })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json!.token as string
}

async function newMember(
  data: Partial<{ email: string; membershipExpires: string; active: boolean }> = {},
) {
  numberSeq += 1
  const username = String(numberSeq)
  const member = await payload.create({
    collection: 'members',
    data: {
      username,
      name: `Security Member ${username}`,
      roles: ['member'],
      membershipExpires: data.membershipExpires ?? '2099-12-31',
      active: data.active ?? true,
      email: data.email,
      password: DEMO_PASSWORD,
    },
    ...system,
  })
  return { ...member, username }
}

const message = (res: Call) => res.json?.errors?.[0]?.message ?? ''

/** Payload's GraphQL route, as a request from `client`. */
async function gql(query: string, client = newClient()): Promise<Call> {
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const response = await GRAPHQL_POST(config)(
    new Request(`${BASE}/api/graphql`, {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ query }),
    }),
  )
  const text = await response.text()
  return {
    status: response.status,
    json: JSON.parse(text) as Call['json'],
    headers: response.headers,
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
})

afterAll(async () => {
  await payload?.destroy()
})

describe('1. first-register', () => {
  it('never creates a member, on a database without members; init tells nothing', async () => {
    expect((await payload.count({ collection: 'members', ...system })).totalDocs).toBe(0)
    const init = await call('GET', '/api/members/init')
    expect(init.json).toEqual({ initialized: true })
    const res = await call('POST', '/api/members/first-register', {
      body: {
        username: '999999',
        name: 'Intruder',
        password: 'a-long-enough-password',
        roles: ['board'],
        active: true,
      },
    })
    expect(res.status).toBe(403)
    expect(res.json).not.toHaveProperty('token')
    expect((await payload.count({ collection: 'members', ...system })).totalDocs).toBe(0)
  })

  it('GraphQL’s initializedMember tells nothing either: true with no members', async () => {
    expect((await payload.count({ collection: 'members', ...system })).totalDocs).toBe(0)
    const res = await gql('{ initializedMember }')
    expect(res.json).toEqual({ data: { initializedMember: true } })
  })

  it('needs the setup token for the first staff account', async () => {
    expect((await payload.count({ collection: 'users', ...system })).totalDocs).toBe(0)
    const body = { email: 'first@example.org', name: 'First', password: 'a-long-enough-password' }
    const client = newClient()
    const without = await call('POST', '/api/users/first-register', { body, client })
    expect(without.status).toBe(403)
    const wrong = await call('POST', '/api/users/first-register', {
      body,
      client,
      headers: { 'x-setup-token': 'not-the-token' },
    })
    expect(wrong.status).toBe(403)
    expect((await payload.count({ collection: 'users', ...system })).totalDocs).toBe(0)
    // as the admin's "create first user" page sends it: a field of the form
    const right = await call('POST', '/api/users/first-register', {
      body: { ...body, setupToken: SETUP_TOKEN },
      client,
    })
    expect(right.status, JSON.stringify(right.json)).toBe(200)
    const users = await payload.find({ collection: 'users', ...system })
    expect(users.docs.map((user) => [user.email, user.roles])).toEqual([
      ['first@example.org', ['admin']],
    ])
  })

  it('limits attempts per client: 429 with Retry-After', async () => {
    const client = newClient()
    const statuses: number[] = []
    let last: Call | undefined
    for (let i = 0; i < 6; i += 1) {
      last = await call('POST', '/api/users/first-register', {
        body: { email: `again${i}@example.org`, name: 'Again', password: 'a-long-enough-password' },
        client,
      })
      statuses.push(last.status)
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429])
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('with the demo accounts', () => {
  beforeAll(async () => {
    await seedDemo(payload)
  })

  describe('2. edit locks and refresh', () => {
    it.each(['members', 'users'] as const)(
      '%s: the cookie a REST sign-in sets is one GET /api/viewer takes for credentials',
      async (collection) => {
        const res = await call('POST', `/api/${collection}/login`, {
          body:
            collection === 'users'
              ? { email: 'editor@example.org', password: DEMO_PASSWORD }
              : { username: '100001', password: DEMO_PASSWORD },
        })
        expect(res.status).toBe(200)
        const pair = res.headers.get('set-cookie')?.split(';', 1)[0]
        expect(pair).toMatch(/^[^=]+=[^=]/)
        expect(carriesCredentials(new Headers({ cookie: pair! }))).toBe(true)
      },
    )

    it('members can neither list nor create document locks; staff can', async () => {
      const memberToken = await login('members', '100002')
      const plan = (await payload.find({ collection: 'plans', limit: 1, ...system })).docs[0]!
      const list = await call('GET', '/api/payload-locked-documents', { token: memberToken })
      expect(list.status).toBe(403)
      const staff = await payload.find({
        collection: 'users',
        where: { email: { equals: 'editor@example.org' } },
        ...system,
      })
      const lock = await call('POST', '/api/payload-locked-documents', {
        token: memberToken,
        body: {
          document: { relationTo: 'plans', value: plan.id },
          user: { relationTo: 'users', value: staff.docs[0]!.id },
        },
      })
      expect(lock.status).toBe(403)
      expect(
        (await payload.count({ collection: 'payload-locked-documents', ...system })).totalDocs,
      ).toBe(0)

      const editorToken = await login('users', 'editor@example.org')
      const staffList = await call('GET', '/api/payload-locked-documents', { token: editorToken })
      expect(staffList.status).toBe(200)
    })

    it('refuses to refresh a lapsed member’s token', async () => {
      const member = await newMember()
      const token = await login('members', member.username)
      const fresh = await call('POST', '/api/members/refresh-token', { token })
      expect(fresh.status).toBe(200)
      await payload.update({
        collection: 'members',
        id: member.id,
        data: { membershipExpires: '2020-01-01' },
        ...system,
      })
      const refreshed = await call('POST', '/api/members/refresh-token', {
        token: fresh.json!.refreshedToken as string,
      })
      expect(refreshed.status).toBeGreaterThanOrEqual(400)
      expect(refreshed.json).not.toHaveProperty('refreshedToken')
    })
  })

  describe('3. no enumeration', () => {
    /**
     * Pairs of attempts per measure: an odd number, so the median is one of them. Four once let two
     * slow known attempts out of four (a burst on the database in CI) decide it.
     */
    const SAMPLES = 9

    /**
     * Median times of `n` calls of each attempt, in ms. The calls alternate (known first, then
     * unknown first), so a burst of load on a shared machine weighs on both sides alike.
     */
    async function medianMs(
      n: number,
      known: (i: number) => Promise<unknown>,
      unknown: (i: number) => Promise<unknown>,
    ) {
      const times = { known: [] as number[], unknown: [] as number[] }
      const timed = async (side: 'known' | 'unknown', i: number) => {
        const start = performance.now()
        await (side === 'known' ? known : unknown)(i)
        times[side].push(performance.now() - start)
      }
      for (let i = 0; i < n; i += 1) {
        const order =
          i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)
        for (const side of order) await timed(side, i)
      }
      const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(n / 2)]!
      return { knownMs: median(times.known), unknownMs: median(times.unknown) }
    }

    it.each([
      ['members', 'username', '100001', '777777'],
      ['users', 'email', 'editor@example.org', 'nobody.at.all@example.org'],
    ] as const)(
      '%s REST login: an unknown account gets the same answer as a wrong password, at the same cost',
      async (collection, field, known, unknown) => {
        const attempt = (login: string, i: number) =>
          call('POST', `/api/${collection}/login`, {
            body: { [field]: login, password: `wrong-password-${i}` },
          })
        const a = await attempt(known, 0)
        const b = await attempt(unknown, 0)
        expect([a.status, message(a)]).toEqual([b.status, message(b)])
        expect(a.status).toBe(401)
        // fresh clients each time: the per-client limits stay out of the measure
        const { knownMs, unknownMs } = await medianMs(
          SAMPLES,
          (i) => attempt(known, i + 1),
          (i) => attempt(unknown, i + 1),
        )
        expect(unknownMs, `unknown ${unknownMs} ms, known ${knownMs} ms`).toBeGreaterThan(
          knownMs * 0.6,
        )
        // the known account did not get locked by this test
        await login(collection, known)
      },
    )

    it('the site’s sign-in: same answer and cost for an unknown member number', async () => {
      const attempt = (memberNumber: string, i: number) =>
        signInMember(payload, { memberNumber, password: `wrong-${i}` }, newClient())
      expect(await attempt('100002', 0)).toEqual(await attempt('777778', 0))
      const { knownMs, unknownMs } = await medianMs(
        SAMPLES,
        (i) => attempt('100002', i + 1),
        (i) => attempt('777778', i + 1),
      )
      expect(unknownMs, `unknown ${unknownMs} ms, known ${knownMs} ms`).toBeGreaterThan(
        knownMs * 0.6,
      )
    })
  })

  describe('4. per-client rate limits', () => {
    it('5 failures for one account from one client: 429 with Retry-After there, the right password elsewhere gets in', async () => {
      const member = await newMember()
      const client = newClient()
      const statuses: number[] = []
      for (let i = 0; i < 6; i += 1) {
        const res = await call('POST', '/api/members/login', {
          body: { username: member.username, password: `wrong-${i}` },
          client,
        })
        statuses.push(res.status)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
      const again = await call('POST', '/api/members/login', {
        body: { username: member.username, password: DEMO_PASSWORD },
        client,
      })
      expect(again.status).toBe(429)
      const retryAfter = Number(again.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(14 * 60)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
      expect(message(again)).toMatch(/Try again at \d\d:\d\d UTC \(in 15 minutes\)/)
      await login('members', member.username)
    })

    it('GraphQL sign-in: the same limit, a 429 error with Retry-After and when to try again', async () => {
      const member = await newMember()
      const client = newClient()
      const codes: unknown[] = []
      let last: Call | undefined
      for (let i = 0; i < 6; i += 1) {
        last = await gql(
          `mutation { loginMember(username: "${member.username}", password: "wrong-${i}") { token } }`,
          client,
        )
        const errors = last.json?.errors as { extensions?: { statusCode?: number } }[] | undefined
        codes.push(errors?.[0]?.extensions?.statusCode)
      }
      expect(codes).toEqual([401, 401, 401, 401, 401, 429])
      const retryAfter = Number(last!.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(14 * 60)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
      expect(message(last!)).toMatch(/Try again at \d\d:\d\d UTC \(in 15 minutes\)/)
      // a failure that is not a limit carries no Retry-After
      const other = await gql(
        `mutation { loginMember(username: "${member.username}", password: "wrong") { token } }`,
      )
      expect(other.headers.get('retry-after')).toBeNull()
    })

    it(
      '30 failures from one client over many accounts: 429 for that client only',
      { timeout: 180_000 },
      async () => {
        const client = newClient()
        const statuses: number[] = []
        for (let i = 0; i < 31; i += 1) {
          const res = await call('POST', '/api/users/login', {
            body: { email: `guess${i}@example.org`, password: 'wrong-password' },
            client,
          })
          statuses.push(res.status)
        }
        expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401))
        expect(statuses[30]).toBe(429)
        // the staff member from their own network still signs in
        await login('users', 'admin@example.org')
      },
    )

    it('successful sign-ins do not count against a client', { timeout: 180_000 }, async () => {
      const client = newClient()
      for (let i = 0; i < 35; i += 1) {
        const res = await call('POST', '/api/members/login', {
          body: { username: '100001', password: DEMO_PASSWORD },
          client,
        })
        expect(res.status).toBe(200)
      }
    })

    it('limits password reset requests per client, on both collections', async () => {
      const client = newClient()
      const statuses: number[] = []
      let last: Call | undefined
      for (let i = 0; i < 11; i += 1) {
        last = await call('POST', `/api/${i % 2 ? 'users' : 'members'}/forgot-password`, {
          body: i % 2 ? { email: `nobody${i}@example.org` } : { username: `55500${i}` },
          client,
        })
        statuses.push(last.status)
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200))
      expect(statuses[10]).toBe(429)
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
      const reset = await call('POST', '/api/members/reset-password', {
        body: { token: 'f'.repeat(40), password: 'a-long-enough-password' },
        client,
      })
      expect(reset.status).toBe(429)
    })

    it(
      'an account locked by failures from many clients: the right password is told exactly when; a wrong one sees nothing',
      { timeout: 180_000 },
      async () => {
        const member = await newMember()
        for (let c = 0; c < 5; c += 1) {
          const client = newClient()
          for (let i = 0; i < 4; i += 1) {
            await call('POST', '/api/members/login', {
              body: { username: member.username, password: `wrong-${c}-${i}` },
              client,
            })
          }
        }
        // straight after the last failure (its count may not be written yet): locked
        const right = await call('POST', '/api/members/login', {
          body: { username: member.username, password: DEMO_PASSWORD },
        })
        // the answers did not wait for the failures' count to be written; it is written
        await failedSignInsWritten()
        const stored = await payload.findByID({
          collection: 'members',
          id: member.id,
          ...system,
          showHiddenFields: true,
        })
        expect(stored.lockUntil).toBeTruthy()
        expect(right.status).toBe(429)
        expect(message(right)).toMatch(/locked .* Try again at \d\d:\d\d UTC/)
        expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(8 * 60)
        const wrong = await call('POST', '/api/members/login', {
          body: { username: member.username, password: 'still-wrong' },
        })
        const unknown = await call('POST', '/api/members/login', {
          body: { username: '777779', password: 'still-wrong' },
        })
        expect([wrong.status, message(wrong)]).toEqual([unknown.status, message(unknown)])
        // the site's sign-in says when, too
        const site = await signInMember(
          payload,
          { memberNumber: member.username, password: DEMO_PASSWORD },
          newClient(),
        )
        expect(site).toMatchObject({ ok: false, code: 'locked' })
      },
    )

    it(
      'failed sign-ins at the same moment are each counted, and after an expired lock the count starts again once',
      { timeout: 180_000 },
      async () => {
        const wrongAtOnce = (username: string, n: number) =>
          Promise.all(
            Array.from({ length: n }, (_, i) =>
              call('POST', '/api/members/login', {
                body: { username, password: `wrong-at-once-${i}` },
              }),
            ),
          )
        const stored = async (id: number | string) => {
          await failedSignInsWritten()
          return payload.findByID({
            collection: 'members',
            id,
            ...system,
            showHiddenFields: true,
          })
        }
        // the count is written after each answer, so a burst's writes overlap (FerretDB's $inc
        // counted two at once as one)
        const member = await newMember()
        const answers = await wrongAtOnce(member.username, 12)
        expect(answers.map((res) => res.status)).toEqual(Array(12).fill(401))
        expect((await stored(member.id)).loginAttempts).toBe(12)

        // a lock that has run out: the burst's first failure starts the count at 1, the rest add
        const expired = await newMember()
        await payload.db.updateOne({
          collection: 'members',
          id: expired.id,
          data: { loginAttempts: 20, lockUntil: new Date(Date.now() - 60_000).toISOString() },
        })
        await wrongAtOnce(expired.username, 3)
        expect(await stored(expired.id)).toMatchObject({ loginAttempts: 3, lockUntil: null })
      },
    )
  })

  describe('5. sessions bound to a session version and the member number', () => {
    const bindingOf = async (member: { id: number | string; username: string }) => ({
      memberNumber: member.username,
      sessionVersion: await sessionVersionOf(payload, member.id),
    })

    it.each([
      ['an admin changes the password', { password: 'an-admin-chosen-password' }],
      ['the member is deactivated', { active: false }],
      ['the membership lapses', { membershipExpires: '2020-01-01' }],
      ['an admin signs them out everywhere', { signOutEverywhere: true }],
    ])('a session ends when %s', async (_, change) => {
      const member = await newMember()
      const binding = await bindingOf(member)
      expect(await memberInGoodStanding(payload, member.id, binding)).not.toBeNull()
      const adminToken = await login('users', 'admin@example.org')
      const res = await call('PATCH', `/api/members/${member.id}`, {
        token: adminToken,
        body: change,
      })
      expect(res.status, JSON.stringify(res.json)).toBe(200)
      // renewed again where the change was a lapse: the old session still does not come back
      await payload.update({
        collection: 'members',
        id: member.id,
        data: { active: true, membershipExpires: '2099-12-31' },
        ...system,
      })
      expect(await memberInGoodStanding(payload, member.id, binding)).toBeNull()
      expect(await memberInGoodStanding(payload, member.id, await bindingOf(member))).not.toBeNull()
    })

    it('a session ends when the member changes their own password, or resets it', async () => {
      const member = await newMember({ email: `bound.${numberSeq}@example.org` })
      const binding = await bindingOf(member)
      const token = await login('members', member.username)
      const own = await call('PATCH', `/api/members/${member.id}`, {
        token,
        body: { password: 'my-own-new-password' },
      })
      expect(own.status, JSON.stringify(own.json)).toBe(200)
      expect(await memberInGoodStanding(payload, member.id, binding)).toBeNull()

      const second = await bindingOf(member)
      const resetToken = await payload.forgotPassword({
        collection: 'members',
        data: { username: member.username } as unknown as { email: string },
        disableEmail: true,
      })
      expect(
        await resetMemberPassword(payload, {
          token: resetToken,
          password: 'a-reset-password-here',
          confirm: 'a-reset-password-here',
        }),
      ).toEqual({ ok: true })
      expect(await memberInGoodStanding(payload, member.id, second)).toBeNull()
    })

    it('"sign out everywhere" ends the member’s REST tokens too', async () => {
      const member = await newMember()
      const token = await login('members', member.username)
      const me = await call('GET', '/api/members/me', { token })
      expect((me.json?.user as { id?: unknown } | null)?.id).toBe(member.id)
      await payload.update({
        collection: 'members',
        id: member.id,
        data: { signOutEverywhere: true },
        ...system,
      })
      const after = await call('GET', '/api/members/me', { token })
      expect(after.json?.user ?? null).toBeNull()
    })

    it('staff: "sign out everywhere" by an admin, or by the person on their own record, ends every session', async () => {
      const staff = await payload.create({
        collection: 'users',
        data: {
          email: `staff-${Date.now()}@example.org`,
          name: 'Signed In Twice',
          roles: ['editor'],
          password: DEMO_PASSWORD,
        },
        ...system,
      })
      const meOf = async (token: string) =>
        ((await call('GET', '/api/users/me', { token })).json?.user as { id?: unknown } | null)
          ?.id ?? null
      const laptop = await login('users', staff.email)
      const phone = await login('users', staff.email)
      expect(await meOf(laptop)).toBe(staff.id)
      expect(await meOf(phone)).toBe(staff.id)

      // another editor may not do it to them (their record is not theirs to update)
      const editor = await login('users', 'editor@example.org')
      const refused = await call('PATCH', `/api/users/${staff.id}`, {
        token: editor,
        body: { signOutEverywhere: true },
      })
      expect(refused.status).toBeGreaterThanOrEqual(400)
      expect(await meOf(phone)).toBe(staff.id)

      const admin = await login('users', 'admin@example.org')
      const done = await call('PATCH', `/api/users/${staff.id}`, {
        token: admin,
        body: { signOutEverywhere: true },
      })
      expect(done.status, JSON.stringify(done.json)).toBe(200)
      expect(await meOf(laptop)).toBeNull()
      expect(await meOf(phone)).toBeNull()
      expect(await meOf(admin)).not.toBeNull()

      // the person themselves, from one of their sessions: all of them end, that one included
      const first = await login('users', staff.email)
      const second = await login('users', staff.email)
      const own = await call('PATCH', `/api/users/${staff.id}`, {
        token: first,
        body: { signOutEverywhere: true },
      })
      expect(own.status, JSON.stringify(own.json)).toBe(200)
      expect(await meOf(first)).toBeNull()
      expect(await meOf(second)).toBeNull()
      // and they can sign in again
      expect(await meOf(await login('users', staff.email))).toBe(staff.id)
    })

    it('a member cannot set their own session version', async () => {
      const member = await newMember()
      const token = await login('members', member.username)
      const before = await sessionVersionOf(payload, member.id)
      await call('PATCH', `/api/members/${member.id}`, { token, body: { sessionVersion: 99 } })
      expect(await sessionVersionOf(payload, member.id)).toBe(before)
    })

    it('never reuses a deleted member’s id, and a session names its member number', async () => {
      const old = await newMember()
      const binding = await bindingOf(old)
      await payload.delete({ collection: 'members', id: old.id, ...system })
      const next = await newMember()
      expect(String(next.id)).not.toBe(String(old.id))
      if (typeof old.id === 'number') expect(next.id).toBeGreaterThan(old.id)
      // even an id given again would not read as the new member: the member number is checked
      expect(await memberInGoodStanding(payload, next.id, binding)).toBeNull()
    })
  })

  describe('6. one password rule everywhere', () => {
    it('a member’s own PATCH refuses a short password', async () => {
      const member = await newMember()
      const token = await login('members', member.username)
      const res = await call('PATCH', `/api/members/${member.id}`, {
        token,
        body: { password: 'abc' },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.json)).toMatch(/at least 10 characters/)
      await login('members', member.username)
    })

    it('staff: own PATCH and an admin creating an account refuse a short password', async () => {
      const editorToken = await login('users', 'editor@example.org')
      const me = await call('GET', '/api/users/me', { token: editorToken })
      const id = (me.json?.user as { id: number | string }).id
      const own = await call('PATCH', `/api/users/${id}`, {
        token: editorToken,
        body: { password: 'short' },
      })
      expect(own.status).toBe(400)
      const adminToken = await login('users', 'admin@example.org')
      const created = await call('POST', '/api/users', {
        token: adminToken,
        body: { email: 'short@example.org', name: 'Short', password: 'tiny', roles: ['editor'] },
      })
      expect(created.status).toBe(400)
    })

    it.each(['members', 'users'] as const)(
      '%s reset-password refuses a short password',
      async (collection) => {
        const login =
          collection === 'members' ? { username: '100001' } : { email: 'editor@example.org' }
        const token = await payload.forgotPassword({
          collection,
          data: login as unknown as { email: string },
          disableEmail: true,
        })
        const res = await call('POST', `/api/${collection}/reset-password`, {
          body: { token, password: 'abc' },
        })
        expect(res.status).toBe(400)
        expect(JSON.stringify(res.json)).toMatch(/at least 10 characters/)
      },
    )
  })
})
