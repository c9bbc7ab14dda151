/**
 * A cycle that opens queues its notices; running the queue (never a clock) sends the opening
 * notice through real SMTP to each section editor with initiatives to report, once, however often
 * the queue runs. A mail server that fails makes the job fail and wait (Payload's back-off), the
 * failure shows to admins, and when the server is back the retried job sends each email once.
 * Skips only without MAILPIT_URL (CI always sets it).
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { undeliveredEmails } from '@/lib/data/undeliveredEmails'
import { lodestarEmailAdapter } from '@/lib/email/adapter'
import { env } from '@/lib/env'
import { JOBS_QUEUE, runQueuedJobs } from '@/lib/jobs'
import { MAILPIT_URL, messagesTo, waitForMail } from '../mailpit'
import { closeOpenCycle, findPerson, seededPayloadWithMail } from './helpers'

const run = crypto.randomBytes(4).toString('hex')

describe.skipIf(!MAILPIT_URL)('cycle notices on the job queue', () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await seededPayloadWithMail()
  })

  afterAll(async () => {
    await payload?.destroy()
  })

  it('opening a cycle emails each reporting section editor once, however often the queue runs', async () => {
    const system = { overrideAccess: true as const, depth: 0 }
    const { docs: initiatives } = await payload.find({
      collection: 'initiatives',
      where: {
        and: [{ _status: { equals: 'published' } }, { status: { in: ['planned', 'in-progress'] } }],
      },
      limit: 1,
      ...system,
    })
    const initiative = initiatives[0]!
    const section = initiative.section as number
    const reporter = `reporter.${run}@example.org`
    const bystander = `bystander.${run}@example.org`
    await payload.create({
      collection: 'users',
      data: {
        email: reporter,
        name: 'Rory Reporter',
        roles: ['section-editor'],
        sections: [section],
        password: `a-long-password-${run}`,
      },
      ...system,
    })
    await payload.create({
      collection: 'users',
      data: {
        email: bystander,
        name: 'Bea Bystander',
        roles: ['editor'],
        password: `a-long-password-${run}`,
      },
      ...system,
    })
    await closeOpenCycle(payload, initiative.plan as number)
    const cycle = await payload.create({
      collection: 'cycles',
      data: {
        name: `Test cycle ${run}`,
        plan: initiative.plan as number,
        asOf: '2026-12-31',
        dueOn: '2027-06-30',
        state: 'open',
      },
      ...system,
    } as never)
    expect(cycle).toBeTruthy()
    // nothing is sent inside the request that opened the cycle
    expect(await messagesTo(reporter)).toHaveLength(0)

    await runQueuedJobs(payload)
    const [mail, ...more] = await waitForMail(reporter)
    expect(more).toHaveLength(0)
    expect(mail!.Subject).toMatch(new RegExp(`^Progress updates for Test cycle ${run} are open`))
    expect(mail!.Text).toContain(initiative.title)
    expect(mail!.Text).toContain('/admin/my-updates')

    await payload.jobs.queue({
      task: 'cycleNotices',
      input: { cycle: String(cycle.id) },
      queue: JOBS_QUEUE,
    })
    await runQueuedJobs(payload)
    await new Promise((r) => setTimeout(r, 300))
    expect(await messagesTo(reporter)).toHaveLength(1)
    expect(await messagesTo(bystander)).toHaveLength(0)
  })

  it('a failing mail server: the job fails and backs off, admins see it, the retry sends once', async () => {
    const system = { overrideAccess: true as const, depth: 0 }
    await runQueuedJobs(payload, 50)
    const { docs: initiatives } = await payload.find({
      collection: 'initiatives',
      where: {
        and: [{ _status: { equals: 'published' } }, { status: { in: ['planned', 'in-progress'] } }],
      },
      limit: 1,
      ...system,
    })
    const initiative = initiatives[0]!
    const reporter = `retry.${run}@example.org`
    await payload.create({
      collection: 'users',
      data: {
        email: reporter,
        name: 'Ray Retry',
        roles: ['section-editor'],
        sections: [initiative.section as number],
        password: `a-long-password-${run}`,
      },
      ...system,
    })
    await closeOpenCycle(payload, initiative.plan as number)
    await runQueuedJobs(payload, 50)
    const cycle = await payload.create({
      collection: 'cycles',
      data: {
        name: `Retry cycle ${run}`,
        plan: initiative.plan as number,
        asOf: '2026-12-31',
        dueOn: '2027-06-30',
        state: 'open',
      },
      ...system,
    } as never)
    // this cycle's notices job (Payload deletes a job once it completes)
    const jobOf = async () => {
      const { docs } = await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'cycleNotices' } },
        pagination: false,
        ...system,
      })
      return docs.find((j) => (j.input as { cycle: string }).cycle === String(cycle.id))
    }

    // the mail server is down (a port nothing listens on)
    const working = payload.email
    payload.email = lodestarEmailAdapter({
      ...env().email,
      smtpUrl: 'smtp://127.0.0.1:9',
    })({ payload })
    try {
      await runQueuedJobs(payload)
      const job = (await jobOf())!
      expect(job.completedAt ?? null).toBeNull()
      expect(job.totalTried).toBe(1)
      expect(job.hasError).toBeFalsy()
      // exponential back-off: the next attempt waits
      expect(new Date(job.waitUntil!).getTime()).toBeGreaterThan(Date.now() + 30_000)
      const { docs: rows } = await payload.find({
        collection: 'notifications',
        where: { key: { equals: `cycle-opened:${cycle.id}:users:${await idOf(reporter)}` } },
        ...system,
      })
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 })

      // admins see it (the admin banner's figures); nobody else does
      const admin = await findPerson(payload, 'users', 'admin@example.org')
      const editor = await findPerson(payload, 'users', 'editor@example.org')
      expect((await undeliveredEmails(admin))!.retrying).toBeGreaterThanOrEqual(1)
      expect(await undeliveredEmails(editor)).toBeNull()

      // running the queue again before the back-off is over does not try again
      await runQueuedJobs(payload)
      expect((await jobOf())!.totalTried).toBe(1)
    } finally {
      payload.email = working
    }
    expect(await messagesTo(reporter)).toHaveLength(0)

    // the back-off is over (the job's own record says so) and the server is back
    await payload.update({
      collection: 'payload-jobs',
      id: (await jobOf())!.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      ...system,
    })
    await runQueuedJobs(payload)
    expect(await jobOf()).toBeUndefined()
    const [mail, ...more] = await waitForMail(reporter)
    expect(mail!.Subject).toMatch(`Retry cycle ${run}`)
    await runQueuedJobs(payload)
    await new Promise((r) => setTimeout(r, 300))
    expect(more).toHaveLength(0)
    expect(await messagesTo(reporter)).toHaveLength(1)
  })

  async function idOf(email: string) {
    return (await findPerson(payload, 'users', email)).id
  }
})
