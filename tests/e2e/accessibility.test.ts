/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules: contrast, names and labels,
 * landmarks, headings, ARIA, tables) on every kind of page a visitor, a member or the board sees,
 * in Chromium on the production build. A violation fails the test and prints the rule, the
 * elements and how to fix them. Automated rules find only part of the problems: keyboard use and
 * the reading order are covered by the other browser tests.
 */
import { createRequire } from 'node:module'
import fs from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BASE_URL, launchBrowser, signInMember } from './helpers'

const PLAN = 'alcts-strategic-plan-2006-2011'
const AXE_SOURCE = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

interface Violation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string[]; failureSummary?: string }[]
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Runs axe on the page as it is now; the violations, each with up to three elements. */
async function violations(page: Page): Promise<Violation[]> {
  // evaluate, not a script tag: the page's Content-Security-Policy stays as it is
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> }
      }
    ).axe
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
  })
  return result.violations.map((v) => ({ ...v, nodes: v.nodes.slice(0, 3) }))
}

function describeViolations(found: Violation[]): string {
  return found
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n')
}

async function check(page: Page, path: string) {
  const response = await page.goto(`${BASE_URL}${path}`)
  expect(response, path).not.toBeNull()
  await page.waitForLoadState('networkidle')
  const found = await violations(page)
  expect(found, `${path}\n${describeViolations(found)}`).toEqual([])
}

describe('accessibility (axe-core, WCAG 2.1 AA rules)', () => {
  const publicPages = [
    '/',
    `/plans/${PLAN}`,
    `/plans/${PLAN}/goals/1`,
    `/plans/${PLAN}/goals/5`,
    '/sections/acquisitions',
    '/login',
    '/login/forgot',
    `/plans/${PLAN}/goals/99`,
  ]

  it.each(publicPages)('public page %s, desktop', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await check(page, path)
    await page.close()
  })

  it.each([`/plans/${PLAN}`, `/plans/${PLAN}/goals/1`])(
    'public page %s, 320 px wide',
    async (path) => {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } })
      await check(page, path)
      await page.close()
    },
  )

  it('finds a violation when one is planted (the check can fail)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${BASE_URL}/login`)
    await page.waitForLoadState('networkidle')
    await page.evaluate(() => {
      document.querySelector('label[for="memberNumber"]')?.remove()
      document.body.insertAdjacentHTML(
        'beforeend',
        '<p style="color:#bbb;background:#fff">faint</p>',
      )
    })
    const ids = (await violations(page)).map((v) => v.id)
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']))
    await page.close()
  })

  it('the dashboard, its goal-area drill-down and a filtered view, for a board member', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await signInMember(page, '100002')
    for (const path of [
      '/dashboard',
      `/dashboard/${PLAN}?goal=3#drilldown`,
      `/dashboard/${PLAN}?status=in-progress&visibility=public`,
    ]) {
      await check(page, path)
    }
    await context.close()
  })
})
