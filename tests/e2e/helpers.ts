import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type Page } from 'playwright-core'

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:3100'
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'lodestar-demo'
export const SCREENSHOT_DIR = path.resolve('test-results/e2e')

/** Debian's Chromium, headless, driven by playwright-core (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Saves a full-page screenshot under test-results/e2e/<name>.png (to look at). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/** Signs in to the Payload admin as a staff user and waits for the dashboard. */
export async function signInAdmin(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  baseUrl = BASE_URL,
) {
  await page.goto(`${baseUrl}/admin/login`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await waitToLeave(page, '/admin/login')
}

/** What the page tells the person (toasts, field errors, alerts, status lines), for a failure message. */
export async function pageMessages(page: Page): Promise<string> {
  const shown = await page
    .locator('[data-sonner-toast], .toast-error, .field-error, [role="alert"], [role="status"]')
    .allInnerTexts()
    .catch(() => [] as string[])
  return (
    shown
      .map((text) => text.trim())
      .filter(Boolean)
      .join(' | ') || 'nothing'
  )
}

/**
 * Waits until the page has left `pathPrefix` (a form that moves on when it succeeds). When it does
 * not, fails with what the page says and a screenshot, not a bare timeout.
 */
export async function waitToLeave(page: Page, pathPrefix: string, timeout = 60_000) {
  try {
    await page.waitForURL((url) => !url.pathname.startsWith(pathPrefix), { timeout })
  } catch (err) {
    await screenshot(page, `stuck-on${pathPrefix.replace(/[^a-z0-9]+/gi, '-')}`).catch(() => {})
    throw new Error(
      `Still on ${page.url()} after ${timeout / 1000} s; the page says: ${await pageMessages(page)}`,
      { cause: err },
    )
  }
}

/** Signs a member in on the site's /login page and waits until the page has moved on. */
export async function signInMember(
  page: Page,
  memberNumber: string,
  password = DEMO_PASSWORD,
  callbackUrl?: string,
) {
  const query = callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ''
  await page.goto(`${BASE_URL}/login${query}`)
  await page.getByLabel('Member number').fill(memberNumber)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await waitToLeave(page, '/login')
}

/** RFC 4180 CSV into rows of cells (quotes, doubled quotes, CRLF); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

/** A JSON call to the site's REST API, as a browser on the site would make it (with its Origin). */
export async function api(
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      origin: BASE_URL,
      'content-type': 'application/json',
      ...(init.token ? { authorization: `JWT ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
