/**
 * The member dashboard in Chromium against the built app on a freshly seeded database:
 * sign-in, one bar per goal area with the JSON endpoint's values, filters in the URL, CSV equal
 * to the table, drill-down listing the right initiatives, the board's report link.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import { statusLabel, statusTitle } from '@/lib/format/labels'
import { STATUS_COLOURS } from '@/lib/format/statusColours'
import { ACTIVE_STATUSES, INITIATIVE_STATUSES } from '@/lib/plan/types'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { BASE_URL, launchBrowser, parseCsv, screenshot, signInMember } from './helpers'

const API = `${BASE_URL}/api/plans/${SEED_PLAN_SLUG}/coverage`

let browser: Browser
let context: BrowserContext
let page: Page

/** The text of every header and body cell of a table, row by row. */
const tableCells = (page: Page, selector: string): Promise<string[][]> =>
  page.$$eval(`${selector} tr`, (trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim()),
    ),
  )

/** A `#rrggbb` colour as the browser computes it ("rgb(r, g, b)"). */
const rgb = (hex: string): string =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`

/** The ink the status words are written in (styles.css --ink), never a status colour. */
const INK = rgb('#1c2430')

async function coverageJson(query = ''): Promise<PlanCoverage> {
  const res = await page.request.get(`${API}${query ? `?${query}` : ''}`)
  expect(res.status()).toBe(200)
  return (await res.json()) as PlanCoverage
}

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
})

describe('signed out', () => {
  it('the dashboard sends to sign-in and comes back; the API answers 401 JSON', async () => {
    const res = await fetch(`${BASE_URL}/dashboard?section=serials`, { redirect: 'manual' })
    expect([302, 303, 307]).toContain(res.status)
    const location = new URL(res.headers.get('location') ?? '', BASE_URL)
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('callbackUrl')).toBe('/dashboard?section=serials')

    const api = await fetch(API)
    expect(api.status).toBe(401)
    expect(await api.json()).toEqual({ error: expect.any(String) })
  })
})

describe('a member signed in', () => {
  beforeAll(async () => {
    await signInMember(page, '100001', undefined, '/dashboard')
    await page.waitForURL((url) => url.pathname === '/dashboard')
  })

  it('sees one bar per goal area with the values of the JSON endpoint', async () => {
    const json = await coverageJson()
    expect(json.objectives).toEqual({ total: 26, covered: 18 })
    await page.waitForSelector('#coverage .recharts-bar-rectangle')
    const bars = await page.$$('#coverage .recharts-bar-rectangle')
    expect(bars).toHaveLength(json.goals.length)
    const values = await page.$$eval('#coverage .chart-value', (els) =>
      els.map((e) => e.textContent),
    )
    expect(values).toEqual(json.goals.map((g) => formatPercent(g.coverage)))
    const labels = await page.$$eval('#coverage .chart-label', (els) =>
      els.map((e) => e.textContent ?? ''),
    )
    expect(labels.map((l) => l.split(':')[0])).toEqual(
      json.goals.map((g) => `Goal Area ${g.number}`),
    )

    const rows = (await tableCells(page, '#coverage table')).slice(1)
    expect(rows.map((r) => [Number(r[0]), Number(r[2]), Number(r[3]), r[4]])).toEqual(
      json.goals.map((g) => [g.number, g.objectives, g.covered, formatPercent(g.coverage)]),
    )
    await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(/18\s*of 26/)
    await expect(page.textContent('[data-tile="coverage"] .dash-tile__value')).resolves.toBe(
      formatPercent(json.coverage),
    )
    await expect(page.textContent('#coverage [data-takeaway]')).resolves.toBe(
      'Goal Area 4 has the lowest coverage: 60%.',
    )
    // a plain member has no report link
    expect(await page.$('[data-report-link]')).toBeNull()
    await screenshot(page, 'dashboard-member-desktop')
  })

  it('sees the status chart stack each goal area by status, its tooltip naming the goal area', async () => {
    const json = await coverageJson()
    await page.waitForSelector('#status .recharts-bar-rectangle')
    // one segment per goal area and status that has initiatives
    const segments = json.goals.flatMap((g) =>
      INITIATIVE_STATUSES.filter((status) => g.byStatus[status] > 0),
    )
    expect(await page.$$('#status .recharts-bar-rectangle')).toHaveLength(segments.length)
    const legend = await page.$$eval('#status .recharts-legend-item-text', (els) =>
      els.map((e) => e.textContent),
    )
    expect(legend).toEqual(INITIATIVE_STATUSES.map(statusTitle))
    // in the colours of the shared map (the PDF's too); the words in ink, the swatches coloured
    const colours = INITIATIVE_STATUSES.map((status) => rgb(STATUS_COLOURS[status]))
    const legendStyle = await page.$$eval('#status .recharts-legend-item', (items) =>
      items.map((item) => ({
        swatch: getComputedStyle(item.querySelector('svg path')!).fill,
        text: getComputedStyle(item.querySelector('.recharts-legend-item-text')!).color,
      })),
    )
    expect(legendStyle).toEqual(colours.map((swatch) => ({ swatch, text: INK })))
    const fills = await page.$$eval('#status .recharts-bar-rectangle path', (els) =>
      els.map((e) => getComputedStyle(e).fill),
    )
    expect(new Set(fills)).toEqual(new Set(segments.map((s) => rgb(STATUS_COLOURS[s]))))
    const swatches = await page.$$eval('.dash-statuses .dash-swatch', (els) =>
      els.map((e) => getComputedStyle(e).backgroundColor),
    )
    expect(swatches).toEqual(colours)
    // the tooltip names the hovered bar's goal area, number and title
    await page.hover('#status .recharts-bar-rectangle')
    const label = await page
      .waitForSelector('#status .recharts-tooltip-label')
      .then((el) => el.textContent())
    expect(json.goals.map((g) => `Goal Area ${g.number}: ${g.title}`)).toContain(label)
  })

  it('the API checks its input: 400 with a message, 404 for an unknown plan', async () => {
    const bad = await page.request.get(`${API}?status=finished`)
    expect(bad.status()).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/Unknown status "finished"/)
    const unknownSection = await page.request.get(`${API}?section=no-such-section`)
    expect(unknownSection.status()).toBe(400)
    const missing = await page.request.get(`${BASE_URL}/api/plans/no-such-plan/coverage`)
    expect(missing.status()).toBe(404)
    expect(await missing.json()).toEqual({ error: 'No plan "no-such-plan".' })
  })

  it('filtering by a section changes the numbers and the URL', async () => {
    const all = await coverageJson()
    const acq = await coverageJson('section=acquisitions')
    expect(acq.objectives.covered).not.toBe(all.objectives.covered)

    await page.selectOption('select[name="section"]', 'acquisitions')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('section') === 'acquisitions'),
      page.click('form.dash-filters button[type="submit"]'),
    ])
    await page.waitForSelector('[data-tile="objectives"]')
    await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(
      new RegExp(`${acq.objectives.covered}\\s*of ${acq.objectives.total}`),
    )
    await expect(page.textContent('[data-tile="active"] .dash-tile__value')).resolves.toBe(
      String(acq.initiatives.active),
    )
    const matrix = (await tableCells(page, '#sections table')).slice(1)
    expect(matrix.map((r) => r[0])).toEqual(['Acquisitions Section'])
    // the view is named by the section's name, not its slug
    await expect(page.textContent('[data-view]')).resolves.toBe('Filtered: Acquisitions Section')

    // the shared URL opens the same view in a fresh page of the same session
    const shared = await context.newPage()
    await shared.goto(page.url())
    await expect(shared.textContent('[data-tile="objectives"] dd')).resolves.toMatch(
      new RegExp(`${acq.objectives.covered}\\s*of`),
    )
    await shared.close()
  })

  it('every CSV download equals its table', async () => {
    for (const [widget, selector] of [
      ['coverage', '#coverage details table'],
      ['status', '#status details table'],
      ['years', '#years details table'],
      ['gaps', '#gaps details table'],
      ['sections', '#sections table'],
    ] as const) {
      const href = await page.getAttribute(`#${widget} a.dash-csv`, 'href')
      expect(href).toContain(`/csv/${widget}.csv?section=acquisitions`)
      const res = await page.request.get(new URL(href!, BASE_URL).toString())
      expect(res.status()).toBe(200)
      expect(res.headers()['content-type']).toContain('text/csv')
      expect(res.headers()['content-disposition']).toContain(`${widget}-acquisitions.csv`)
      expect(parseCsv(await res.text())).toEqual(await tableCells(page, selector))
    }
  })

  it('drill-down lists the initiatives serving each objective of the goal area', async () => {
    await page.goto(`${BASE_URL}/dashboard`)
    await page.waitForSelector('#coverage .recharts-bar-rectangle')
    // clicking the third bar opens Goal Area 3
    const bars = await page.$$('#coverage .recharts-bar-rectangle')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('goal') === '3'),
      bars[2]!.click(),
    ])
    await page.waitForSelector('[data-goal="3"]')
    const listed = await page.$$eval('[data-goal="3"] [data-objective]', (items) =>
      items.map((li) => [
        li.getAttribute('data-objective'),
        Array.from(li.querySelectorAll('.dash-initiative__title'))
          .map((t) => t.textContent)
          .sort(),
      ]),
    )
    const expected = ['3.1', '3.2', '3.3', '3.4', '3.5'].map((code) => [
      code,
      SAMPLE_INITIATIVES.filter((s) => !s.draft && s.objectives.includes(code))
        .map((s) => s.title)
        .sort(),
    ])
    expect(listed).toEqual(expected)
    // each status's dot in the shared map's colour
    const dots = await page.$$eval('[data-goal="3"] .dash-status', (els) =>
      els.map((e) => [e.textContent, getComputedStyle(e, '::before').backgroundColor]),
    )
    expect(dots.length).toBeGreaterThan(0)
    for (const [label, colour] of dots) {
      const status = INITIATIVE_STATUSES.find((s) => statusLabel(s) === label)
      expect([label, colour]).toEqual([label, rgb(STATUS_COLOURS[status!])])
    }
    const badges = await page.$$eval('[data-goal="3"] .dash-badge', (els) =>
      els.map((e) => e.textContent),
    )
    const activeCount = (code: string) =>
      SAMPLE_INITIATIVES.filter(
        (s) => !s.draft && s.objectives.includes(code) && ACTIVE_STATUSES.includes(s.status),
      ).length
    expect(badges).toEqual(
      ['3.1', '3.2', '3.3', '3.4', '3.5'].map((c) =>
        activeCount(c) ? `Covered · ${activeCount(c)} active` : 'Gap',
      ),
    )
    // the drill-down CSV has one row per listed initiative
    const href = await page.getAttribute('[data-goal="3"] a.dash-csv', 'href')
    const csv = parseCsv(await (await page.request.get(new URL(href!, BASE_URL).toString())).text())
    expect(
      csv
        .slice(1)
        .map((r) => r[2])
        .filter(Boolean)
        .sort(),
    ).toEqual(expected.flatMap(([, t]) => t as string[]).sort())
  })

  it('a malformed filter in the URL shows a message, not an error page', async () => {
    const res = await page.goto(`${BASE_URL}/dashboard?status=finished`)
    expect(res?.status()).toBe(200)
    await expect(page.textContent('.dash-alert')).resolves.toMatch(/Unknown status "finished"/)
    await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(/18\s*of 26/)
    // a section the plan does not have: said so, and left out of the numbers and of the view
    await page.goto(`${BASE_URL}/dashboard?section=no-such-section&status=completed`)
    await expect(page.textContent('.dash-alert')).resolves.toMatch(
      /No section "no-such-section"\. Showing the numbers without/,
    )
    await expect(page.textContent('[data-view]')).resolves.toBe('Filtered: completed')
    const completed = await coverageJson('status=completed')
    await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(
      new RegExp(`${completed.objectives.covered}\\s*of 26`),
    )
    expect(completed.objectives.covered).toBeGreaterThan(0)
    expect(await page.getAttribute('#coverage a.dash-csv', 'href')).not.toContain('section=')
    const missing = await page.goto(`${BASE_URL}/dashboard/no-such-plan`)
    expect(missing?.status()).toBe(404)
  })

  it('fits a 375 px screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${BASE_URL}/dashboard?goal=1`)
    await page.waitForSelector('#coverage .recharts-bar-rectangle')
    const [scroll, client] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ])
    expect(scroll).toBeLessThanOrEqual(client)
    await screenshot(page, 'dashboard-member-375')
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})

describe('a board member', () => {
  it('sees the progress report link', async () => {
    const boardContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const board = await boardContext.newPage()
    await signInMember(board, '100002', undefined, `/dashboard/${SEED_PLAN_SLUG}`)
    await board.waitForSelector('[data-report-link]')
    expect(await board.getAttribute('[data-report-link]', 'href')).toBe(
      `/reports/${SEED_PLAN_SLUG}/progress.pdf`,
    )
    await expect(board.textContent('[data-report-link]')).resolves.toBe(
      'Download progress report (PDF)',
    )
    await boardContext.close()
  })
})
