/**
 * The board report archive end to end, on a real database and a real SMTP server (Mailpit): a
 * cycle closes, running the queue (never a clock) renders the report as of that cycle once, stores
 * it as an archived upload and emails each board member with an address exactly one link; the
 * link's report is the stored PDF (read back with poppler: it names the cycle) for a board member
 * and refused to a plain member; /reports' list is the board's and staff's; nothing regenerates
 * the file; only an admin deletes it; a closed cycle cannot be reopened. Skips only without
 * MAILPIT_URL (CI always sets it).
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { archivedReportFile, listArchivedReports } from '@/lib/data/archivedReports'
import { JOBS_QUEUE, runQueuedJobs, sweepCycles } from '@/lib/jobs'
import { archiveDirectory } from '@/lib/jobs/archiveStore'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import type { Member, User } from '@/payload-types'
import { MAILPIT_URL, linkIn, messagesTo, waitForMail } from '../mailpit'
import {
  DEMO_PASSWORD,
  closeOpenCycle,
  expectMailToReachMailpit,
  findPerson,
  getTestPayload,
  seedDemo,
} from './helpers'

const run = crypto.randomBytes(4).toString('hex')
const system = { overrideAccess: true as const, depth: 0 }
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-archive-'))

/** pdftotext's text (whitespace squashed, lower case) and pdfinfo's page count. */
function readPdf(bytes: Buffer): { squashed: string; pages: number } {
  const file = path.join(dir, `${crypto.randomBytes(4).toString('hex')}.pdf`)
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const pages = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
  return { squashed: text.replace(/\s+/g, '').toLowerCase(), pages: Number(pages?.[1]) }
}
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase()
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const settle = () => new Promise((r) => setTimeout(r, 300))

describe.skipIf(!MAILPIT_URL)('the board report archive', () => {
  let payload: Payload
  let plan: number
  let board: Member
  let boardAddress: string
  let member: Member
  let silentBoard: Member
  let admin: User
  let editor: User
  let cycle: { id: number | string; name: string }
  let reportId: number | string
  let reportUrl: string

  const createMember = async (
    name: string,
    roles: ('member' | 'board')[],
    email: string | null,
  ): Promise<Member> =>
    (await payload.create({
      collection: 'members',
      data: {
        username: String(crypto.randomInt(800000, 899999)),
        name,
        ...(email ? { email } : {}),
        roles,
        membershipExpires: '2099-12-31',
        active: true,
        password: DEMO_PASSWORD,
      },
      ...system,
    })) as Member

  beforeAll(async () => {
    expectMailToReachMailpit()
    payload = await getTestPayload()
    await seedDemo(payload)
    // the seed's closed cycles queued their archives: run them now, before this test's people exist
    await runQueuedJobs(payload, 50)
    const { docs } = await payload.find({
      collection: 'plans',
      where: { slug: { equals: SEED_PLAN_SLUG } },
      ...system,
    })
    plan = docs[0]!.id as number
    boardAddress = `board.${run}@example.org`
    board = await createMember('Bailey Board', ['member', 'board'], boardAddress)
    member = await createMember('Mo Member', ['member'], `member.${run}@example.org`)
    silentBoard = await createMember('Noel No-Email', ['member', 'board'], null)
    admin = (await findPerson(payload, 'users', 'admin@example.org')) as unknown as User
    editor = (await findPerson(payload, 'users', 'editor@example.org')) as unknown as User

    await closeOpenCycle(payload, plan)
    const created = await payload.create({
      collection: 'cycles',
      data: { name: `Archive ${run}`, plan, asOf: '2026-11-30', state: 'open' },
      context: { disableRevalidate: true },
      ...system,
    })
    cycle = { id: created.id, name: created.name }
    await runQueuedJobs(payload, 50)
    // an admin closes it (as a person: the Local API with the admin as user)
    await payload.update({
      collection: 'cycles',
      id: cycle.id,
      data: { state: 'closed' },
      context: { disableRevalidate: true },
      user: { ...admin, collection: 'users' },
      overrideAccess: false,
    })
  })

  afterAll(async () => {
    await payload?.destroy()
  })

  it('closing queues the work; nothing is sent or stored inside the request', async () => {
    const stored = await payload.count({
      collection: 'archived-reports',
      where: { cycleId: { equals: String(cycle.id) } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(0)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: 'archiveReport' } }, { completedAt: { exists: false } }],
      },
      ...system,
    })
    expect(docs.map((job) => (job.input as { cycle: string }).cycle)).toContain(String(cycle.id))
    await settle()
    expect(
      (await messagesTo(boardAddress)).filter((m) => m.Subject.includes(cycle.name)),
    ).toHaveLength(0)
  })

  it('running the queue stores the report and emails each board member with an address one link', async () => {
    await runQueuedJobs(payload, 50)
    const { docs } = await payload.find({
      collection: 'archived-reports',
      where: { cycleId: { equals: String(cycle.id) } },
      ...system,
    })
    expect(docs).toHaveLength(1)
    const archived = docs[0]!
    reportId = archived.id
    expect(archived.title).toContain(cycle.name)
    expect(archived.mimeType).toBe('application/pdf')
    expect(fs.existsSync(path.join(archiveDirectory(), archived.filename!))).toBe(true)

    const mails = await waitForMail(boardAddress)
    const forCycle = mails.filter((m) => m.Subject.includes(cycle.name))
    expect(forCycle).toHaveLength(1)
    const link = linkIn(forCycle[0]!, `http://localhost:3000/reports/archive/`)
    expect(link).toBe(
      `http://localhost:3000/reports/archive/${encodeURIComponent(String(reportId))}`,
    )
    expect(forCycle[0]!.Text).toContain(link!)
    reportUrl = link!
    // the plain member got nothing about it
    expect(
      (await messagesTo(`member.${run}@example.org`)).filter((m) => m.Subject.includes(cycle.name)),
    ).toHaveLength(0)
    // the board member without an address: recorded as not sent, so admins see it
    const { docs: rows } = await payload.find({
      collection: 'notifications',
      where: { recipient: { equals: `members:${silentBoard.id}` } },
      ...system,
    })
    const skipped = rows.filter((r) => r.key.includes(`report:${cycle.id}:`))
    expect(skipped).toHaveLength(1)
    expect(skipped[0]).toMatchObject({ status: 'skipped', kind: 'report-archived' })
  })

  it('the link gives a board member the stored PDF as of the cycle, and a plain member nothing', async () => {
    const id = decodeURIComponent(new URL(reportUrl).pathname.split('/').pop()!)
    const file = await archivedReportFile(id, { ...board, collection: 'members' } as Member)
    expect(file).not.toBeNull()
    expect(file!.data.subarray(0, 5).toString()).toBe('%PDF-')
    const pdf = readPdf(file!.data)
    expect(pdf.pages).toBeGreaterThan(1)
    expect(pdf.squashed).toContain(squash(`${cycle.name} reporting cycle`))
    expect(pdf.squashed).toContain(squash('Prepared for the Board'))

    // the route answers 403 before it reads (it checks canReadReports); the read itself is refused too
    const asMember = { ...member, collection: 'members' } as Member
    await expect(archivedReportFile(id, asMember)).rejects.toThrow(/not allowed/)
    await expect(
      payload.find({ collection: 'archived-reports', user: asMember, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('/reports lists it for board members and staff', async () => {
    for (const reader of [
      { ...board, collection: 'members' } as Member,
      { ...editor, collection: 'users' } as User,
    ]) {
      const list = await listArchivedReports(reader)
      expect(list.map((r) => String(r.id))).toContain(String(reportId))
    }
    await expect(
      listArchivedReports({ ...member, collection: 'members' } as Member),
    ).rejects.toThrow()
  })

  it('is never regenerated: a re-queued job and the sweep find it, send nothing, change nothing', async () => {
    const before = (await archivedReportFile(String(reportId), {
      ...board,
      collection: 'members',
    } as Member))!.data
    const mtime = fs.statSync(path.join(archiveDirectory(), (await filenameOf(reportId))!)).mtimeMs

    await payload.jobs.queue({
      task: 'archiveReport',
      input: { cycle: String(cycle.id) },
      queue: JOBS_QUEUE,
    })
    await runQueuedJobs(payload)
    await sweepCycles(payload)
    await settle()

    const after = (await archivedReportFile(String(reportId), {
      ...board,
      collection: 'members',
    } as Member))!.data
    expect(sha(after)).toBe(sha(before))
    expect(fs.statSync(path.join(archiveDirectory(), (await filenameOf(reportId))!)).mtimeMs).toBe(
      mtime,
    )
    const { totalDocs } = await payload.count({
      collection: 'archived-reports',
      where: { cycleId: { equals: String(cycle.id) } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(1)
    expect(
      (await messagesTo(boardAddress)).filter((m) => m.Subject.includes(cycle.name)),
    ).toHaveLength(1)
  })

  it('a board member who joins later is not sent the old reports by the sweep', async () => {
    const late = `late.${run}@example.org`
    await createMember('Lane Late', ['member', 'board'], late)
    // the sweep retries what failed; it does not mail newcomers the past
    await runQueuedJobs(payload)
    await sweepCycles(payload)
    await settle()
    expect(await messagesTo(late)).toHaveLength(0)
  })

  it('nobody changes an archived report; only an admin deletes one', async () => {
    const asAdmin = { user: { ...admin, collection: 'users' as const }, overrideAccess: false }
    const asEditor = { user: { ...editor, collection: 'users' as const }, overrideAccess: false }
    const asBoard = { user: { ...board, collection: 'members' as const }, overrideAccess: false }
    await expect(
      payload.update({
        collection: 'archived-reports',
        id: reportId,
        data: { title: 'Changed' },
        ...asAdmin,
      }),
    ).rejects.toThrow()
    for (const who of [asEditor, asBoard]) {
      await expect(
        payload.delete({ collection: 'archived-reports', id: reportId, ...who }),
      ).rejects.toThrow()
    }
    await expect(
      payload.create({
        collection: 'archived-reports',
        data: { key: `x:${run}`, title: 'Forged' },
        file: {
          data: Buffer.from('%PDF-1.4'),
          mimetype: 'application/pdf',
          name: 'x.pdf',
          size: 8,
        },
        ...asAdmin,
      }),
    ).rejects.toThrow()
    expect(
      (await payload.findByID({ collection: 'archived-reports', id: reportId, ...system })).title,
    ).not.toBe('Changed')

    // a closed cycle cannot be reopened, so its archive stays the only one
    await expect(
      payload.update({
        collection: 'cycles',
        id: cycle.id,
        data: { state: 'open' },
        context: { disableRevalidate: true },
        ...asAdmin,
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [{ path: 'state', message: expect.stringMatching(/closed cycle is frozen/) }],
      },
    })
    await runQueuedJobs(payload)

    await payload.delete({ collection: 'archived-reports', id: reportId, ...asAdmin })
    // deleting is final: the queue and the sweep do not make it again
    await runQueuedJobs(payload)
    await sweepCycles(payload)
    const { totalDocs } = await payload.count({
      collection: 'archived-reports',
      where: { cycleId: { equals: String(cycle.id) } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('a job for a cycle that is gone, or not closed, completes without sending or storing', async () => {
    const gone = process.env.MONGODB_URI ? '0123456789abcdef01234567' : '987654'
    const { docs: open } = await payload.find({
      collection: 'cycles',
      where: { state: { equals: 'draft' } },
      limit: 1,
      ...system,
    })
    const draft =
      open[0] ??
      (await payload.create({
        collection: 'cycles',
        data: { name: `Draft ${run}`, plan, asOf: '2027-06-30', state: 'draft' },
        context: { disableRevalidate: true },
        ...system,
      }))
    const reportsBefore = (await payload.count({ collection: 'archived-reports', ...system }))
      .totalDocs
    const rowsBefore = (await payload.count({ collection: 'notifications', ...system })).totalDocs
    for (const cycleId of [gone, String(draft.id)]) {
      for (const task of ['archiveReport', 'cycleNotices'] as const) {
        await payload.jobs.queue({ task, input: { cycle: cycleId }, queue: JOBS_QUEUE })
      }
    }
    const result = await runQueuedJobs(payload)
    expect(Object.values(result.jobStatus ?? {}).map((j) => j.status)).toEqual(
      Array(4).fill('success'),
    )
    expect((await payload.count({ collection: 'archived-reports', ...system })).totalDocs).toBe(
      reportsBefore,
    )
    expect((await payload.count({ collection: 'notifications', ...system })).totalDocs).toBe(
      rowsBefore,
    )
  })

  async function filenameOf(id: number | string) {
    const doc = await payload.findByID({ collection: 'archived-reports', id, ...system })
    return doc.filename
  }
})
