/**
 * The board progress report over HTTP on the built app: who may download it (401 signed out,
 * 403 a plain member, 200 board and staff), a board member downloading it from the dashboard in
 * Chromium, its figures equal to `GET /api/plans/<slug>/coverage`, the section filter, and bad
 * parameters answered with a clear 4xx. The PDF is read back with poppler (pdftotext, pdfinfo),
 * and its pages are rendered to PNG under test-results/e2e/ to look at.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { APIResponse, Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countLabel } from '@/lib/format/plural'
import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { BASE_URL, SCREENSHOT_DIR, launchBrowser, signInAdmin, signInMember } from './helpers'

const REPORT = `${BASE_URL}/reports/${SEED_PLAN_SLUG}/progress.pdf`
const API = `${BASE_URL}/api/plans/${SEED_PLAN_SLUG}/coverage`
const FILE_NAME =
  /^attachment; filename="association-for-library-collections-and-technical-services-alcts-strategic-plan-2006-2011-(?:([a-z-]+)-)?progress-(\d{4}-\d{2}-\d{2})\.pdf"$/

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-report-e2e-'))

let browser: Browser
let boardContext: BrowserContext
let board: Page

const squash = (text: string): string => text.replace(/\s+/g, '').toLowerCase()

interface Pdf {
  file: string
  squashed: string
  lines: string[]
  pages: number
}

function readPdf(bytes: Buffer, name: string): Pdf {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const file = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return {
    file,
    squashed: squash(text),
    lines: text.split('\n').map((l) => l.trim()),
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
  }
}

function expectPhrase(pdf: Pdf, phrase: string) {
  expect(pdf.squashed, `"${phrase}" in the PDF`).toContain(squash(phrase))
}

/** Gap codes: the objective codes opening rows of the gaps list. */
function gapCodes(pdf: Pdf): string[] {
  const start = pdf.lines.indexOf('Objectives without an active initiative')
  const end = pdf.lines.indexOf('Initiatives by section')
  expect(start).toBeGreaterThan(0)
  return pdf.lines
    .slice(start, end)
    .map((l) => /^(\d+\.\d+)\s/.exec(l)?.[1])
    .filter((c): c is string => c !== undefined)
}

/** Every figure the report prints, checked against the coverage endpoint's numbers. */
function expectFigures(pdf: Pdf, cov: PlanCoverage) {
  expectPhrase(
    pdf,
    `${formatPercent(cov.coverage)} objectives covered ${cov.objectives.covered} of ${cov.objectives.total} objectives`,
  )
  expectPhrase(pdf, countLabel(cov.initiatives.active, 'active initiative', 'active initiatives'))
  expectPhrase(
    pdf,
    countLabel(cov.initiatives.completed, 'initiative completed', 'initiatives completed'),
  )
  expectPhrase(pdf, countLabel(cov.sectionsEngaged, 'section engaged', 'sections engaged'))
  for (const goal of cov.goals) {
    // the chart, and the goal area's own part
    expectPhrase(
      pdf,
      `Goal Area ${goal.number} ${formatPercent(goal.coverage)} ${goal.covered} of ${goal.objectives}`,
    )
    expectPhrase(
      pdf,
      `Goal Area ${goal.number} ${goal.title} ${formatPercent(goal.coverage)} coverage: ${goal.covered} of ${goal.objectives} objectives covered · ${goal.initiatives} active`,
    )
  }
  expect(gapCodes(pdf)).toEqual(cov.gaps)
}

async function coverageJson(page: Page, query = ''): Promise<PlanCoverage> {
  const res = await page.request.get(`${API}${query}`)
  expect(res.status()).toBe(200)
  return (await res.json()) as PlanCoverage
}

interface Answer {
  status: number
  text: string
}
const fromFetch = async (res: Response): Promise<Answer> => ({
  status: res.status,
  text: await res.text(),
})
const fromPage = async (res: APIResponse): Promise<Answer> => ({
  status: res.status(),
  text: await res.text(),
})

function expectProblem(answer: Answer, status: number, message: RegExp) {
  expect(answer.status).toBe(status)
  expect(answer.text).toMatch(message)
  expect(answer.text).not.toMatch(/at .*\.(js|ts):\d+/) // no stack trace
}

beforeAll(async () => {
  browser = await launchBrowser()
  boardContext = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  })
  board = await boardContext.newPage()
  await signInMember(board, '100002', undefined, `/dashboard/${SEED_PLAN_SLUG}`)
})

afterAll(async () => {
  await boardContext?.close()
  await browser?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('who may download the report', () => {
  it('answers 401 to a program that is not signed in', async () => {
    const res = await fetch(REPORT, { headers: { accept: 'application/pdf' }, redirect: 'manual' })
    expect(res.headers.get('cache-control')).toBe('no-store')
    expectProblem(await fromFetch(res), 401, /Sign in as a board member/)
  })

  it('sends a signed-out browser to sign in first', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(REPORT)
    const location = new URL(page.url())
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('callbackUrl')).toBe(`/reports/${SEED_PLAN_SLUG}/progress.pdf`)
    await context.close()
  })

  it('answers 403 to a plain member', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await signInMember(page, '100001')
    expectProblem(await fromPage(await page.request.get(REPORT)), 403, /board members and staff/)
    await context.close()
  })

  it('gives staff the report (from the dashboard, as a browser asks for it)', async () => {
    const context = await browser.newContext({ acceptDownloads: true })
    const page = await context.newPage()
    await signInAdmin(page, 'admin@example.org')
    await page.goto(`${BASE_URL}/dashboard/${SEED_PLAN_SLUG}`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download progress report/ }).click(),
    ])
    const file = path.join(dir, 'staff-download.pdf')
    await download.saveAs(file)
    const pdf = readPdf(fs.readFileSync(file), 'staff')
    // Payload reads a staff cookie only from same-site browser requests: ask from the page
    const coverage = await page.evaluate(async (url) => (await fetch(url)).json(), API)
    expectFigures(pdf, coverage as PlanCoverage)
    await context.close()
  })
})

describe('a board member', () => {
  let pdf: Pdf
  let coverage: PlanCoverage

  it('downloads the report from the dashboard', async () => {
    await board.goto(`${BASE_URL}/dashboard/${SEED_PLAN_SLUG}`)
    const link = board.getByRole('link', { name: /Download progress report/ })
    const started = Date.now()
    const [download] = await Promise.all([board.waitForEvent('download'), link.click()])
    const file = path.join(dir, 'download.pdf')
    await download.saveAs(file)
    const elapsed = Date.now() - started
    expect(download.suggestedFilename()).toMatch(
      /^association-for-library-collections-and-technical-services-alcts-strategic-plan-2006-2011-progress-\d{4}-\d{2}-\d{2}\.pdf$/,
    )
    pdf = readPdf(fs.readFileSync(file), 'board')
    coverage = await coverageJson(board)
    // a shared 2-core test machine; on a quiet one the seeded report takes about a second
    expect(elapsed).toBeLessThan(20_000)
  })

  it('gets a multi-page report whose every figure equals the coverage endpoint', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(8)
    expect(pdf.pages).toBeLessThanOrEqual(16)
    expect(coverage.objectives).toEqual({ total: 26, covered: 18 })
    expectPhrase(pdf, 'Prepared for the Board')
    expectPhrase(pdf, 'ALCTS Strategic Plan 2006-2011')
    expectPhrase(pdf, `Page 2 of ${pdf.pages}`)
    expectFigures(pdf, coverage)
    for (const goal of coverage.goals) {
      for (const objective of goal.objectiveCoverage) {
        expect(pdf.lines.some((l) => l.startsWith(`${objective.code} `))).toBe(true)
      }
    }
    for (const draft of SAMPLE_INITIATIVES.filter((s) => s.draft)) {
      expect(pdf.squashed).not.toContain(squash(draft.title))
    }
  })

  it('gets the report dated today, never cached', async () => {
    const res = await board.request.get(REPORT)
    expect(res.status()).toBe(200)
    const headers = res.headers()
    expect(headers['content-type']).toBe('application/pdf')
    expect(headers['cache-control']).toBe('no-store')
    const match = FILE_NAME.exec(headers['content-disposition'] ?? '')
    expect(match).not.toBeNull()
    const day = match![2]!
    const now = new Date()
    const days = [now, new Date(now.getTime() - 86_400_000)].map((d) =>
      d.toISOString().slice(0, 10),
    )
    expect(days).toContain(day)
  })

  it('can limit the report to one section', async () => {
    const res = await board.request.get(`${REPORT}?section=serials`)
    expect(res.status()).toBe(200)
    expect(FILE_NAME.exec(res.headers()['content-disposition'] ?? '')?.[1]).toBe('serials')
    const narrowed = readPdf(await res.body(), 'serials')
    const cov = await coverageJson(board, '?section=serials')
    expect(cov.initiatives.total).toBeLessThan(coverage.initiatives.total)
    expectFigures(narrowed, cov)
    expectPhrase(narrowed, 'Work of the Serials Section')
    for (const sample of SAMPLE_INITIATIVES.filter((s) => !s.draft)) {
      if (sample.section === 'serials') expectPhrase(narrowed, sample.title)
      else expect(narrowed.squashed).not.toContain(squash(sample.title))
    }
  })

  it('gets a clear 4xx for parameters the report cannot use', async () => {
    const cases: [string, number, RegExp][] = [
      ['?section=Not%20a%20slug', 400, /not a section slug/],
      ['?section=no-such-section', 400, /No section "no-such-section"/],
      ['?section=serials&section=cataloging', 400, /one section at a time/],
      ['?status=planned', 400, /Unknown parameter "status"/],
      ['?format=docx', 400, /only \?section=/],
    ]
    for (const [query, status, message] of cases) {
      expectProblem(await fromPage(await board.request.get(`${REPORT}${query}`)), status, message)
    }
    expectProblem(
      await fromPage(await board.request.get(`${BASE_URL}/reports/no-such-plan/progress.pdf`)),
      404,
      /No plan "no-such-plan"/,
    )
  })

  it('renders pages worth looking at: one image per page', () => {
    // a folder of this run's own: images left by an earlier run must not count
    const dir = path.join(SCREENSHOT_DIR, 'report-pages')
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf.file, path.join(dir, 'report-page')])
    const pngs = fs.readdirSync(dir).filter((f) => /^report-page-\d+\.png$/.test(f))
    expect(pngs).toHaveLength(pdf.pages)
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(1000)
  })
})

describe('the report cache', () => {
  interface Download {
    cache: string | null
    bytes: Buffer
  }

  let token: string
  let initiative: { id: number | string; title: string }

  async function api(method: string, pathname: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${BASE_URL}/api${pathname}`, {
      method,
      headers: {
        authorization: `JWT ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as { doc?: unknown }
    if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(json)}`)
    return json.doc ?? json
  }

  const asBoard = async (): Promise<Download> => {
    const res = await board.request.get(REPORT)
    expect(res.status()).toBe(200)
    return { cache: res.headers()['x-report-cache'] ?? null, bytes: await res.body() }
  }
  const asStaff = async (): Promise<Download> => {
    const res = await fetch(REPORT, { headers: { authorization: `JWT ${token}` } })
    expect(res.status).toBe(200)
    return { cache: res.headers.get('x-report-cache'), bytes: Buffer.from(await res.arrayBuffer()) }
  }
  const rename = (title: string) => api('PATCH', `/initiatives/${initiative.id}`, { title })

  beforeAll(async () => {
    const login = await fetch(`${BASE_URL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'lodestar-demo' }),
    })
    token = ((await login.json()) as { token: string }).token
    const sample = SAMPLE_INITIATIVES.find((s) => !s.draft && s.section === 'serials')!
    const found = (await api(
      'GET',
      `/initiatives?where[title][equals]=${encodeURIComponent(sample.title)}&depth=0&limit=1`,
    )) as { docs: { id: number | string; title: string }[] }
    initiative = found.docs[0]!
    expect(initiative.title).toBe(sample.title)
  })

  afterAll(async () => {
    if (initiative) await rename(initiative.title)
  })

  it('renders once, serves the same bytes again, and renders afresh after an edit', async () => {
    const renamed = `${initiative.title} (renamed for the cache test)`
    await rename(renamed) // expires the plan's tags: whatever was cached before is gone
    const first = await asBoard()
    expect(first.cache).toBe('miss')
    expectPhrase(readPdf(first.bytes, 'cache-first'), renamed)
    const second = await asBoard()
    expect(second.cache).toBe('hit')
    expect(second.bytes.equals(first.bytes)).toBe(true)

    await rename(initiative.title)
    const afterEdit = await asBoard()
    expect(afterEdit.cache).toBe('miss')
    const pdf = readPdf(afterEdit.bytes, 'cache-after-edit')
    expectPhrase(pdf, initiative.title)
    expect(pdf.squashed).not.toContain(squash(renamed))
    expect((await asBoard()).cache).toBe('hit')
  })

  it('keeps staff reports apart from the board’s (they read under other rules)', async () => {
    expect((await asBoard()).cache).toBe('hit')
    const staff = await asStaff()
    expect(staff.cache).toBe('miss')
    expectPhrase(readPdf(staff.bytes, 'cache-staff'), 'Prepared for the Board')
    expect((await asStaff()).cache).toBe('hit')
  })
})
