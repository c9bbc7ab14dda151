/**
 * The reminders of an open cycle, driven by running the queue (the hourly sweep queued by hand),
 * never by waiting for a clock, against a real SMTP server (Mailpit): the reminder before the due
 * date reaches only the section editors who have not finished, the due-date notice reaches those
 * still missing with the editors copied, each once however often the queue runs, and a person who
 * turned reminders off gets the opening notice and nothing after it. The due date is set relative
 * to today; the opening notice's record is dated back a day where the rule "not on the heels of the
 * opening notice" needs it. Skips only without MAILPIT_URL (CI always sets it).
 */
import crypto from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { env } from '@/lib/env'
import { JOBS_QUEUE, runQueuedJobs } from '@/lib/jobs'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import type { User } from '@/payload-types'
import { MAILPIT_URL, messagesTo, waitForMail, type MailSummary } from '../mailpit'
import { closeOpenCycle, expectMailToReachMailpit, getTestPayload, seedDemo } from './helpers'

const run = crypto.randomBytes(4).toString('hex')
const system = { overrideAccess: true as const, depth: 0 }
const DAY_MS = 24 * 60 * 60 * 1000
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10)
const settle = () => new Promise((r) => setTimeout(r, 300))
const address = (name: string) => `${name}.${run}@example.org`

describe.skipIf(!MAILPIT_URL)('cycle reminders on the job queue', () => {
  let payload: Payload
  let plan: number
  let cycle: { id: number | string; name: string }
  const people: Record<'done' | 'missing' | 'quiet' | 'editor' | 'quietEditor', User> = {} as never
  let doneWork: (number | string)[] = []

  const as = (user: User) => ({
    user: { ...user, collection: 'users' as const },
    overrideAccess: false as const,
  })
  const about = (mails: MailSummary[], word: RegExp) =>
    mails.filter((m) => m.Subject.includes(cycle.name) && word.test(m.Subject))

  /** What the hourly schedule does, queued now and run by the queue. */
  async function sweep() {
    await payload.jobs.queue({ task: 'cycleSweep', input: {}, queue: JOBS_QUEUE })
    await runQueuedJobs(payload)
    await settle()
  }

  beforeAll(async () => {
    expectMailToReachMailpit()
    payload = await getTestPayload()
    await seedDemo(payload)
    await runQueuedJobs(payload, 50)
    const { docs: plans } = await payload.find({
      collection: 'plans',
      where: { slug: { equals: SEED_PLAN_SLUG } },
      ...system,
    })
    plan = plans[0]!.id as number
    // two sections with active published work: one finishes, the other does not
    const { docs: work } = await payload.find({
      collection: 'initiatives',
      where: {
        and: [
          { plan: { equals: plan } },
          { _status: { equals: 'published' } },
          { status: { in: ['planned', 'in-progress'] } },
        ],
      },
      pagination: false,
      ...system,
    })
    const bySection = new Map<string, { section: number | string; work: (number | string)[] }>()
    for (const i of work) {
      const section = i.section as number | string
      const entry = bySection.get(String(section)) ?? { section, work: [] }
      entry.work.push(i.id)
      bySection.set(String(section), entry)
    }
    const [doneSection, missingSection] = [...bySection.values()]
    expect(missingSection, 'the demo plan has active work in two sections').toBeDefined()
    doneWork = doneSection!.work

    const staff = async (
      name: string,
      roles: User['roles'],
      sections: (number | string)[] = [],
    ): Promise<User> =>
      (await payload.create({
        collection: 'users',
        data: {
          email: address(name),
          name: `${name} ${run}`,
          roles,
          sections,
          password: `a-long-password-${run}`,
        } as never,
        ...system,
      })) as User
    people.done = await staff('done', ['section-editor'], [doneSection!.section])
    people.missing = await staff('missing', ['section-editor'], [missingSection!.section])
    people.quiet = await staff('quiet', ['section-editor'], [missingSection!.section])
    people.editor = await staff('editor', ['editor'])
    people.quietEditor = await staff('quieteditor', ['editor'])
    // each turns reminders off on their own account, as themselves
    for (const who of [people.quiet, people.quietEditor]) {
      await payload.update({
        collection: 'users',
        id: who.id,
        data: { emailReminders: false },
        ...as(who),
      })
    }

    await closeOpenCycle(payload, plan)
    const created = await payload.create({
      collection: 'cycles',
      data: {
        name: `Remind ${run}`,
        plan,
        asOf: day(0),
        // inside the reminder window, not yet due
        dueOn: day(Math.min(3, env().email.reminderDaysBeforeDue - 1)),
        instructions: 'One line per initiative, please.',
        state: 'open',
      },
      context: { disableRevalidate: true },
      ...system,
    })
    cycle = { id: created.id, name: created.name }
  })

  afterAll(async () => {
    await payload?.destroy()
  })

  it('the opening notice reaches every reporting section editor, reminders off or not', async () => {
    await runQueuedJobs(payload, 50)
    for (const who of ['done', 'missing', 'quiet'] as const) {
      const mails = await waitForMail(people[who].email)
      expect(about(mails, /are open/), who).toHaveLength(1)
    }
    expect(await messagesTo(people.editor.email)).toHaveLength(0)
  })

  it('no reminder on the heels of the opening notice', async () => {
    await sweep()
    for (const who of ['done', 'missing', 'quiet'] as const) {
      expect(about(await messagesTo(people[who].email), /^Reminder/), who).toHaveLength(0)
    }
  })

  it('the reminder before the due date reaches only those not done, once', async () => {
    // `done` reports every initiative of their section, as themselves
    for (const initiative of doneWork) {
      await payload.create({
        collection: 'progress-updates',
        data: { initiative, cycle: cycle.id, status: 'in-progress', progress: 40 } as never,
        ...as(people.done),
      })
    }
    // the opening notices went out a day ago (their record says when)
    await payload.update({
      collection: 'notifications',
      where: { key: { like: `cycle-opened:${cycle.id}:` } },
      data: { sentAt: new Date(Date.now() - DAY_MS - 60_000).toISOString() },
      ...system,
    })
    await sweep()
    await sweep()
    const [reminder, ...more] = await waitForMail(people.missing.email, 2)
    expect(more.filter((m) => /^Reminder/.test(m.Subject))).toHaveLength(1)
    expect(reminder!.Subject).toMatch(/are open/)
    expect(about(await messagesTo(people.missing.email), /^Reminder/)).toHaveLength(1)
    expect(about(await messagesTo(people.done.email), /^Reminder/)).toHaveLength(0)
    expect(about(await messagesTo(people.quiet.email), /^Reminder/)).toHaveLength(0)
  })

  it('on the due date those still missing are told, copied to the editors who want reminders', async () => {
    await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { dueOn: day(0) },
      context: { disableRevalidate: true },
      ...system,
    })
    await sweep()
    await sweep()
    const mails = await waitForMail(people.missing.email, 3)
    const due = about(mails, /^Due today/)
    expect(due).toHaveLength(1)
    const cc = (due[0]!.Cc ?? []).map((a) => a.Address)
    expect(cc).toContain(people.editor.email)
    expect(cc).not.toContain(people.quietEditor.email)
    expect(cc).not.toContain(people.missing.email)
    // one copy per section editor still missing (the demo's own section editor may be one)
    const copies = about(await messagesTo(people.editor.email), /^Due today/)
    expect(
      copies.filter((m) => m.To.some((to) => to.Address === people.missing.email)),
    ).toHaveLength(1)
    expect(about(await messagesTo(people.quietEditor.email), /^Due today/)).toHaveLength(0)
    expect(about(await messagesTo(people.done.email), /^Due today/)).toHaveLength(0)
    expect(about(await messagesTo(people.quiet.email), /^Due today/)).toHaveLength(0)
    // the quiet section editor still only has the opening notice
    expect(about(await messagesTo(people.quiet.email), /./)).toHaveLength(1)
  })

  it('a closed cycle owes no reminders', async () => {
    await closeOpenCycle(payload, plan)
    await payload.update({
      collection: 'notifications',
      where: { key: { like: `cycle-overdue:${cycle.id}:` } },
      data: { status: 'failed' },
      ...system,
    })
    const before = (await messagesTo(people.missing.email)).length
    await sweep()
    expect(await messagesTo(people.missing.email)).toHaveLength(before)
  })
})
