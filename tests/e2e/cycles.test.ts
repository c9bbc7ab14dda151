/**
 * Progress cycles in Chromium against the built app on a freshly seeded database (the demo
 * history: three closed cycles and "Annual 2009" open, Acquisitions not yet reported): the
 * Acquisitions section editor reports in "My updates" (clicks and keystrokes counted: the README's
 * figure), and a member sees the trend over the four cycles, switches cycles, and gets the same
 * numbers as the JSON endpoints.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import type { CycleSummary } from '@/lib/plan/cycles'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { BASE_URL, launchBrowser, screenshot, signInAdmin, signInMember } from './helpers'

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
