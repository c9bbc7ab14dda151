/**
 * The board's link, end to end against the production build: the demo seed closed its historic
 * cycles, which queued their archive jobs; one pass of the job runner (`npm run jobs -- --once`,
 * its own process, as in production) archives each report and mails the board one link per
 * cycle; the link in a board member's email, opened in their signed-in browser, downloads the
 * archived PDF (read back with pdftotext: it names the cycle); a plain member gets 403, a
 * signed-out visitor goes to sign in; /reports lists it for the board. (The demo's open cycle is
 * left open for the other browser tests; tests/int/archive.test.ts closes one as an admin.)
 */
import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAILPIT_URL, linkIn, waitForMail } from '../mailpit'
import { BASE_URL, api, DEMO_PASSWORD, launchBrowser, screenshot, signInMember } from './helpers'

const run = crypto.randomBytes(4).toString('hex')
const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase()

describe.skipIf(!MAILPIT_URL)('the board report archive, from the closing to the download', () => {
  let browser: Browser
  const boardEmail = `board.${run}@example.org`
  const boardNumber = String(crypto.randomInt(620000, 629999))
  let cycleNames: string[]
  let cycleName: string
  let link: string

  beforeAll(async () => {
    browser = await launchBrowser()
    const login = await api('/api/users/login', {
      method: 'POST',
      body: { email: 'admin@example.org', password: DEMO_PASSWORD },
    })
    const token = login.json.token as string
    const board = await api('/api/members', {
      method: 'POST',
      token,
      body: {
        username: boardNumber,
        name: 'Archie Board',
        email: boardEmail,
        roles: ['member', 'board'],
        membershipExpires: '2099-12-31',
        active: true,
        password: DEMO_PASSWORD,
      },
    })
    expect(board.status).toBe(201)
    const closed = await api('/api/cycles?where[state][equals]=closed&sort=-closedAt&depth=0', {
      token,
    })
    cycleNames = (closed.json.docs as { name: string }[]).map((c) => c.name)
    expect(cycleNames.length, 'the demo has closed cycles').toBeGreaterThan(0)
    cycleName = cycleNames[0]!

    // one pass of the job runner, as production runs it (its own process, the server's database)
    const runner = spawnSync('npm', ['run', '--silent', 'jobs', '--', '--once'], {
      env: process.env,
      encoding: 'utf8',
      timeout: 240_000,
    })
    expect(runner.status, `${runner.stdout}\n${runner.stderr}`).toBe(0)
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
  })

  const signedIn = async (memberNumber: string): Promise<BrowserContext> => {
    const context = await browser.newContext()
    await signInMember(await context.newPage(), memberNumber)
    return context
  }

  it('the board member gets one email with the link per closed cycle', async () => {
    const mails = await waitForMail(boardEmail, cycleNames.length, 30_000)
    for (const name of cycleNames) {
      expect(
        mails.filter((m) => m.Subject.endsWith(`, ${name}`)),
        name,
      ).toHaveLength(1)
    }
    expect(mails).toHaveLength(cycleNames.length)
    const about = mails.filter((m) => m.Subject.endsWith(`, ${cycleName}`))
    link = linkIn(about[0]!, `${BASE_URL}/reports/archive/`)!
    expect(link).toBeDefined()
  })

  it('the link downloads the archived PDF for the board member', async () => {
    const context = await signedIn(boardNumber)
    const res = await context.request.get(link)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('application/pdf')
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-archive-e2e-')), 'r.pdf')
    fs.writeFileSync(file, await res.body())
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    })
    expect(squash(text)).toContain(squash(`${cycleName} reporting cycle`))
    const pages = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
    expect(Number(pages?.[1])).toBeGreaterThan(1)

    // and /reports lists it
    const page = await context.newPage()
    await page.goto(`${BASE_URL}/reports`)
    const entry = page.getByRole('link', { name: new RegExp(cycleName) })
    await entry.first().waitFor({ state: 'visible' })
    expect(await entry.first().getAttribute('href')).toBe(new URL(link).pathname)
    await screenshot(page, 'reports-archive-board')
    await context.close()
  })

  it('a plain member is refused, and a signed-out visitor is sent to sign in', async () => {
    const member = await signedIn('100001')
    const refused = await member.request.get(link)
    expect(refused.status()).toBe(403)
    const page = await member.newPage()
    await page.goto(`${BASE_URL}/reports`)
    await page.getByText('The report archive is for board members and staff.').waitFor()
    expect(await page.getByRole('link', { name: new RegExp(cycleName) }).count()).toBe(0)
    await member.close()

    const anonymous = await browser.newContext()
    const res = await anonymous.request.get(link, { maxRedirects: 0 })
    expect([303, 307, 308]).toContain(res.status())
    expect(res.headers()['location']).toMatch(/\/login\?callbackUrl=/)
    await anonymous.close()
  })
})
