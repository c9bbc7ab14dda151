/**
 * The public pages in Chromium: screenshots to look at (desktop and 375 px), page structure and
 * accessibility basics, 320 px, no JavaScript, print, and an editor's draft preview.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEED_PLAN_SLUG } from '@/lib/seed'
import {
  BASE_URL,
  DEMO_PASSWORD,
  SCREENSHOT_DIR,
  launchBrowser,
  screenshot,
  signInAdmin,
} from './helpers'

const SLUG = SEED_PLAN_SLUG
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'plan', path: `/plans/${SLUG}` },
  { name: 'goal', path: `/plans/${SLUG}/goals/2` },
  { name: 'section', path: '/sections/acquisitions' },
]

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Heading levels in document order, e.g. [1, 2, 3, 3, 2]. */
const headingLevels = (page: Page) =>
  page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName.slice(1))))

describe('public pages in the browser', () => {
  it('are structured for assistive technology and screenshot well at desktop and phone widths', async () => {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      for (const { name, path: p } of PAGES) {
        const res = await page.goto(`${BASE_URL}${p}`)
        expect(res?.status(), p).toBe(200)
        await screenshot(page, `public-${name}-${width === 1280 ? 'desktop' : '375'}`)

        const levels = await headingLevels(page)
        expect(
          levels.filter((l) => l === 1),
          `${p}: one h1`,
        ).toHaveLength(1)
        expect(levels[0], `${p}: h1 first`).toBe(1)
        levels.forEach((level, i) => {
          if (i > 0)
            expect(
              level - (levels[i - 1] ?? 1),
              `${p}: heading ${i} skips a level`,
            ).toBeLessThanOrEqual(1)
        })
        for (const role of ['banner', 'main', 'contentinfo'] as const) {
          expect(await page.getByRole(role).count(), `${p}: ${role}`).toBe(1)
        }
        expect(await page.getByRole('navigation').count()).toBeGreaterThanOrEqual(1)
        expect(await page.locator('html').getAttribute('lang')).toBe('en')
      }
      await context.close()
    }
  })

  it('starts with a skip link, and shows where the keyboard focus is', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${BASE_URL}/plans/${SLUG}`)
    await page.keyboard.press('Tab')
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null
      const box = el?.getBoundingClientRect()
      return { text: el?.textContent, href: el?.getAttribute('href'), top: box?.top ?? -1 }
    })
    expect(skip).toMatchObject({ text: 'Skip to content', href: '#main' })
    expect(skip.top).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    // tab onwards to a link in the page and check its focus ring
    const link = page.locator('.objective__work').first()
    await link.focus()
    const outline = await link.evaluate((el) => {
      const style = getComputedStyle(el)
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
    })
    expect(outline.style).not.toBe('none')
    expect(outline.width).toBeGreaterThanOrEqual(2)
    await page.close()
  })

  it('answer unknown addresses with a helpful 404 page', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } })
    for (const p of [
      '/plans/no-such-plan',
      `/plans/${SLUG}/goals/9`,
      '/sections/no-such-section',
    ]) {
      const res = await page.goto(`${BASE_URL}${p}`)
      expect(res?.status(), p).toBe(404)
      await expect
        .poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
        .toBe('Page not found')
      expect(await page.getByRole('link', { name: 'The current strategic plan' }).isVisible()).toBe(
        true,
      )
    }
    await screenshot(page, 'public-404-375')
    // the page stays one 404 page once the browser has taken over
    expect(await page.locator('h1').count()).toBe(1)
    await page.close()
  })

  it('fit a 320 px wide screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } })
    const page = await context.newPage()
    for (const { path: p } of PAGES) {
      await page.goto(`${BASE_URL}${p}`)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(width, p).toBeLessThanOrEqual(320)
    }
    await screenshot(page, 'public-section-320')
    await context.close()
  })

  it('work without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${BASE_URL}/`)
    // the header's account slot needs JavaScript to ask who is signed in: without it, sign-in
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Sign in' }).isVisible(),
    ).resolves.toBe(true)
    await page.getByRole('link', { name: 'Read the plan' }).click()
    await page.waitForURL(`${BASE_URL}/plans/${SLUG}`)
    await expect.poll(() => page.locator('.objective').count()).toBe(26)
    // the print button needs JavaScript; without it a hint says how to print
    expect(await page.locator('.print-button').isVisible()).toBe(false)
    expect(await page.locator('.print-hint').isVisible()).toBe(true)
    await page.locator('#objective-1-1 .objective__work').click()
    await page.waitForURL(`${BASE_URL}/plans/${SLUG}/goals/1#objective-1-1`)
    expect(await page.locator('.initiative').count()).toBeGreaterThan(0)
    await page.getByRole('link', { name: /Next goal area/ }).click()
    await page.waitForURL(`${BASE_URL}/plans/${SLUG}/goals/2`)
    await screenshot(page, 'public-goal-nojs')
    // the helpful 404 is in the HTML, not only in the payload scripts
    const missing = await page.goto(`${BASE_URL}/plans/no-such-plan`)
    expect(missing?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('Page not found')
    expect(await page.getByRole('link', { name: 'The current strategic plan' }).isVisible()).toBe(
      true,
    )
    await screenshot(page, 'public-404-nojs')
    await context.close()
  })

  it('load none of their own client JavaScript on the plan page', async () => {
    const page = await browser.newPage()
    const scripts: string[] = []
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.url())
    })
    await page.goto(`${BASE_URL}/plans/${SLUG}`, { waitUntil: 'networkidle' })
    expect(scripts.length).toBeGreaterThan(0)
    for (const url of scripts) {
      const body = await (await fetch(url)).text()
      // the live-preview script belongs to draft preview only
      expect(body, url).not.toContain('payload-live-preview')
    }
    await page.close()
  })

  it('make a signed-out visitor’s browser prefetch public pages only, and ask who is signed in once', async () => {
    // each prefetch is a request to the server: the dashboard and the sign-in page are rendered
    // per request, and a signed-out visitor's prefetch of them (the dashboard's a redirect to
    // the sign-in page) cost the server more than the page itself (bench/public-pages/README.md)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const origin = new URL(BASE_URL).origin
    const asked: { path: string; prefetch: boolean }[] = []
    page.on('request', (req) => {
      const url = new URL(req.url())
      if (url.origin !== origin || url.pathname.startsWith('/_next/static')) return
      asked.push({ path: url.pathname, prefetch: req.headers()['next-router-prefetch'] === '1' })
    })
    for (const { path: p } of PAGES) {
      asked.length = 0
      await page.goto(`${BASE_URL}${p}`, { waitUntil: 'networkidle' })
      await page.locator('[data-account="signed-out"]').waitFor()
      await page.waitForTimeout(1_000) // links prefetch once they are on screen
      const prefetched = asked.filter((a) => a.prefetch).map((a) => a.path)
      expect(prefetched.length, `${p}: public pages are still prefetched`).toBeGreaterThan(0)
      for (const path of prefetched) expect(path, p).toMatch(/^\/(plans\/|sections\/|$)/)
      expect(
        asked.filter((a) => a.path === '/api/viewer'),
        p,
      ).toHaveLength(1)
    }
    await context.close()
  })

  it('print cleanly: no navigation, the Print button opens the print dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${BASE_URL}/plans/${SLUG}`)
    await page.evaluate(() => {
      ;(window as unknown as { printed: number }).printed = 0
      window.print = () => {
        ;(window as unknown as { printed: number }).printed += 1
      }
    })
    await page.getByRole('button', { name: 'Print this page' }).click()
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

    await page.emulateMedia({ media: 'print' })
    for (const selector of ['.site-header', '.site-footer', '.toc', '.actions', '.breadcrumbs']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
    }
    expect(await page.locator('.objective').first().isVisible()).toBe(true)
    const file = path.join(SCREENSHOT_DIR, 'public-plan-print.pdf')
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.pdf({ path: file, format: 'Letter', printBackground: true })
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
    )
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(12)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(text).not.toContain('Skip to content')
    expect(text).not.toContain('Download PDF')
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-l',
      '2',
      file,
      path.join(SCREENSHOT_DIR, 'public-plan-print'),
    ])
    await page.close()
  })
})

describe('draft preview', () => {
  it("shows an editor the plan's latest draft, and nobody else", async () => {
    const login = await fetch(`${BASE_URL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.org', password: DEMO_PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const api = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(`${BASE_URL}/api${p}`, {
        method,
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      expect(res.status, `${method} ${p}`).toBe(200)
      return (await res.json()) as { docs?: { id: string | number; title: string }[] }
    }
    const plan = (await api('GET', `/plans?where[slug][equals]=${SLUG}&depth=0`)).docs?.[0]
    if (!plan) throw new Error('seeded plan missing')
    const draftTitle = `${plan.title} (draft under review)`

    // anonymous visitors cannot enter preview
    const anonymous = await fetch(`${BASE_URL}/next/preview?path=/plans/${SLUG}`, {
      redirect: 'manual',
    })
    expect(anonymous.status).toBe(401)
    const bad = await fetch(`${BASE_URL}/next/preview?path=https://example.org/`, {
      redirect: 'manual',
    })
    expect(bad.status).toBe(400)

    await api('PATCH', `/plans/${plan.id}?draft=true`, { title: draftTitle })
    const editor = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const page = await editor.newPage()
      await signInAdmin(page, 'editor@example.org')
      await page.goto(`${BASE_URL}/next/preview?path=${encodeURIComponent(`/plans/${SLUG}`)}`)
      await page.waitForURL(`${BASE_URL}/plans/${SLUG}`)
      await expect.poll(() => page.locator('h1').textContent()).toBe(draftTitle)
      // the static page's header asks who is there: the editor, with a way back to the admin
      await expect(page.getByTestId('account-name').textContent()).resolves.toBe('Emery Editor')
      expect(await page.getByRole('banner').getByRole('link', { name: 'Admin' }).isVisible()).toBe(
        true,
      )
      expect(await page.getByRole('complementary', { name: 'Draft preview' }).isVisible()).toBe(
        true,
      )
      // the live-preview hook (the admin's Live Preview frame) is there for the editor only
      expect(await page.content()).toContain('payload-live-preview')
      await screenshot(page, 'public-plan-preview')

      const other = await visitor.newPage()
      await other.goto(`${BASE_URL}/plans/${SLUG}`)
      expect(await other.locator('h1').textContent()).toBe(plan.title)
      await other.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor()
      expect(await other.getByTestId('account-name').count()).toBe(0)
      const html = await (await fetch(`${BASE_URL}/plans/${SLUG}`)).text()
      expect(html).not.toContain('draft under review')
      expect(html).not.toContain('payload-live-preview')

      // an unknown address is a 404 in preview too
      const missing = await page.goto(`${BASE_URL}/plans/no-such-plan`)
      expect(missing?.status()).toBe(404)
      await expect
        .poll(() => page.locator('h1').textContent(), { timeout: 15_000 })
        .toBe('Page not found')
      await page.goto(`${BASE_URL}/plans/${SLUG}`)
      await expect.poll(() => page.locator('h1').textContent()).toBe(draftTitle)

      await page.getByRole('button', { name: 'Exit preview' }).click()
      await page.waitForURL(`${BASE_URL}/plans/${SLUG}`)
      await expect.poll(() => page.locator('h1').textContent()).toBe(plan.title)
      expect(await page.locator('.preview-banner').count()).toBe(0)
    } finally {
      await api('PATCH', `/plans/${plan.id}?draft=true`, { title: plan.title })
      await editor.close()
      await visitor.close()
    }
  })
})
