/**
 * A cycle that opens queues its notices; running the queue (never a clock) sends the opening
 * notice through real SMTP to each section editor with initiatives to report, once, however often
 * the queue runs. Skips only without MAILPIT_URL (CI always sets it).
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { JOBS_QUEUE, runQueuedJobs } from '@/lib/jobs'
import { MAILPIT_URL, messagesTo, waitForMail } from '../mailpit'
import { closeOpenCycle, expectMailToReachMailpit, getTestPayload, seedDemo } from './helpers'

const run = crypto.randomBytes(4).toString('hex')

describe.skipIf(!MAILPIT_URL)('cycle notices on the job queue', () => {
  let payload: Payload

  beforeAll(async () => {
    expectMailToReachMailpit()
    payload = await getTestPayload()
    await seedDemo(payload)
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
})
