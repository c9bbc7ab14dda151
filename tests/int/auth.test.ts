/**
 * Member sign-in as the next-auth Credentials provider runs it (lib/auth/credentials.ts through
 * Payload's own login), the member re-check behind every session, the OIDC email mapping, the
 * forgot/reset password flow, and the abuse cases: repeated wrong passwords lock the account,
 * malformed bodies get a 4xx.
 */
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import config from '@payload-config'
import { LAPSED_MESSAGE } from '@/collections/Members/hooks/refuseLapsedLogin'
import { signInMember } from '@/lib/auth/credentials'
import { memberByEmail, memberInGoodStanding } from '@/lib/auth/members'
import { SIGN_IN_ERRORS } from '@/lib/auth/messages'
import { authLimits } from '@/lib/security/rateLimit'
import { requestMemberPasswordReset, resetMemberPassword } from '@/lib/auth/passwordReset'
import {
  BASE,
  DEMO_PASSWORD,
  findPerson,
  getTestPayload,
  loginToken,
  rest,
  seedDemo,
} from './helpers'

let payload: Payload
const system = { overrideAccess: true as const, depth: 0 }
let numberSeq = 700000

/** A member made for one test, so lock-outs and password changes do not leak between tests. */
async function newMember(
  data: Partial<{ email: string; membershipExpires: string; active: boolean; name: string }> = {},
) {
  numberSeq += 1
  const username = String(numberSeq)
  const member = await payload.create({
    collection: 'members',
    data: {
      username,
      name: data.name ?? `Test Member ${username}`,
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

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

afterEach(() => {
  vi.useRealTimers()
})

// Requests here carry no client address: they share the "unknown" client, whose per-client limits
// (tested in auth-security.test.ts) would otherwise add up across unrelated tests.
beforeEach(async () => {
  for (const limit of Object.values(authLimits())) await limit.reset('unknown')
})

describe('signInMember (the Credentials provider)', () => {
  it('signs in a member in good standing through Payload login', async () => {
    const result = await signInMember(payload, { memberNumber: '100001', password: DEMO_PASSWORD })
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.member.username).toBe('100001')
      expect(result.member.name).toBe('Morgan Member')
      expect(result.member).not.toHaveProperty('hash')
    }
  })

  it('accepts the member number with surrounding spaces', async () => {
    const result = await signInMember(payload, {
      memberNumber: ' 100002 ',
      password: DEMO_PASSWORD,
    })
    expect(result.ok).toBe(true)
  })

  it('answers a wrong password and an unknown member number alike', async () => {
    const wrong = await signInMember(payload, {
      memberNumber: '100002',
      password: 'not-the-password',
    })
    const unknown = await signInMember(payload, { memberNumber: '999999', password: DEMO_PASSWORD })
    expect(wrong).toEqual({ ok: false, code: 'invalid' })
    expect(unknown).toEqual(wrong)
  })

  it('refuses a lapsed member with the right password, saying the membership lapsed and whom to contact', async () => {
    const result = await signInMember(payload, { memberNumber: '100003', password: DEMO_PASSWORD })
    expect(result).toEqual({ ok: false, code: 'lapsed' })
    expect(SIGN_IN_ERRORS.lapsed).toBe(LAPSED_MESSAGE)
    expect(SIGN_IN_ERRORS.lapsed).toMatch(/lapsed/)
    expect(SIGN_IN_ERRORS.lapsed).toMatch(/contact Member and Customer Service/)
  })

  it('does not tell a lapsed member number apart when the password is wrong', async () => {
    const result = await signInMember(payload, { memberNumber: '100003', password: 'guess' })
    expect(result).toEqual({ ok: false, code: 'invalid' })
  })

  it('refuses a deactivated member as lapsed', async () => {
    const member = await newMember({ active: false })
    const result = await signInMember(payload, {
      memberNumber: member.username,
      password: DEMO_PASSWORD,
    })
    expect(result).toEqual({ ok: false, code: 'lapsed' })
  })

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'memberNumber=100001'],
    ['an array', ['100001', DEMO_PASSWORD]],
    ['no password', { memberNumber: '100001' }],
    ['an empty member number', { memberNumber: '   ', password: DEMO_PASSWORD }],
    ['a number instead of a string', { memberNumber: 100001, password: DEMO_PASSWORD }],
    ['an object as member number', { memberNumber: { $ne: '' }, password: DEMO_PASSWORD }],
    ['a very long member number', { memberNumber: '1'.repeat(10_000), password: DEMO_PASSWORD }],
    ['a very long password', { memberNumber: '100001', password: 'x'.repeat(100_000) }],
  ])('answers a malformed body (%s) with "missing", without calling Payload', async (_, body) => {
    const login = vi.spyOn(payload, 'login')
    const result = await signInMember(payload, body)
    expect(result).toEqual({ ok: false, code: 'missing' })
    expect(login).not.toHaveBeenCalled()
    login.mockRestore()
  })
})

describe('lock-out after repeated wrong passwords', () => {
  it('after 5 failures from one client, that client waits 15 minutes for that account; another client with the right password gets in', async () => {
    const member = await newMember()
    const here = '198.51.100.10'
    const codes: string[] = []
    for (let i = 0; i < 8; i += 1) {
      const result = await signInMember(
        payload,
        { memberNumber: member.username, password: `wrong-${i}` },
        here,
      )
      codes.push(result.ok ? 'ok' : result.code)
    }
    expect(codes).toEqual([...Array(5).fill('invalid'), ...Array(3).fill('throttled')])

    // the right password from the same client: told exactly how long to wait
    const same = await signInMember(
      payload,
      { memberNumber: member.username, password: DEMO_PASSWORD },
      here,
    )
    expect(same).toMatchObject({ ok: false, code: 'throttled' })
    if (!same.ok) {
      expect(same.retryAfterSeconds).toBeGreaterThan(14 * 60)
      expect(same.retryAfterSeconds).toBeLessThanOrEqual(15 * 60)
    }
    // the member from their own network is not locked out by someone else's guesses
    const elsewhere = await signInMember(
      payload,
      { memberNumber: member.username, password: DEMO_PASSWORD },
      '198.51.100.11',
    )
    expect(elsewhere.ok).toBe(true)
    // the guesses never reached Payload's per-account lock
    const stored = await payload.findByID({
      collection: 'members',
      id: member.id,
      ...system,
      showHiddenFields: true,
    })
    expect(stored.lockUntil ?? null).toBeNull()
  })

  it('an unknown member number gets the same answers as a known one, try after try', async () => {
    const member = await newMember()
    const codesFor = async (memberNumber: string, client: string) => {
      const codes: string[] = []
      for (let i = 0; i < 8; i += 1) {
        const result = await signInMember(payload, { memberNumber, password: `wrong-${i}` }, client)
        codes.push(result.ok ? 'ok' : result.code)
      }
      return codes
    }
    const known = await codesFor(member.username, '198.51.100.20')
    const unknown = await codesFor('654321', '198.51.100.21')
    expect(unknown).toEqual(known)
    expect(new Set(unknown)).toEqual(new Set(['invalid', 'throttled']))
  })
})

describe('malformed sign-in bodies on Payload’s own login endpoint', () => {
  const raw = async (body: string, contentType = 'application/json') => {
    const request = new Request(`${BASE}/api/members/login`, {
      method: 'POST',
      headers: { origin: BASE, 'content-type': contentType },
      body,
    })
    const response = await handleEndpoints({ config, request })
    return response.status
  }

  it.each([
    ['invalid JSON', '{"username": "100001", "password": '],
    ['an empty body', ''],
    ['a JSON array', '[1, 2, 3]'],
    ['a JSON string', '"100001"'],
    ['no password', '{"username": "100001"}'],
    ['an object as username', '{"username": {"like": "1"}, "password": "x"}'],
  ])('%s → 4xx, never 500', async (_, body) => {
    const status = await raw(body)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
  })
})

describe('the member behind a session (memberInGoodStanding)', () => {
  it('reads the member fresh, and stops counting them once lapsed, deactivated or deleted', async () => {
    const member = await newMember({ name: 'Fresh Member' })
    expect((await memberInGoodStanding(payload, member.id))?.name).toBe('Fresh Member')
    expect((await memberInGoodStanding(payload, member.id))?.collection).toBe('members')

    await payload.update({
      collection: 'members',
      id: member.id,
      data: { membershipExpires: '2020-01-01' },
      ...system,
    })
    expect(await memberInGoodStanding(payload, member.id)).toBeNull()

    await payload.update({
      collection: 'members',
      id: member.id,
      data: { membershipExpires: '2099-12-31', active: false },
      ...system,
    })
    expect(await memberInGoodStanding(payload, member.id)).toBeNull()

    await payload.update({
      collection: 'members',
      id: member.id,
      data: { active: true },
      ...system,
    })
    expect(await memberInGoodStanding(payload, member.id)).not.toBeNull()

    await payload.delete({ collection: 'members', id: member.id, ...system })
    expect(await memberInGoodStanding(payload, member.id)).toBeNull()
  })

  it('returns nothing for an id that is not a member', async () => {
    expect(await memberInGoodStanding(payload, 987654)).toBeNull()
  })

  it('returns nothing, without an error, for an id of the wrong shape (a session from another database)', async () => {
    for (const id of [
      'not-an-id',
      '',
      '64b7f0c2a1b2c3d4e5f60718',
      'ffffffffffffffffffffffff',
      -1,
      1.5,
    ]) {
      await expect(memberInGoodStanding(payload, id)).resolves.toBeNull()
    }
  })
})

describe('OpenID Connect: member by email', () => {
  it('finds the one member with that email, case-insensitively', async () => {
    const member = await newMember({ email: 'oidc.person@example.org' })
    expect((await memberByEmail(payload, 'OIDC.Person@example.org'))?.id).toBe(member.id)
  })

  it('finds nobody for an unknown email', async () => {
    expect(await memberByEmail(payload, 'nobody@example.org')).toBeNull()
  })
})

describe('forgot / reset password (Payload’s flow for members)', () => {
  it('answers the same for a known and an unknown member number', async () => {
    const known = await requestMemberPasswordReset(payload, '100001')
    const unknown = await requestMemberPasswordReset(payload, '999998')
    expect(known).toEqual({ ok: true })
    expect(unknown).toEqual(known)
  })

  it('asks for a member number when none is given', async () => {
    expect(await requestMemberPasswordReset(payload, '  ')).toEqual({
      ok: false,
      message: 'Enter your member number.',
    })
    expect(await requestMemberPasswordReset(payload, null)).toMatchObject({ ok: false })
  })

  it('emails a link to the site’s reset page; the token sets a new password that signs in', async () => {
    const member = await newMember({ email: 'reset.me@example.org' })
    const sendEmail = vi.spyOn(payload.email, 'sendEmail')
    expect(await requestMemberPasswordReset(payload, member.username)).toEqual({ ok: true })
    expect(sendEmail).toHaveBeenCalledTimes(1)
    const message = sendEmail.mock.calls[0]![0] as { to: string; html: string; subject: string }
    sendEmail.mockRestore()
    expect(message.to).toBe('reset.me@example.org')
    const link = /href="([^"]+)"/.exec(message.html)?.[1]
    expect(link).toMatch(/^http:\/\/localhost:3000\/login\/reset\?token=[a-f0-9]+$/)
    const token = new URL(link!.replaceAll('&#38;', '&')).searchParams.get('token')!

    expect(
      await resetMemberPassword(payload, { token, password: 'short', confirm: 'short' }),
    ).toMatchObject({ ok: false })
    expect(
      await resetMemberPassword(payload, {
        token,
        password: 'a-new-password-1',
        confirm: 'a-new-password-2',
      }),
    ).toEqual({ ok: false, message: 'The two passwords are not the same.' })
    expect(
      await resetMemberPassword(payload, {
        token,
        password: 'a-new-password-1',
        confirm: 'a-new-password-1',
      }),
    ).toEqual({ ok: true })

    expect(
      (await signInMember(payload, { memberNumber: member.username, password: 'a-new-password-1' }))
        .ok,
    ).toBe(true)
    expect(
      await signInMember(payload, { memberNumber: member.username, password: DEMO_PASSWORD }),
    ).toEqual({
      ok: false,
      code: 'invalid',
    })
    // a token works once
    expect(
      await resetMemberPassword(payload, {
        token,
        password: 'another-password-3',
        confirm: 'another-password-3',
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/expired or was already used/) })
  })

  it('sends one email when asked twice within seconds, and answers the same both times', async () => {
    const member = await newMember({ email: 'twice@example.org' })
    const sendEmail = vi.spyOn(payload.email, 'sendEmail')
    expect(await requestMemberPasswordReset(payload, member.username)).toEqual({ ok: true })
    expect(await requestMemberPasswordReset(payload, member.username)).toEqual({ ok: true })
    expect(sendEmail).toHaveBeenCalledTimes(1)
    sendEmail.mockRestore()
  })

  it('throttles repeated requests on Payload’s REST endpoint too, known member number or not', async () => {
    const member = await newMember({ email: 'rest.reset@example.org' })
    for (const username of [member.username, '888777']) {
      const first = await rest('POST', '/api/members/forgot-password', { body: { username } })
      const second = await rest('POST', '/api/members/forgot-password', { body: { username } })
      expect([first.status, second.status]).toEqual([200, 429])
    }
  })

  it('staff reset their password over Payload’s endpoint: one email, a repeat throttled alike for anyone, never a 500', async () => {
    const sendEmail = vi.spyOn(payload.email, 'sendEmail')
    for (const email of ['editor@example.org', 'nobody.here@example.org']) {
      const first = await rest('POST', '/api/users/forgot-password', { body: { email } })
      const second = await rest('POST', '/api/users/forgot-password', {
        body: { email: ` ${email.toUpperCase()}` },
      })
      expect([first.status, second.status], `${email}: ${first.text} / ${second.text}`).toEqual([
        200, 429,
      ])
    }
    // one email to the editor; nothing for an address nobody has, and nothing for the repeat
    expect(sendEmail).toHaveBeenCalledTimes(1)
    expect((sendEmail.mock.calls[0]![0] as { to: string }).to).toBe('editor@example.org')
    sendEmail.mockRestore()
  })

  it('sends no email to a member without an address, and still answers the same', async () => {
    const member = await newMember()
    const sendEmail = vi.spyOn(payload.email, 'sendEmail')
    expect(await requestMemberPasswordReset(payload, member.username)).toEqual({ ok: true })
    expect(sendEmail).not.toHaveBeenCalled()
    sendEmail.mockRestore()
  })

  it('refuses a made-up token', async () => {
    const result = await resetMemberPassword(payload, {
      token: 'a'.repeat(40),
      password: 'a-new-password-1',
      confirm: 'a-new-password-1',
    })
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired or was already used/),
    })
    expect(
      await resetMemberPassword(payload, { token: '../../etc', password: 'x', confirm: 'x' }),
    ).toMatchObject({ ok: false })
  })
})

describe('what a member may change on their own record', () => {
  it('a member changes their name but not their member number, roles or expiry', async () => {
    const member = await newMember({ email: 'own.address@example.org' })
    const token = await loginToken('members', member.username)
    const res = await rest('PATCH', `/api/members/${member.id}`, {
      token,
      body: {
        name: 'Renamed',
        username: '123',
        roles: ['member', 'board'],
        membershipExpires: '2199-01-01',
        active: true,
        // single sign-on matches members by email: a member cannot claim someone else's address
        email: 'someone.else@example.org',
      },
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({ collection: 'members', id: member.id, ...system })
    expect(stored.name).toBe('Renamed')
    expect(stored.username).toBe(member.username)
    expect(stored.roles).toEqual(['member'])
    expect(stored.membershipExpires?.slice(0, 4)).toBe('2099')
    expect(stored.email).toBe('own.address@example.org')
  })

  it('an admin gives a member an email address (and changes it); the member reads it on their own record', async () => {
    const member = await newMember()
    const adminToken = await loginToken('users', 'admin@example.org')
    const res = await rest('PATCH', `/api/members/${member.id}`, {
      token: adminToken,
      body: { email: 'New.Address@Example.org' },
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({ collection: 'members', id: member.id, ...system })
    expect(stored.email).toBe('new.address@example.org')
    const own = await rest('GET', `/api/members/${member.id}`, {
      token: await loginToken('members', member.username),
    })
    expect(own.status).toBe(200)
    expect((own.json as { email?: string }).email).toBe('new.address@example.org')
  })

  it('a lapsed member cannot sign in over REST either, and is told why', async () => {
    const res = await rest('POST', '/api/members/login', {
      body: { username: '100003', password: DEMO_PASSWORD },
    })
    expect(res.status).toBe(403)
    expect(res.text).toContain('membership has lapsed')
  })

  it('a member cannot use the staff admin (an editor can)', async () => {
    const member = await findPerson(payload, 'members', '100001')
    const asMember = await payload.auth({
      headers: new Headers({ authorization: `JWT ${await loginToken('members', '100001')}` }),
    })
    expect(String(asMember.user?.id)).toBe(String(member.id))
    expect(asMember.permissions.canAccessAdmin).toBeFalsy()
    const asEditor = await payload.auth({
      headers: new Headers({
        authorization: `JWT ${await loginToken('users', 'editor@example.org')}`,
      }),
    })
    expect(asEditor.permissions.canAccessAdmin).toBe(true)
  })
})
