/**
 * Progress cycles in Chromium against the built app on a freshly seeded database (the demo
 * history: three closed cycles and "Annual 2009" open, Acquisitions not yet reported): the
 * Acquisitions section editor reports in "My updates" (clicks and keystrokes counted: the README's
 * figure), and a member sees the trend over the four cycles, switches cycles, and gets the same
 * numbers as the JSON endpoints; the goal drill-down and its CSV as of a past cycle; stale work
 * marked in the drill-down and in the admin's initiatives list (column and filter); a bad
 * `?cycle=` on the dashboard answered with a message.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import type { CycleSummary } from '@/lib/plan/cycles'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { BASE_URL, launchBrowser, parseCsv, screenshot, signInAdmin, signInMember } from './helpers'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('a section editor reports on the open cycle in "My updates"', () => {
  let page: Page

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await signInAdmin(page, 'acquisitions@example.org')
  })

  it('shows the open cycle, its due date, every initiative to report and the tracker', async () => {
    await page.goto(`${BASE_URL}/admin/my-updates`)
    await page.waitForSelector('[data-tracker]', { timeout: 60_000 })
    await screenshot(page, 'my-updates')
    const body = await page.textContent('body')
    expect(body).toMatch(/Annual 2009/)
    expect(body).toMatch(/Due/i)
    const rows = await page.$$('[data-initiative]')
    expect(rows.length).toBeGreaterThan(1)
    await expect(page.textContent('[data-tracker] [role="status"]')).resolves.toBe(
      `0 of ${rows.length} submitted`,
    )
  })

  it('submits one update per initiative; the tracker counts them and the initiative follows', async () => {
    const rows = await page.$$('[data-initiative]')
    let clicks = 0
    let keystrokes = 0
    const ids: string[] = []
    for (const [index, row] of rows.entries()) {
      ids.push((await row.getAttribute('data-initiative'))!)
      // last cycle's values are copied forward: change the progress, say one thing, submit
      const progress = await row.$('input[name="progress"]')
      await progress!.click()
      clicks++
      await page.keyboard.press('ControlOrMeta+a')
      keystrokes++
      const value = String(60 + index)
      await page.keyboard.type(value)
      keystrokes += value.length
      await (await row.$('textarea[name="note"]'))!.click()
      clicks++
      await page.keyboard.type('On track.')
      keystrokes += 'On track.'.length
      await (await row.$('button[type="submit"]'))!.click()
      clicks++
      await page.waitForFunction(
        (id) =>
          document.querySelector(`[data-initiative="${id}"]`)?.getAttribute('data-submitted') ===
          'true',
        ids[index],
        { timeout: 30_000 },
      )
    }
    await expect(page.textContent('[data-tracker] [role="status"]')).resolves.toBe(
      `${rows.length} of ${rows.length} submitted`,
    )
    await screenshot(page, 'my-updates-done')
    console.info(
      `My updates: ${rows.length} initiatives in ${clicks} clicks and ${keystrokes} keystrokes ` +
        `(${clicks / rows.length} clicks, ${keystrokes / rows.length} keystrokes each, a 9-character note included)`,
    )
    expect(clicks / rows.length).toBe(3)

    // the initiative's status and progress are now the update's (REST, as the editor)
    const res = await page.request.get(`${BASE_URL}/api/initiatives/${ids[0]}?depth=0`)
    expect(res.status()).toBe(200)
    const doc = (await res.json()) as { progress: number; lastUpdateAt: string | null }
    expect(doc.progress).toBe(60)
    expect(doc.lastUpdateAt).toBeTruthy()
  })

  it('a hand edit of that initiative’s progress over REST is refused with a message', async () => {
    const id = await page.getAttribute('[data-initiative]', 'data-initiative')
    // a cookie-signed request from the admin's own origin, as the admin's form sends it
    const res = await page.request.patch(`${BASE_URL}/api/initiatives/${id}`, {
      data: { progress: 5 },
      headers: { Origin: BASE_URL },
    })
    expect(res.status()).toBe(400)
    expect(await res.text()).toMatch(/Record a progress update/)
  })
})

describe('a member sees the trend over the cycles', () => {
  let page: Page
  const api = (path: string) => `${BASE_URL}/api/plans/${SEED_PLAN_SLUG}/${path}`

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await signInMember(page, '100001', undefined, `/dashboard/${SEED_PLAN_SLUG}`)
  })

  it('draws one point per cycle with the cycles endpoint’s coverage, table and CSV alike', async () => {
    const res = await page.request.get(api('cycles'))
    expect(res.status()).toBe(200)
    const cycles = (await res.json()) as CycleSummary[]
    expect(cycles.map((c) => c.name)).toEqual([
      'Midwinter 2008',
      'Annual 2008',
      'Midwinter 2009',
      'Annual 2009',
    ])
    await page.goto(`${BASE_URL}/dashboard/${SEED_PLAN_SLUG}`)
    await page.waitForSelector('#trend .recharts-line', { timeout: 60_000 })
    await screenshot(page, 'dashboard-trend')
    const rows = await page.$$eval('#trend table tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim())),
    )
    expect(rows.map((r) => [r[0], r[3]])).toEqual(
      cycles.map((c) => [c.name, formatPercent(c.coverage)]),
    )
    const csv = await page.request.get(`${BASE_URL}/dashboard/${SEED_PLAN_SLUG}/csv/trend.csv`)
    expect(csv.status()).toBe(200)
    const text = await csv.text()
    for (const c of cycles) expect(text).toContain(`${c.name},`)
    // the stale list and the open cycle's completion are there
    expect(await page.$$('#stale [data-stale]')).not.toHaveLength(0)
    expect(await page.textContent('#completion [data-takeaway]')).toMatch(/Annual 2009: \d+ of \d+/)
  })

  it('labels every cycle under the trend and status-mix charts whole, on a desktop and a phone', async () => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${BASE_URL}/dashboard/${SEED_PLAN_SLUG}`)
      for (const chart of ['#trend', '#status-mix']) {
        await page.waitForSelector(
          `${chart} .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value`,
        )
        // each label's box, and the chart's (the SVG clips what lies outside it: "Annual 2…")
        const { svg, labels } = await page.$eval(chart, (card) => {
          const box = (el: Element) => {
            const r = el.getBoundingClientRect()
            return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }
          }
          return {
            svg: box(card.querySelector('.recharts-wrapper > svg.recharts-surface')!),
            labels: Array.from(
              card.querySelectorAll(
                '.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value',
              ),
            ).map((t) => ({
              text: Array.from(t.querySelectorAll('tspan'))
                .map((s) => s.textContent)
                .join(' '),
              ...box(t),
            })),
          }
        })
        const where = `${chart} at ${width} px`
        expect(
          labels.map((l) => l.text),
          where,
        ).toEqual(['Midwinter 2008', 'Annual 2008', 'Midwinter 2009', 'Annual 2009'])
        for (const [i, l] of labels.entries()) {
          expect(l.left, `${where}: ${l.text}`).toBeGreaterThanOrEqual(svg.left)
          expect(l.right, `${where}: ${l.text}`).toBeLessThanOrEqual(svg.right)
          expect(l.bottom, `${where}: ${l.text}`).toBeLessThanOrEqual(svg.bottom)
          if (i > 0) expect(l.left, `${where}: ${l.text}`).toBeGreaterThan(labels[i - 1]!.right)
        }
      }
      await screenshot(page, `dashboard-trend-${width}`)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('the cycle switcher shows the numbers as of a past cycle, as the endpoint does', async () => {
    const cycles = (await (await page.request.get(api('cycles'))).json()) as CycleSummary[]
    const annual2008 = cycles.find((c) => c.name === 'Annual 2008')!
    await page.click('[data-cycle-switcher] >> text=Annual 2008')
    await page.waitForURL((url) => url.searchParams.get('cycle') === String(annual2008.id))
    const json = (await (
      await page.request.get(`${api('coverage')}?cycle=${annual2008.id}`)
    ).json()) as PlanCoverage & { asOf: { cycle: { name: string } } }
    expect(json.asOf.cycle.name).toBe('Annual 2008')
    await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(
      new RegExp(`${json.objectives.covered}\\s*of ${json.objectives.total}`),
    )
    expect(json.objectives.covered).toBe(annual2008.covered)
    await expect(
      page.getAttribute('[data-cycle-switcher] a[aria-current="page"]', 'href'),
    ).resolves.toContain(`cycle=${annual2008.id}`)
  })
})

type Coverage = PlanCoverage & { stale: number }
const planPath = `/dashboard/${SEED_PLAN_SLUG}`

/** The drill-down's initiatives on the page: [objective, title, stale marker text or ''] rows. */
const drillRows = (page: Page) =>
  page.$$eval('[data-goal] [data-objective]', (objectives) =>
    objectives.flatMap((o) =>
      Array.from(o.querySelectorAll('.dash-initiative')).map((li) => [
        o.getAttribute('data-objective') ?? '',
        li.querySelector('.dash-initiative__title')?.textContent?.trim() ?? '',
        li.querySelector('.dash-badge--stale')?.textContent?.trim() ?? '',
      ]),
    ),
  )

/** Each objective's badge in the drill-down ("Covered · n active" or "Gap"). */
const objectiveBadges = (page: Page) =>
  page.$$eval('[data-goal] [data-objective]', (objectives) =>
    objectives.map((o) => [
      o.getAttribute('data-objective'),
      o.querySelector('.dash-objective__head .dash-badge')?.textContent?.trim(),
    ]),
  )

const badgeOf = (o: { covered: boolean; initiatives: number }) =>
  o.covered ? `Covered · ${o.initiatives} active` : 'Gap'

describe('the drill-down as of a cycle, with stale work marked', () => {
  let page: Page
  const api = (path: string) => `${BASE_URL}/api/plans/${SEED_PLAN_SLUG}/${path}`

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    page = await context.newPage()
    await signInMember(page, '100001', undefined, planPath)
  })

  it('marks in words exactly the initiatives of the stale list, in every goal area', async () => {
    await page.goto(`${BASE_URL}${planPath}`)
    await page.waitForSelector('#stale [data-stale]', { timeout: 60_000 })
    const listed = (
      await page.$$eval('#stale [data-stale] strong', (els) => els.map((e) => e.textContent))
    ).sort()
    expect(listed.length).toBeGreaterThan(0)
    const now = (await (await page.request.get(api('coverage'))).json()) as Coverage
    expect(now.stale).toBe(listed.length)
    const marked = new Set<string>()
    for (const goal of now.goals) {
      await page.goto(`${BASE_URL}${planPath}?goal=${goal.number}`)
      await page.waitForSelector(`[data-goal="${goal.number}"]`, { timeout: 60_000 })
      for (const [, title, badge] of await drillRows(page)) {
        if (!badge) continue
        expect(badge).toMatch(/^Stale: no update in Midwinter 2009, the latest closed cycle$/)
        marked.add(title!)
      }
      if (goal.number === 1) await screenshot(page, 'drilldown-stale')
    }
    expect([...marked].sort()).toEqual(listed)
    // the marker is a word a screen reader reads, not a colour alone
    const shown = await page.$$eval('.dash-badge--stale', (els) =>
      els.map((e) => (e as HTMLElement).innerText.trim()),
    )
    for (const text of shown) expect(text).toMatch(/^Stale/)
  })

  it('shows a goal area and its CSV as of a closed cycle, as the coverage endpoint does', async () => {
    const cycles = (await (await page.request.get(api('cycles'))).json()) as CycleSummary[]
    const first = cycles.find((c) => c.name === 'Midwinter 2008')!
    const now = (await (await page.request.get(api('coverage'))).json()) as Coverage
    const then = (await (
      await page.request.get(`${api('coverage')}?cycle=${first.id}`)
    ).json()) as Coverage
    // a goal area whose objectives read differently then and now
    const goal = then.goals.find(
      (g) =>
        JSON.stringify(g.objectiveCoverage.map(badgeOf)) !==
        JSON.stringify(
          now.goals.find((n) => n.number === g.number)!.objectiveCoverage.map(badgeOf),
        ),
    )
    expect(goal, 'some goal area moved between Midwinter 2008 and now').toBeDefined()
    await page.goto(`${BASE_URL}${planPath}?cycle=${first.id}&goal=${goal!.number}`)
    await page.waitForSelector(`[data-goal="${goal!.number}"]`, { timeout: 60_000 })
    await screenshot(page, 'drilldown-as-of-cycle')
    expect(await objectiveBadges(page)).toEqual(
      goal!.objectiveCoverage.map((o) => [o.code, badgeOf(o)]),
    )
    const href = await page.getAttribute(`[data-goal="${goal!.number}"] a.dash-csv`, 'href')
    expect(href).toContain(`cycle=${first.id}`)
    const csv = parseCsv(await (await page.request.get(new URL(href!, BASE_URL).toString())).text())
    expect(csv[0]).toEqual([
      'Objective',
      'Covered',
      'Initiative',
      'Section',
      'Status',
      'Progress',
      'Stale',
    ])
    const coveredByCode = new Map(csv.slice(1).map((r) => [r[0], r[1]]))
    expect([...coveredByCode]).toEqual(
      goal!.objectiveCoverage.map((o) => [o.code, o.covered ? 'yes' : 'no']),
    )
    // and the rows are the page's rows
    const rows = await drillRows(page)
    expect(
      csv
        .slice(1)
        .filter((r) => r[2])
        .map((r) => [r[0], r[2]]),
    ).toEqual(rows.map(([code, title]) => [code, title]))
  })

  it('answers a cycle that is not the plan’s, or no cycle id at all, with a message', async () => {
    const now = (await (await page.request.get(api('coverage'))).json()) as Coverage
    for (const bad of ['999999', 'last']) {
      const res = await page.goto(`${BASE_URL}${planPath}?cycle=${bad}`)
      expect(res?.status()).toBe(200)
      await page.waitForSelector('[data-cycle-error]', { timeout: 60_000 })
      await expect(page.textContent('[data-cycle-error]')).resolves.toMatch(
        /That cycle is not one of this plan’s cycles/,
      )
      // today's numbers below the message
      await expect(page.textContent('[data-tile="objectives"] dd')).resolves.toMatch(
        new RegExp(`${now.objectives.covered}\\s*of ${now.objectives.total}`),
      )
    }
    await screenshot(page, 'dashboard-bad-cycle')
    await Promise.all([
      page.waitForURL((url) => url.pathname === planPath && !url.searchParams.has('cycle')),
      page.click('[data-cycle-error] >> text=Back to the dashboard'),
    ])
    expect(await page.$('[data-cycle-error]')).toBeNull()
    const res = await page.goto(`${BASE_URL}/dashboard?cycle=999999`)
    expect(res?.status()).toBe(200)
    await page.waitForSelector('[data-cycle-error]', { timeout: 60_000 })
  })
})

describe('stale work in the admin’s initiatives list', () => {
  let page: Page

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    page = await context.newPage()
    await signInAdmin(page, 'editor@example.org')
  })

  /** The list's rows on the page: [title, stale cell text]. */
  const listRows = () =>
    page.$$eval('.table tbody tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector('.cell-title')?.textContent?.trim() ?? '',
        (tr.querySelector('.cell-stale') as HTMLElement | null)?.innerText.trim() ?? '',
      ]),
    )

  it('has a Stale column and a "Stale only" filter that agree with the dashboard', async () => {
    // the dashboard's stale list as the same editor sees it (its CSV)
    // (a staff session over a cookie: Payload wants the Origin of a cookie-signed request)
    const download = await page.request.get(`${BASE_URL}${planPath}/csv/stale.csv`, {
      headers: { Origin: BASE_URL },
    })
    const text = await download.text()
    expect(download.status(), text).toBe(200)
    const csv = parseCsv(text)
    const titleColumn = csv[0]!.indexOf('Initiative')
    expect(titleColumn).toBeGreaterThanOrEqual(0)
    const expected = csv
      .slice(1)
      .map((r) => r[titleColumn]!)
      .sort()
    expect(expected.length).toBeGreaterThan(0)

    await page.goto(`${BASE_URL}/admin/collections/initiatives?limit=100`)
    await page.waitForSelector('.table tbody tr', { timeout: 60_000 })
    const all = await listRows()
    expect(all.length).toBeGreaterThan(expected.length)
    expect(
      all
        .filter(([, stale]) => stale === 'Stale')
        .map(([title]) => title)
        .sort(),
    ).toEqual(expected)

    await page.click('[data-stale-filter] >> text=Stale only')
    await page.waitForURL((url) => url.searchParams.get('stale') === 'true')
    await page.waitForSelector('.table tbody tr', { timeout: 60_000 })
    await screenshot(page, 'admin-initiatives-stale')
    const stale = await listRows()
    expect(stale.map(([title]) => title).sort()).toEqual(expected)
    expect(stale.every(([, cell]) => cell === 'Stale')).toBe(true)
    await expect(page.textContent('[data-stale-filter] [aria-current]')).resolves.toBe('Stale only')

    // sorting keeps the filter (Payload's list keeps unknown query parameters)
    await page.click('.table thead >> text=Title')
    await page.waitForURL((url) => url.searchParams.has('sort'))
    expect(new URL(page.url()).searchParams.get('stale')).toBe('true')
    await page.waitForSelector('.table tbody tr', { timeout: 60_000 })
    expect((await listRows()).map(([title]) => title).sort()).toEqual(expected)

    await page.click('[data-stale-filter] >> text=Not stale')
    await page.waitForURL((url) => url.searchParams.get('stale') === 'false')
    await page.waitForSelector('.table tbody tr', { timeout: 60_000 })
    const fresh = await listRows()
    expect(fresh.length + stale.length).toBe(all.length)
    expect(fresh.some(([, cell]) => cell === 'Stale')).toBe(false)
  })
})
