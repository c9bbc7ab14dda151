/**
 * Production without SMTP_URL, against the production build: a second `next start` of the same
 * build and database with SMTP_URL unset. It warns at start (its log), staff see the "Email is
 * off" banner in the admin, and the site's password-reset form and the reset endpoint (which the
 * admin's form calls) say that email is unavailable instead of pretending to send a link.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EMAIL_UNAVAILABLE_MESSAGE } from '@/lib/email/status'
import { EMAIL_UNAVAILABLE_WARNING } from '@/lib/email/warning'
import { startServer } from '@/scripts/lib/server.mjs'
import { BASE_URL, launchBrowser, screenshot, signInAdmin } from './helpers'

const port = Number(new URL(BASE_URL).port) + 5
const databaseUri = process.env.E2E_DATABASE_URI

describe.skipIf(!databaseUri)('a production site without SMTP_URL', () => {
  let browser: Browser
  let server: { url: string; stop: () => void; logFile: string }

  beforeAll(async () => {
    const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-no-smtp-')), 'log')
    server = await startServer({
      port,
      logFile,
      env: {
        NODE_ENV: 'production',
        DATABASE_URI: databaseUri!,
        NEXTAUTH_URL: `http://localhost:${port}`,
        SMTP_URL: '',
      },
    })
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    server?.stop()
  })

  it('says so at start', () => {
    expect(fs.readFileSync(server.logFile, 'utf8')).toContain(EMAIL_UNAVAILABLE_WARNING)
  })

  it('the site’s reset form says email is unavailable and offers no form', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/login/forgot`)
    await page.getByRole('status').getByText(EMAIL_UNAVAILABLE_MESSAGE).waitFor()
    expect(await page.getByRole('button', { name: 'Email me a reset link' }).count()).toBe(0)
    await screenshot(page, 'email-off-member-forgot')
    await page.context().close()
  })

  it('the admin’s “Forgot password” page leads to the same message, not to a form that pretends', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/admin/forgot`)
    await page.getByRole('status').getByText(EMAIL_UNAVAILABLE_MESSAGE).waitFor()
    expect(new URL(page.url()).pathname).toBe('/login/forgot')
    expect(await page.getByRole('textbox').count()).toBe(0)
    await page.context().close()
  })

  it('the admin’s reset endpoint refuses with the same message', async () => {
    const rest = await fetch(`${server.url}/api/users/forgot-password`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.org' }),
    })
    expect(rest.status).toBe(503)
    expect(JSON.stringify(await rest.json())).toContain(EMAIL_UNAVAILABLE_MESSAGE)
  })

  it('staff see the banner in the admin', async () => {
    const page = await (await browser.newContext()).newPage()
    await signInAdmin(page, 'editor@example.org', undefined, server.url)
    await page.getByText('Email is off.').waitFor()
    expect(
      await page.getByRole('status').filter({ hasText: 'Email is off.' }).textContent(),
    ).toContain(EMAIL_UNAVAILABLE_WARNING)
    await screenshot(page, 'email-off-admin-banner')
    await page.context().close()
  })
})
