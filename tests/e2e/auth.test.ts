/**
 * Member sign-in against the built server (npm run test:e2e -- tests/e2e/auth.test.ts):
 * the /login page in Chromium (sign-in, wrong password, lapsed member, sign-out, the redirect of
 * signed-out visitors), the site-route rows of the access matrix (dashboard, coverage JSON,
 * report PDF) for every kind of person, lock-out and malformed bodies over HTTP, and the
 * hardening (security headers, CSRF/CORS, GraphQL introspection, body size).
 */
import http from 'node:http'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  BASE_URL,
  DEMO_PASSWORD,
  launchBrowser,
  screenshot,
  signInAdmin,
  signInMember,
} from './helpers'

const PLAN = 'alcts-strategic-plan-2006-2011'

// ---------------------------------------------------------------------------------------------
// A tiny HTTP client with a cookie jar (what a browser keeps between requests)
// ---------------------------------------------------------------------------------------------

class Client {
  readonly cookies = new Map<string, string>()

  constructor(private readonly extraHeaders: Record<string, string> = {}) {}

  async request(
    path: string,
    init: RequestInit & { headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers = new Headers({ ...this.extraHeaders, ...init.headers })
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await fetch(`${BASE_URL}${path}`, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  /**
   * A GET with exactly these headers. (fetch() adds `Sec-Fetch-Mode: cors` of its own, so it
   * cannot stand in for a browser navigation.)
   */
  get(
    path: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; type: string; location: string; body: Buffer }> {
    const all: Record<string, string> = { ...this.extraHeaders, ...headers }
    if (this.cookies.size > 0)
      all.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return new Promise((resolve, reject) => {
      const req = http.get(`${BASE_URL}${path}`, { headers: all }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            location: String(res.headers.location ?? ''),
            body: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      })
      req.on('error', reject)
    })
  }

  /** next-auth sign-in exactly as the login form does it (CSRF token, then the credentials callback). */
  async signIn(
    memberNumber: string,
    password = DEMO_PASSWORD,
  ): Promise<{ status: number; error: string | null }> {
    const csrf = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string }
    const res = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken,
        memberNumber,
        password,
        json: 'true',
      }).toString(),
    })
    const body = (await res.json()) as { url: string }
    return { status: res.status, error: new URL(body.url).searchParams.get('error') }
  }

  /** The credentials callback's raw response (status and headers), as the login form sends it. */
  async signInResponse(memberNumber: string, password = DEMO_PASSWORD): Promise<Response> {
    const csrf = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string }
    return this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken,
        memberNumber,
        password,
        json: 'true',
      }).toString(),
    })
  }

  /** Staff: Payload's admin login, which sets the payload-token cookie. */
  async staffSignIn(email: string) {
    const res = await this.request('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    })
    if (res.status !== 200) throw new Error(`staff login ${email}: ${res.status}`)
    if (!this.cookies.has('payload-token')) throw new Error('no payload-token cookie')
  }
}

/** Browsers send these with every request they make to the site itself. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' }
const NAVIGATION = {
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
  accept: 'text/html',
}

async function adminToken(): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE_URL },
    body: JSON.stringify({ email: 'admin@example.org', password: DEMO_PASSWORD }),
  })
  if (res.status !== 200)
    throw new Error(`admin@example.org cannot sign in (${res.status}): is the database seeded?`)
  return ((await res.json()) as { token: string }).token
}

let memberSeq = Number(String(Date.now()).slice(-5)) * 10
/** A member made for one test through the admin's REST API (the real server, the real rules). */
async function createMember(token: string, data: Record<string, unknown> = {}) {
  memberSeq += 1
  const username = `5${String(memberSeq).padStart(6, '0')}`
  const res = await fetch(`${BASE_URL}/api/members`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `JWT ${token}`,
      origin: BASE_URL,
    },
    body: JSON.stringify({
      username,
      name: `E2E Member ${username}`,
      roles: ['member'],
      membershipExpires: '2099-12-31',
      active: true,
      password: DEMO_PASSWORD,
      ...data,
    }),
  })
  if (res.status !== 201) throw new Error(`create member: ${res.status} ${await res.text()}`)
  const { doc } = (await res.json()) as { doc: { id: number | string } }
  return { id: doc.id, username, name: `E2E Member ${username}` }
}

// ---------------------------------------------------------------------------------------------
// The site-route rows of the access matrix
// ---------------------------------------------------------------------------------------------

type Route =
  'dashboard' | 'plan dashboard' | 'coverage JSON' | 'report PDF (fetch)' | 'report PDF (browser)'
const ROUTES: Record<Route, { path: string; headers: Record<string, string> }> = {
  dashboard: { path: '/dashboard', headers: NAVIGATION },
  'plan dashboard': { path: `/dashboard/${PLAN}`, headers: NAVIGATION },
  'coverage JSON': { path: `/api/plans/${PLAN}/coverage`, headers: { accept: 'application/json' } },
  'report PDF (fetch)': {
    path: `/reports/${PLAN}/progress.pdf`,
    headers: { accept: 'application/pdf' },
  },
  'report PDF (browser)': { path: `/reports/${PLAN}/progress.pdf`, headers: NAVIGATION },
}

const toLogin = (path: string) => `→ /login?callbackUrl=${encodeURIComponent(path)}`
const SIGNED_OUT: Record<Route, string> = {
  dashboard: toLogin('/dashboard'),
  'plan dashboard': toLogin(`/dashboard/${PLAN}`),
  'coverage JSON': '401 json',
  'report PDF (fetch)': '401',
  'report PDF (browser)': toLogin(`/reports/${PLAN}/progress.pdf`),
}
const MEMBER: Record<Route, string> = {
  dashboard: '200 html',
  'plan dashboard': '200 html',
  'coverage JSON': '200 json',
  'report PDF (fetch)': '403',
  'report PDF (browser)': '403',
}
const BOARD_OR_STAFF: Record<Route, string> = {
  ...MEMBER,
  'report PDF (fetch)': '200 pdf',
  'report PDF (browser)': '200 pdf',
}

/** Expected cells from docs/architecture.md ("Routes": member pages, coverage data, board report) and issue 4 §2. */
const SITE_EXPECTED: Record<string, { signIn: string; routes: Record<Route, string> }> = {
  anonymous: { signIn: '—', routes: SIGNED_OUT },
  member: { signIn: 'signed in', routes: MEMBER },
  'board member': { signIn: 'signed in', routes: BOARD_OR_STAFF },
  'lapsed member': { signIn: 'refused: lapsed', routes: SIGNED_OUT },
  // signed in while current, then the membership lapsed: the session stops counting at once; the
  // proxy cannot see the lapse (no database), so the report's own 401 answers the browser too
  'member lapsed after sign-in': {
    signIn: 'signed in',
    routes: { ...SIGNED_OUT, 'report PDF (browser)': '401' },
  },
  'section editor (staff)': { signIn: 'admin cookie', routes: BOARD_OR_STAFF },
  'editor (staff)': { signIn: 'admin cookie', routes: BOARD_OR_STAFF },
  'admin (staff)': { signIn: 'admin cookie', routes: BOARD_OR_STAFF },
}

async function cell(client: Client, route: Route): Promise<string> {
  const { path, headers } = ROUTES[route]
  const res = await client.get(path, headers)
  if (res.status >= 300 && res.status < 400) return `→ ${res.location.replace(BASE_URL, '')}`
  const kind = res.type.includes('json')
    ? ' json'
    : res.type.includes('pdf')
      ? ' pdf'
      : res.type.includes('html')
        ? ' html'
        : ''
  if (kind === ' pdf' && res.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return `${res.status} pdf (not a PDF)`
  }
  return res.status === 200 || res.status === 401 ? `${res.status}${kind}` : String(res.status)
}

// ---------------------------------------------------------------------------------------------

let browser: Browser
let admin: string

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await adminToken()
})

afterAll(async () => {
  await browser?.close()
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

describe('the sign-in page in a browser', () => {
  it('sends a signed-out visitor of /dashboard to /login, signs member 100001 in and back to /dashboard', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/dashboard`)
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/dashboard')
    await expect(page.getByRole('heading', { name: 'Member sign-in' }).isVisible()).resolves.toBe(
      true,
    )
    await screenshot(page, 'auth-login')

    await page.getByLabel('Member number').fill('100001')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard', { timeout: 60_000 })
    await screenshot(page, 'auth-dashboard-after-sign-in')

    // the header names the signed-in member and offers sign-out, on every site page
    await page.goto(`${BASE_URL}/`)
    await expect(page.getByTestId('account-name').textContent()).resolves.toBe('Morgan Member')
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true)
    await screenshot(page, 'auth-header-signed-in')
    await page.context().close()
  })

  it('sends a signed-out visitor who opens the board report in the browser to /login', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/reports/${PLAN}/progress.pdf`)
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(
      `/reports/${PLAN}/progress.pdf`,
    )
    await page.context().close()
  })

  it('comes back to the page asked for (callbackUrl) and refuses off-site callbacks', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/dashboard/${PLAN}`)
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(`/dashboard/${PLAN}`)
    await page.getByLabel('Member number').fill('100002')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL((url) => url.pathname === `/dashboard/${PLAN}`, { timeout: 60_000 })
    await page.context().close()

    const other = await newPage()
    await signInMember(other, '100001', DEMO_PASSWORD, 'https://evil.example/steal')
    expect(new URL(other.url()).origin).toBe(BASE_URL)
    expect(new URL(other.url()).pathname).toBe('/dashboard')
    await other.context().close()
  })

  it('shows one message for a wrong password and an unknown member number, and a lapsed member whom to contact', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/login`)
    // (Next's route announcer is a role=alert too: address the form's own message)
    const alert = page.locator('#login-error')
    // `expected` is what the message must say once this attempt's answer is shown: the previous
    // attempt's message stays on screen until then
    const attempt = async (memberNumber: string, password: string, expected: RegExp) => {
      await page.getByLabel('Member number').fill(memberNumber)
      await page.getByLabel('Password', { exact: true }).fill(password)
      const answered = page.waitForResponse((r) =>
        r.url().includes('/api/auth/callback/credentials'),
      )
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await answered
      await page.waitForFunction(
        (pattern) => {
          const button = document.querySelector('button[type="submit"]')
          const message = document.getElementById('login-error')?.textContent ?? ''
          return button?.getAttribute('aria-busy') !== 'true' && new RegExp(pattern).test(message)
        },
        expected.source,
        { timeout: 15_000 },
      )
      return alert.textContent()
    }
    const wrong = await attempt('100002', 'not-the-password', /did not match/)
    expect(wrong).toMatch(/did not match/)
    // the message is announced and focused, and the fields are marked invalid
    await page.waitForFunction(() => document.activeElement?.id === 'login-error', undefined, {
      timeout: 5_000,
    })
    await expect(page.getByLabel('Member number').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    )
    await screenshot(page, 'auth-login-wrong-password')

    const unknown = await attempt('999999', DEMO_PASSWORD, /did not match/)
    expect(unknown).toBe(wrong)

    const lapsed = await attempt('100003', DEMO_PASSWORD, /membership has lapsed/)
    expect(lapsed).toMatch(/membership has lapsed/)
    expect(lapsed).toMatch(/contact Member and Customer Service/)
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'auth-login-lapsed')

    // empty fields are caught in the page, before anything is sent
    await page.getByLabel('Member number').fill('')
    await page.getByLabel('Password', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForFunction(() =>
      (document.getElementById('login-error')?.textContent ?? '').startsWith('Enter your'),
    )
    await page.context().close()
  })

  it('signs out from the header; the dashboard then asks to sign in again', async () => {
    const page = await newPage()
    await signInMember(page, '100001')
    await page.goto(`${BASE_URL}/`)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/', { timeout: 60_000 })
    await page.getByRole('link', { name: 'Sign in' }).waitFor({ state: 'visible' })
    await expect(page.getByTestId('account-name').count()).resolves.toBe(0)
    await page.goto(`${BASE_URL}/dashboard`)
    expect(new URL(page.url()).pathname).toBe('/login')
    await screenshot(page, 'auth-after-sign-out')
    await page.context().close()
  })

  it('shows a staff user signed in to the admin in the site header, under the Content-Security-Policy', async () => {
    const page = await newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text())
    })
    await signInAdmin(page, 'editor@example.org')
    await page.getByText('Initiatives').first().waitFor({ state: 'visible', timeout: 60_000 })
    await screenshot(page, 'auth-admin-under-csp')
    await page.goto(`${BASE_URL}/`)
    await expect(page.getByTestId('account-name').textContent()).resolves.toBe('Emery Editor')
    await page.goto(`${BASE_URL}/login`)
    await page.getByRole('heading', { name: 'You are signed in' }).waitFor({ state: 'visible' })
    expect(violations).toEqual([])
    await page.context().close()
  })

  it('forgot password: the same answer for any member number; a bad reset link says so', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/login`)
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.waitForURL((url) => url.pathname === '/login/forgot')
    await page.getByLabel('Member number').fill('100001')
    await page.getByRole('button', { name: 'Email me a reset link' }).click()
    const status = page.getByRole('status')
    await status.waitFor({ state: 'visible', timeout: 60_000 })
    const known = await status.textContent()
    expect(known).toMatch(/If that member number has an email address on file/)
    await screenshot(page, 'auth-forgot-sent')

    await page.goto(`${BASE_URL}/login/forgot`)
    await page.getByLabel('Member number').fill('999999')
    await page.getByRole('button', { name: 'Email me a reset link' }).click()
    await status.waitFor({ state: 'visible', timeout: 60_000 })
    await expect(status.textContent()).resolves.toBe(known)

    await page.goto(`${BASE_URL}/login/reset?token=${'0'.repeat(40)}`)
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-password')
    await page.getByLabel('New password again').fill('a-brand-new-password')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.waitForFunction(
      () => (document.getElementById('reset-error')?.textContent ?? '').length > 0,
    )
    await expect(page.locator('#reset-error').textContent()).resolves.toMatch(
      /expired or was already used/,
    )
    await page.context().close()
  })
})

describe('site routes × people (the access matrix, site surface)', () => {
  const rows: { person: string; signIn: string; cells: Record<Route, string> }[] = []

  afterAll(() => {
    const routes = Object.keys(ROUTES) as Route[]
    const header = ['person', 'sign-in', ...routes]
    const table = rows.map((row) => {
      const want = SITE_EXPECTED[row.person]!
      return [
        row.person,
        row.signIn === want.signIn ? row.signIn : `✗ ${row.signIn} (expected ${want.signIn})`,
        ...routes.map((r) =>
          row.cells[r] === want.routes[r]
            ? `✓ ${row.cells[r]}`
            : `✗ ${row.cells[r]} (expected ${want.routes[r]})`,
        ),
      ]
    })
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)))
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ')
    console.log(`\nSite routes\n${[line(header), ...table.map(line)].join('\n')}\n`)
  })

  async function people(): Promise<[string, Client, string][]> {
    const out: [string, Client, string][] = [['anonymous', new Client(), '—']]
    for (const [person, number] of [
      ['member', '100001'],
      ['board member', '100002'],
      ['lapsed member', '100003'],
    ] as const) {
      const client = new Client()
      const result = await client.signIn(number)
      out.push([person, client, result.error ? `refused: ${result.error}` : 'signed in'])
    }
    // a member in good standing signs in; then an admin ends the membership
    const member = await createMember(admin)
    const lapsing = new Client()
    const signedIn = await lapsing.signIn(member.username)
    const lapse = await fetch(`${BASE_URL}/api/members/${member.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `JWT ${admin}`,
        origin: BASE_URL,
      },
      body: JSON.stringify({ membershipExpires: '2020-01-01' }),
    })
    expect(lapse.status).toBe(200)
    out.push([
      'member lapsed after sign-in',
      lapsing,
      signedIn.error ? `refused: ${signedIn.error}` : 'signed in',
    ])
    for (const [person, email] of [
      ['section editor (staff)', 'acquisitions@example.org'],
      ['editor (staff)', 'editor@example.org'],
      ['admin (staff)', 'admin@example.org'],
    ] as const) {
      const client = new Client(SAME_ORIGIN)
      await client.staffSignIn(email)
      out.push([person, client, 'admin cookie'])
    }
    return out
  }

  it('every cell as docs/architecture.md says', { timeout: 180_000 }, async () => {
    const differing: string[] = []
    for (const [person, client, signIn] of await people()) {
      const cells = {} as Record<Route, string>
      for (const route of Object.keys(ROUTES) as Route[]) cells[route] = await cell(client, route)
      rows.push({ person, signIn, cells })
      const want = SITE_EXPECTED[person]!
      if (signIn !== want.signIn)
        differing.push(`${person} sign-in: expected ${want.signIn}, got ${signIn}`)
      for (const route of Object.keys(ROUTES) as Route[]) {
        if (cells[route] !== want.routes[route])
          differing.push(`${person} ${route}: expected ${want.routes[route]}, got ${cells[route]}`)
      }
    }
    expect(differing).toEqual([])
  })

  it('the coverage JSON answers 401 with a JSON body when signed out', async () => {
    const res = await fetch(`${BASE_URL}/api/plans/${PLAN}/coverage`)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toMatch(/json/)
    await expect(res.json()).resolves.toBeTruthy()
  })
})

describe('abuse', () => {
  it('5 wrong passwords from one client: 429 with Retry-After and the time to retry there; the member elsewhere gets in', async () => {
    const member = await createMember(admin)
    const client = new Client({ 'x-forwarded-for': '203.0.113.50' })
    const answers: string[] = []
    for (let i = 0; i < 6; i += 1) {
      const result = await client.signIn(member.username, `wrong-${i}`)
      answers.push(`${result.status} ${result.error?.replace(/@\d+$/, '@…')}`)
    }
    expect(answers).toEqual([...Array(5).fill('401 invalid'), '429 throttled@…'])
    const res = await client.signInResponse(member.username)
    expect(res.status).toBe(429)
    const retryAfter = Number(res.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(client.cookies.has('next-auth.session-token')).toBe(false)
    // the member, from their own network, is not locked out by those guesses
    const own = new Client({ 'x-forwarded-for': '203.0.113.51' })
    expect(await own.signIn(member.username)).toEqual({ status: 200, error: null })
  })

  it('an account locked by failures from many clients: the right password is told when, in the browser too; an admin can unlock it', async () => {
    const member = await createMember(admin)
    for (let c = 0; c < 5; c += 1) {
      const client = new Client({ 'x-forwarded-for': `203.0.113.${60 + c}` })
      for (let i = 0; i < 4; i += 1) await client.signIn(member.username, `wrong-${c}-${i}`)
    }
    const right = await new Client({ 'x-forwarded-for': '203.0.113.70' }).signIn(member.username)
    expect(right.status).toBe(429)
    expect(right.error).toMatch(/^locked@\d+$/)
    // a wrong password on the locked account reads like any wrong password
    const wrong = await new Client({ 'x-forwarded-for': '203.0.113.71' }).signIn(
      member.username,
      'still-wrong',
    )
    expect(wrong).toEqual({ status: 401, error: 'invalid' })
    // the sign-in form says exactly when
    const context = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.72' },
    })
    const page = await context.newPage()
    await page.goto(`${BASE_URL}/login`)
    await page.getByLabel('Member number').fill(member.username)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expect
      .poll(() => page.locator('#login-error').textContent(), { timeout: 30_000 })
      .toMatch(/locked .* try again at \d\d:\d\d UTC \(in \d+ minutes?\)/)
    await context.close()
    // an admin can unlock the account, and then the right password works
    const unlock = await fetch(`${BASE_URL}/api/members/unlock`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `JWT ${admin}`,
        origin: BASE_URL,
      },
      body: JSON.stringify({ username: member.username }),
    })
    expect(unlock.status).toBe(200)
    const after = new Client({ 'x-forwarded-for': '203.0.113.73' })
    expect(await after.signIn(member.username)).toEqual({ status: 200, error: null })
  })

  it('an unknown member number costs what a wrong password costs', async () => {
    const timeOf = async (memberNumber: string, i: number) => {
      const client = new Client({ 'x-forwarded-for': `203.0.113.${100 + i}` })
      const start = performance.now()
      const result = await client.signIn(memberNumber, `wrong-${i}`)
      expect(result).toEqual({ status: 401, error: 'invalid' })
      return performance.now() - start
    }
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    const known: number[] = []
    const unknown: number[] = []
    // nine pairs, alternating which goes first (an odd count, so the median is a sample)
    for (let i = 0; i < 9; i += 1) {
      if (i % 2) unknown.push(await timeOf('777666', i + 10))
      known.push(await timeOf('100001', i))
      if (!(i % 2)) unknown.push(await timeOf('777666', i + 10))
    }
    expect(median(unknown), `unknown ${unknown}, known ${known}`).toBeGreaterThan(
      median(known) * 0.6,
    )
  })

  it('a site session ends when an admin changes the member’s password, or signs them out everywhere', async () => {
    for (const change of [{ password: 'an-admin-chosen-password' }, { signOutEverywhere: true }]) {
      const member = await createMember(admin)
      const client = new Client({ 'x-forwarded-for': '203.0.113.80' })
      expect(await client.signIn(member.username)).toEqual({ status: 200, error: null })
      const viewer = async () =>
        (await (await client.request('/api/viewer')).json()) as { name?: string } | null
      expect((await viewer())?.name).toBe(member.name)
      const res = await fetch(`${BASE_URL}/api/members/${member.id}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          authorization: `JWT ${admin}`,
          origin: BASE_URL,
        },
        body: JSON.stringify(change),
      })
      expect(res.status).toBe(200)
      expect(await viewer()).toBeNull()
      const dashboard = await client.get('/dashboard', NAVIGATION)
      expect(dashboard.body.toString()).not.toContain(member.name)
    }
  })

  it('a deleted member’s session does not read as the next member created', async () => {
    const old = await createMember(admin)
    const client = new Client({ 'x-forwarded-for': '203.0.113.81' })
    expect(await client.signIn(old.username)).toEqual({ status: 200, error: null })
    const removed = await fetch(`${BASE_URL}/api/members/${old.id}`, {
      method: 'DELETE',
      headers: { authorization: `JWT ${admin}`, origin: BASE_URL },
    })
    expect(removed.status).toBe(200)
    const next = await createMember(admin, { roles: ['board'] })
    expect(String(next.id)).not.toBe(String(old.id))
    expect(await (await client.request('/api/viewer')).json()).toBeNull()
  })

  it('malformed sign-in requests get a 4xx, never a 500', async () => {
    const client = new Client()
    const csrf = ((await (await client.request('/api/auth/csrf')).json()) as { csrfToken: string })
      .csrfToken
    const post = (body: string, type: string) =>
      client.request('/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
    const cases: [string, Promise<Response>, number][] = [
      ['invalid JSON', post('{"memberNumber": "1', 'application/json'), 400],
      ['a JSON array', post('[1,2]', 'application/json'), 400],
      ['a JSON number', post('42', 'application/json'), 400],
      ['an XML body', post('<x/>', 'application/xml'), 415],
      [
        'a 100 kB body',
        post(
          `csrfToken=${csrf}&memberNumber=1&password=${'x'.repeat(100_000)}`,
          'application/x-www-form-urlencoded',
        ),
        413,
      ],
      [
        'no member number',
        post(
          new URLSearchParams({ csrfToken: csrf, password: 'x', json: 'true' }).toString(),
          'application/x-www-form-urlencoded',
        ),
        401,
      ],
      [
        'JSON with an object as member number',
        post(
          JSON.stringify({
            csrfToken: csrf,
            memberNumber: { $gt: '' },
            password: 'x',
            json: 'true',
          }),
          'application/json',
        ),
        401,
      ],
    ]
    for (const [what, response, status] of cases) {
      const res = await response
      expect(res.status, what).toBe(status)
    }
    // without the CSRF token next-auth does not even try (a redirect back to sign-in, not a 500)
    const noCsrf = await post('memberNumber=100001&password=x', 'application/x-www-form-urlencoded')
    expect(noCsrf.status).toBeGreaterThanOrEqual(300)
    expect(noCsrf.status).toBeLessThan(500)
    // Payload's own member login, same idea
    const payloadLogin = await fetch(`${BASE_URL}/api/members/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: '{"username": ',
    })
    expect(payloadLogin.status).toBe(400)
  })
})

describe('hardening', () => {
  it('sends the security headers on pages, the admin, the API and static files', async () => {
    // a cached public page and one of the page's own scripts (a file Next serves as it is)
    const page = await fetch(`${BASE_URL}/plans/${PLAN}`).then((res) => res.text())
    const script = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1]
    expect(script, 'a /_next/static script on the plan page').toBeTruthy()
    for (const path of ['/', '/login', '/admin', '/api/plans?limit=1', `/plans/${PLAN}`, script!]) {
      const res = await fetch(`${BASE_URL}${path}`)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain("object-src 'none'")
      expect(csp, path).not.toContain('unsafe-eval')
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-powered-by'), path).toBeNull()
    }
  })

  it('asks for the colour-scheme client hint on the admin only', async () => {
    // Critical-CH on a public page would make a Chromium browser's first visit fetch it twice
    const page = await fetch(`${BASE_URL}/plans/${PLAN}`).then((res) => res.text())
    const script = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1]
    expect(script, 'a /_next/static script on the plan page').toBeTruthy()
    const home = await fetch(`${BASE_URL}/`).then((res) => res.text())
    const section = /href="(\/sections\/[a-z0-9-]+)"/.exec(home)?.[1]
    expect(section, 'a section page linked from the home page').toBeTruthy()
    for (const path of ['/', `/plans/${PLAN}`, `/plans/${PLAN}/goals/1`, section!, script!]) {
      const res = await fetch(`${BASE_URL}${path}`)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('critical-ch'), path).toBeNull()
      expect(res.headers.get('accept-ch'), path).toBeNull()
      expect(res.headers.get('vary') ?? '', path).not.toMatch(/prefers-color-scheme/i)
    }
    // the admin still gets it (Payload renders its theme from it)
    for (const path of ['/admin', '/admin/login']) {
      const res = await fetch(`${BASE_URL}${path}`, { redirect: 'manual' })
      expect(res.headers.get('accept-ch'), path).toBe('Sec-CH-Prefers-Color-Scheme')
      expect(res.headers.get('critical-ch'), path).toBe('Sec-CH-Prefers-Color-Scheme')
    }
  })

  it('session cookies are httpOnly and SameSite=Lax', async () => {
    const csrf = await fetch(`${BASE_URL}/api/auth/csrf`)
    const login = await fetch(`${BASE_URL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ email: 'editor@example.org', password: DEMO_PASSWORD }),
    })
    for (const line of [...csrf.headers.getSetCookie(), ...login.headers.getSetCookie()]) {
      expect(line).toMatch(/HttpOnly/i)
      expect(line).toMatch(/SameSite=Lax/i)
    }
    expect(login.headers.getSetCookie().some((l) => l.startsWith('payload-token='))).toBe(true)
  })

  it('ignores the staff cookie on requests from another origin (CSRF), and sends no CORS grant to it', async () => {
    const staff = new Client()
    await staff.staffSignIn('admin@example.org')
    const same = await staff.request('/api/users/me', { headers: { origin: BASE_URL } })
    expect(((await same.json()) as { user: unknown }).user).toBeTruthy()
    const cross = await staff.request('/api/users/me', {
      headers: { origin: 'https://evil.example' },
    })
    expect(((await cross.json()) as { user: unknown }).user).toBeNull()
    expect(cross.headers.get('access-control-allow-origin')).not.toBe('https://evil.example')
    expect(cross.headers.get('access-control-allow-origin')).not.toBe('*')
  })

  it('turns GraphQL introspection and the playground off in production', async () => {
    const res = await fetch(`${BASE_URL}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE_URL },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    })
    const body = (await res.json()) as { data?: unknown; errors?: unknown[] }
    expect(body.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(body)).not.toContain('"types"')
    const playground = await fetch(`${BASE_URL}/api/graphql-playground`)
    expect(playground.status).not.toBe(200)
  })

  it('refuses API request bodies over 1 MB with 413', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(1_100_000) })
    const res = await fetch(`${BASE_URL}/api/plans`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: BASE_URL,
        authorization: `JWT ${admin}`,
      },
      body: big,
    })
    expect(res.status).toBe(413)
  })
})
