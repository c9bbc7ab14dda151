/**
 * Every email is sent once, whatever happens around it (lib/jobs/deliver.ts), against a real SMTP
 * server: a repeated send, two runners at once, a mail server that is down and then back, a
 * recipient the server refuses, a person without a valid address, a runner that died mid-send.
 * The Mailpit cases skip only without MAILPIT_URL (CI always sets it); the scripted-server cases
 * always run.
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lodestarEmailAdapter } from '@/lib/email/adapter'
import { renderEmail } from '@/lib/email/render'
import { env } from '@/lib/env'
import { CLAIM_LEASE_MS, deliver, type Notice } from '@/lib/jobs/deliver'
import { MAILPIT_URL, messagesTo } from '../mailpit'
import { startSmtpStub } from '../smtpStub'
import { expectMailToReachMailpit, getTestPayload } from './helpers'

const run = crypto.randomBytes(4).toString('hex')
let payload: Payload
let seq = 0

function notice(to: string | null, extra: Partial<Notice> = {}): Notice {
  seq += 1
  return {
    key: `test:${run}:${seq}`,
    kind: 'cycle-opened',
    recipient: `users:${seq}`,
    to,
    email: renderEmail({
      association: 'Test Association',
      subject: `Test notice ${run} ${seq}`,
      greeting: 'Hello,',
      blocks: [{ paragraph: 'A test.' }],
      footer: 'A test footer.',
    }),
    ...extra,
  }
}

async function row(key: string) {
  const { docs } = await payload.find({
    collection: 'notifications',
    where: { key: { equals: key } },
    overrideAccess: true,
  })
  expect(docs.length).toBeLessThanOrEqual(1)
  return docs[0]
}

/** Runs `body` with the email adapter pointed at another SMTP URL, then puts it back. */
async function withSmtp<T>(url: string, body: () => Promise<T>): Promise<T> {
  const working = payload.email
  payload.email = lodestarEmailAdapter({ ...env().email, delivery: 'smtp', smtpUrl: url })({
    payload,
  })
  try {
    return await body()
  } finally {
    payload.email = working
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
})

afterAll(async () => {
  await payload?.destroy()
})

describe('deliver: bad input has a defined outcome and never throws', () => {
  it.each([null, '', 'not-an-address', 'two@@example.org'])(
    'records %j as skipped, once',
    async (to) => {
      const n = notice(to)
      expect(await deliver(payload, n)).toBe('skipped')
      expect(await deliver(payload, n)).toBe('duplicate')
      expect(await row(n.key)).toMatchObject({ status: 'skipped', attempts: 0 })
    },
  )

  it('a recipient the mail server refuses for good is recorded as refused and not retried', async () => {
    const stub = await startSmtpStub((to) =>
      to.startsWith('gone') ? '550 5.1.1 No such user here' : '250 2.1.5 OK',
    )
    try {
      const n = notice(`gone.${run}@example.org`)
      await withSmtp(stub.url, async () => {
        expect(await deliver(payload, n)).toBe('refused')
        expect(await deliver(payload, n)).toBe('duplicate')
      })
      expect(await row(n.key)).toMatchObject({ status: 'refused', attempts: 1 })
      expect((await row(n.key))?.lastError).toMatch(/550/)
      expect(stub.accepted).toEqual([])
    } finally {
      await stub.close()
    }
  })

  it('a refused copy does not stop the message: sent, and the refused copy noted', async () => {
    const stub = await startSmtpStub((to) => (to.startsWith('gone') ? '550 5.1.1 No' : '250 OK'))
    try {
      const n = notice(`here.${run}@example.org`, { cc: [`gone.cc.${run}@example.org`] })
      await withSmtp(stub.url, async () => expect(await deliver(payload, n)).toBe('sent'))
      expect(stub.accepted).toEqual([`here.${run}@example.org`])
      expect(await row(n.key)).toMatchObject({ status: 'sent' })
      expect((await row(n.key))?.lastError).toMatch(/Refused copies: gone\.cc/)
    } finally {
      await stub.close()
    }
  })

  it('a temporary refusal (451) is a failure to retry', async () => {
    const stub = await startSmtpStub(() => '451 4.3.0 Try again later')
    try {
      const n = notice(`later.${run}@example.org`)
      await withSmtp(stub.url, async () => expect(await deliver(payload, n)).toBe('failed'))
      expect(await row(n.key)).toMatchObject({ status: 'failed' })
    } finally {
      await stub.close()
    }
  })
})

describe.skipIf(!MAILPIT_URL)('deliver through Mailpit: once, whatever happens', () => {
  beforeAll(() => {
    expectMailToReachMailpit()
  })

  it('sends once when asked twice', async () => {
    const to = `twice.${run}@example.org`
    const n = notice(to)
    expect(await deliver(payload, n)).toBe('sent')
    expect(await deliver(payload, n)).toBe('duplicate')
    expect(await messagesTo(to)).toHaveLength(1)
    expect(await row(n.key)).toMatchObject({ status: 'sent', attempts: 1, to })
  })

  it('two runners at once: one sends, the other does not', async () => {
    const to = `racing.${run}@example.org`
    const n = notice(to)
    const outcomes = await Promise.all([
      deliver(payload, n),
      deliver(payload, n),
      deliver(payload, n),
    ])
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1)
    expect(
      outcomes.filter((o) => o !== 'sent').every((o) => o === 'busy' || o === 'duplicate'),
    ).toBe(true)
    await new Promise((r) => setTimeout(r, 300))
    expect(await messagesTo(to)).toHaveLength(1)
  })

  it('a mail server that is down fails the send; the next run sends it, once', async () => {
    const to = `down.${run}@example.org`
    const n = notice(to)
    expect(await withSmtp('smtp://127.0.0.1:9', () => deliver(payload, n))).toBe('failed')
    const failed = await row(n.key)
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 })
    expect(failed?.lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(await messagesTo(to)).toHaveLength(0)

    expect(await deliver(payload, n)).toBe('sent')
    expect(await deliver(payload, n)).toBe('duplicate')
    expect(await row(n.key)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(await messagesTo(to)).toHaveLength(1)
  })

  it('a claim left by a runner that died is taken over after the lease, not before', async () => {
    const to = `orphan.${run}@example.org`
    const n = notice(to)
    const claimedAt = new Date(Date.now() - 60_000).toISOString()
    await payload.create({
      collection: 'notifications',
      data: { key: n.key, kind: n.kind, status: 'sending', to, attempts: 1, claimedAt },
      overrideAccess: true,
    })
    expect(await deliver(payload, n)).toBe('busy')
    await payload.update({
      collection: 'notifications',
      where: { key: { equals: n.key } },
      data: { claimedAt: new Date(Date.now() - CLAIM_LEASE_MS - 1000).toISOString() },
      overrideAccess: true,
    })
    expect(await deliver(payload, n)).toBe('sent')
    expect(await row(n.key)).toMatchObject({ status: 'sent', attempts: 2 })
    expect(await messagesTo(to)).toHaveLength(1)
  })
})

describe('who sees the record of what was sent', () => {
  it('admins read notifications; nobody writes them over the API', async () => {
    const { docs: admins } = await payload.find({
      collection: 'users',
      where: { roles: { contains: 'admin' } },
      overrideAccess: true,
    })
    const admin =
      admins[0] ??
      (await payload.create({
        collection: 'users',
        data: {
          email: `admin.${run}@example.org`,
          name: 'A',
          roles: ['admin'],
          password: 'x-password-1',
        },
        overrideAccess: true,
      }))
    const editor = await payload.create({
      collection: 'users',
      data: {
        email: `editor.${run}@example.org`,
        name: 'E',
        roles: ['editor'],
        password: 'x-password-1',
      },
      overrideAccess: true,
    })
    const asAdmin = { user: { ...admin, collection: 'users' as const }, overrideAccess: false }
    const asEditor = { user: { ...editor, collection: 'users' as const }, overrideAccess: false }
    await deliver(payload, notice(null))
    expect(
      (await payload.find({ collection: 'notifications', ...asAdmin })).totalDocs,
    ).toBeGreaterThan(0)
    await expect(payload.find({ collection: 'notifications', ...asEditor })).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'notifications',
        data: { key: `x:${run}`, kind: 'cycle-opened', status: 'sent' },
        ...asAdmin,
      }),
    ).rejects.toThrow()
  })
})
