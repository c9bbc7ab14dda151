/**
 * The PDF worker pool (lib/pdf/pool.ts) with real workers loading the real bundle: the board
 * report and the plan PDF rendered off the main thread and read back with poppler (text, pages),
 * equal to what the same code renders in this thread; a full pool refusing at once with a 503
 * and Retry-After, never piling renders up; the same job asked for twice rendered once; and the
 * workers running below the priority of the thread that answers requests.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CoverageUser } from '@/lib/data/coverage'
import { loadPlanBundle } from '@/lib/data/publicQueries'
import { progressReportForQuery } from '@/lib/data/report'
import { PdfBusyError, pdfBusyResponse, PdfPool } from '@/lib/pdf/pool'
import { PDF_WORKER_NICENESS } from '@/lib/pdf/worker/job'
import type { ProgressReportModel } from '@/lib/pdf/report/model'
import { renderProgressReport } from '@/lib/pdf/report/render'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { findPerson, getTestPayload, seedDemo } from './helpers'

let payload: Payload
let board: CoverageUser
let report: ProgressReportModel
const pools: PdfPool[] = []
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-pool-'))

function read(bytes: Buffer, name: string): { text: string; pages: number } {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const file = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return { text: text.replace(/\s+/g, ' '), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) }
}

/** A board report job of its own: `n` in the title makes its data differ from the others'. */
const reportJob = (n: number) =>
  ({
    kind: 'progress-report',
    report: { ...report, plan: { ...report.plan, title: `${report.plan.title} (${n})` } },
  }) as const

const pool = (threads: number, queue: number) => {
  const created = new PdfPool({ threads, queue })
  pools.push(created)
  return created
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  board = await findPerson(payload, 'members', '100002')
  const result = await progressReportForQuery(
    SEED_PLAN_SLUG,
    new URLSearchParams(),
    board,
    new Date('2026-03-14T15:00:00Z'),
  )
  if (result.status !== 200) throw new Error(result.error)
  report = result.report
})

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()))
  await payload?.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('rendering in a worker', () => {
  it('renders the board report the main thread would, page for page', async () => {
    const inWorker = read(await pool(1, 0).render({ kind: 'progress-report', report }), 'worker')
    const inThread = read(await renderProgressReport(report), 'thread')
    expect(inWorker.pages).toBe(inThread.pages)
    expect(inWorker.pages).toBeGreaterThanOrEqual(8)
    expect(inWorker.text).toContain('ALCTS Strategic Plan 2006-2011')
    expect(inWorker.text).toContain(`Page 2 of ${inWorker.pages}`)
    expect(inWorker.text).toBe(inThread.text)
  })

  it('renders the public plan PDF', async () => {
    const bundle = await loadPlanBundle(payload, SEED_PLAN_SLUG)
    expect(bundle).not.toBeNull()
    const pdf = read(
      await pool(1, 0).render({ kind: 'plan', bundle: bundle!, url: 'https://example.org/p' }),
      'plan',
    )
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    expect(pdf.text).toContain(bundle!.plan.title)
    for (const goal of bundle!.goals) expect(pdf.text).toContain(goal.title)
  })
})

/** The niceness of each thread of this process, by thread id (Linux: /proc/self/task). */
function threadNiceness(): Map<number, number> {
  const threads = new Map<number, number>()
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    // fields after the command's closing parenthesis start at field 3; niceness is field 19
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    threads.set(Number(tid), Number(fields[16]))
  }
  return threads
}

describe('the workers’ priority', () => {
  it.runIf(process.platform === 'linux')(
    'renders in threads niced below the thread that answers requests, which keeps its own',
    async () => {
      const before = threadNiceness()
      await pool(1, 0).render({ kind: 'progress-report', report })
      const after = threadNiceness()
      const niced = [...after].filter(
        ([tid, nice]) => !before.has(tid) && nice === PDF_WORKER_NICENESS,
      )
      expect(niced).toHaveLength(1)
      expect(after.get(process.pid)).toBe(before.get(process.pid))
      expect([...after.values()].filter((nice) => nice === PDF_WORKER_NICENESS)).toHaveLength(
        [...before.values()].filter((nice) => nice === PDF_WORKER_NICENESS).length + 1,
      )
    },
  )
})

describe('a full pool', () => {
  it('refuses the render past threads + queue at once with 503 and Retry-After', async () => {
    const full = pool(1, 1)
    // one runs, one waits; the third is refused before either can finish (same tick)
    const running = full.render(reportJob(1))
    const waiting = full.render(reportJob(2))
    expect(full.pending).toBe(2)
    const refused = await full.render(reportJob(3)).then(
      () => null,
      (err: unknown) => err,
    )
    expect(refused).toBeInstanceOf(PdfBusyError)
    expect(full.pending).toBe(2)
    const response = pdfBusyResponse(refused as PdfBusyError)
    expect(response.status).toBe(503)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(120)
    expect(await response.text()).toMatch(/Try again in a few seconds/)

    // the two it took are real reports, and once they are done it takes work again
    const [a, b] = await Promise.all([running, waiting])
    expect(read(a, 'a').pages).toBe(read(b, 'b').pages)
    expect(full.pending).toBe(0)
    expect(read(await full.render(reportJob(3)), 'after').text).toContain('Prepared for the Board')
  })

  it('refuses everything past its threads when it has no queue', async () => {
    const noQueue = pool(1, 0)
    const running = noQueue.render(reportJob(1))
    await expect(noQueue.render(reportJob(2))).rejects.toBeInstanceOf(PdfBusyError)
    expect(read(await running, 'only').pages).toBeGreaterThanOrEqual(8)
  })
})

describe('the same job asked for again while it renders', () => {
  it('shares the render under way: one place taken, the same bytes for everyone', async () => {
    const noQueue = pool(1, 0)
    const job = { kind: 'progress-report', report } as const
    const readers = [noQueue.render(job), noQueue.render({ ...job }), noQueue.render(job)]
    // a pool with room for one took all three: they are one render
    expect(noQueue.pending).toBe(1)
    // other data is another render, refused by the full pool
    await expect(noQueue.render(reportJob(4))).rejects.toBeInstanceOf(PdfBusyError)
    const [a, b, c] = await Promise.all(readers)
    expect(b).toBe(a)
    expect(c).toBe(a)
    expect(read(a!, 'shared').text).toContain('Prepared for the Board')
    // once done, the same job renders afresh
    const again = noQueue.render(job)
    expect(noQueue.pending).toBe(1)
    expect(await again).not.toBe(a)
  })
})
