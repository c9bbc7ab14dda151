/**
 * Real email through a real SMTP server (Mailpit, read back over its HTTP API): the member and
 * staff password resets end to end (the link in the message sets a new password that signs in),
 * both parts of every message, and a mail server that refuses connections. Skips only when
 * MAILPIT_URL is not configured; CI always configures it.
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { signInMember } from '@/lib/auth/credentials'
import { requestMemberPasswordReset, resetMemberPassword } from '@/lib/auth/passwordReset'
import { lodestarEmailAdapter } from '@/lib/email/adapter'
import { env } from '@/lib/env'
import { MAILPIT_URL, linkIn, waitForMail } from '../mailpit'
import { startSmtpStub } from '../smtpStub'
import { DEMO_PASSWORD, rest, seededPayloadWithMail } from './helpers'

const run = crypto.randomBytes(4).toString('hex')
const address = (name: string) => `${name}.${run}@example.org`
const ORGANIZATION = 'Association for Library Collections and Technical Services'

describe.skipIf(!MAILPIT_URL)('email through SMTP (Mailpit)', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await seededPayloadWithMail()
  })

  afterAll(async () => {
    await payload?.destroy()
  })

  it('a member resets their password from the email: the link sets a password that signs in', async () => {
    const to = address('member.reset')
    const member = await payload.create({
      collection: 'members',
      data: {
        username: String(crypto.randomInt(710000, 719999)),
        name: 'Riley Reset',
        email: to,
        roles: ['member'],
        membershipExpires: '2099-12-31',
        active: true,
        password: DEMO_PASSWORD,
      },
      overrideAccess: true,
    })
    expect(await requestMemberPasswordReset(payload, member.username)).toEqual({ ok: true })

    const [mail, ...more] = await waitForMail(to)
    expect(more).toHaveLength(0)
    expect(mail!.Subject).toBe('Reset your planning site password')
    expect(mail!.From.Address).toBe(env().email.from.address)
    // phone-readable HTML and a plain-text part with the same link
    expect(mail!.HTML).toContain('name="viewport"')
    expect(mail!.HTML).toContain('Hello Riley Reset,')
    expect(mail!.Text).toContain(ORGANIZATION)
    const link = linkIn(mail!, 'http://localhost:3000/login/reset?token=')
    expect(link).toBeDefined()
    expect(mail!.Text).toContain(link!)
    const token = new URL(link!).searchParams.get('token')

    expect(
      await resetMemberPassword(payload, {
        token,
        password: 'mailed-password-1',
        confirm: 'mailed-password-1',
      }),
    ).toEqual({ ok: true })
    expect(
      (
        await signInMember(payload, {
          memberNumber: member.username,
          password: 'mailed-password-1',
        })
      ).ok,
    ).toBe(true)
  })

  it('a staff user resets their password from the email through the admin’s reset endpoint', async () => {
    const to = address('staff.reset')
    await payload.create({
      collection: 'users',
      data: { email: to, name: 'Sam Staff', roles: ['editor'], password: DEMO_PASSWORD },
      overrideAccess: true,
    })
    const asked = await rest('POST', '/api/users/forgot-password', { body: { email: to } })
    expect(asked.status, asked.text).toBe(200)

    const [mail, ...more] = await waitForMail(to)
    expect(more).toHaveLength(0)
    expect(mail!.Subject).toBe('Reset your planning admin password')
    expect(mail!.Text).toMatch(/^Hello Sam Staff,/)
    expect(mail!.Text).toContain('Choose a new password:')
    const link = linkIn(mail!, 'http://localhost:3000/admin/reset/')
    expect(link).toBeDefined()
    const token = decodeURIComponent(link!.split('/').pop()!)

    const reset = await rest('POST', '/api/users/reset-password', {
      body: { token, password: 'staff-mailed-password-1' },
    })
    expect(reset.status, reset.text).toBe(200)
    const login = await rest('POST', '/api/users/login', {
      body: { email: to, password: 'staff-mailed-password-1' },
    })
    expect(login.status, login.text).toBe(200)
    const old = await rest('POST', '/api/users/login', {
      body: { email: to, password: DEMO_PASSWORD },
    })
    expect(old.status).toBe(401)
  })

  it('a mail server that refuses the connection fails the send, and the reset form says so', async () => {
    const to = address('refused')
    const member = await payload.create({
      collection: 'members',
      data: {
        username: String(crypto.randomInt(720000, 729999)),
        name: 'Refused Rowan',
        email: to,
        roles: ['member'],
        active: true,
        password: DEMO_PASSWORD,
      },
      overrideAccess: true,
    })
    const working = payload.email
    // the same adapter, pointed at a port nothing listens on
    payload.email = lodestarEmailAdapter({
      ...env().email,
      smtpUrl: 'smtp://127.0.0.1:9',
    })({ payload })
    try {
      const result = await requestMemberPasswordReset(payload, member.username)
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/try again/) })
    } finally {
      payload.email = working
    }
  })

  it('a failed send counts against the reset throttle: asking again at once sends nothing', async () => {
    const to = address('throttled')
    const member = await payload.create({
      collection: 'members',
      data: {
        username: String(crypto.randomInt(730000, 739999)),
        name: 'Tess Throttle',
        email: to,
        roles: ['member'],
        active: true,
        password: DEMO_PASSWORD,
      },
      overrideAccess: true,
    })
    const tried: string[] = []
    const stub = await startSmtpStub((recipient) => {
      tried.push(recipient)
      return '451 4.3.0 Try again later'
    })
    const working = payload.email
    payload.email = lodestarEmailAdapter({ ...env().email, smtpUrl: stub.url })({ payload })
    try {
      expect(await requestMemberPasswordReset(payload, member.username)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/try again/),
      })
      const again = await rest('POST', '/api/members/forgot-password', {
        body: { username: member.username },
      })
      expect(again.status, again.text).toBe(429)
    } finally {
      payload.email = working
      await stub.close()
    }
    expect(tried).toEqual([to])
  })
})
