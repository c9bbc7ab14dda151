#!/usr/bin/env node
/**
 * npm run test:dev
 * The README's run command as a new user meets it: `next dev` on an empty database (a temp SQLite
 * file, migrated and seeded on first start, no secrets, no NEXTAUTH_URL, on DEV_SMOKE_PORT, 3106,
 * not 3000), then Chromium (playwright-core) opens the public pages, signs a board member in for the
 * dashboard and an editor in for the admin, and saves an initiative there. Fails on any console
 * error or uncaught exception in a page (React's development build reports what production stays
 * quiet about, such as a hydration mismatch) and on any answer of 400 or more from the site.
 * The production build is what the browser tests (npm run test:e2e) check; this checks the first
 * thing a person does with a fresh clone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium } from 'playwright-core'

import { DEMO_PASSWORD, spawnNext, tail, waitForAnswer } from './lib/server.mjs'

const port = Number(process.env.DEV_SMOKE_PORT || 3106)
const base = `http://localhost:${port}`
const browserPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** the first request compiles the app and seeds the database */
const START_TIMEOUT_MS = 300_000
const PAGE_TIMEOUT_MS = 180_000

// `next dev` moves to another port when this one is taken: this run would then test that server
if (
  await fetch(`${base}/`).then(
    () => true,
    () => false,
  )
) {
  console.error(`Something already answers on ${base}: stop it or set DEV_SMOKE_PORT.`)
  process.exit(1)
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-dev-'))
const logFile = path.join(dir, 'dev.log')
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
// what a fresh clone has: none of these (the site's address comes from the port Next listens on)
for (const name of [
  'NODE_ENV',
  'NEXT_DIST_DIR',
  'NEXTAUTH_URL',
  'SERVER_URL',
  'PAYLOAD_SECRET',
  'NEXTAUTH_SECRET',
  'DEMO_PASSWORD',
  'REDIS_URL',
  'SMTP_URL',
  'MAILPIT_URL',
]) {
  delete env[name]
}
env.DATABASE_URI = `file:${path.join(dir, 'dev.db')}`
env.LODESTAR_SECRETS_FILE = path.join(dir, 'secrets.json')
env.REPORT_ARCHIVE_DIR = path.join(dir, 'reports')

const { server, stop } = spawnNext(['dev', '-p', String(port)], { env, logFile })
process.on('SIGINT', () => {
  stop()
  process.exit(130)
})

/** what went wrong, page by page */
const problems = []
let step = 'start'
const started = Date.now()
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`

async function waitForServer() {
  // any answer ends the wait: a 4xx or 5xx from the first page fails at once
  const status = await waitForAnswer(`${base}/`, {
    server,
    timeoutMs: START_TIMEOUT_MS,
    everyMs: 1_000,
    accept: (answered) => answered === 200 || answered >= 400,
  })
  if (server.exitCode != null) throw new Error(`next dev exited with ${server.exitCode}`)
  if (status === 0) throw new Error(`next dev did not answer within ${START_TIMEOUT_MS / 1000} s`)
  if (status !== 200) throw new Error(`GET / answered ${status}`)
}

/** @param {import('playwright-core').Page} page */
function watch(page) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${step}: console error: ${message.text()}`)
  })
  page.on('pageerror', (err) => problems.push(`${step}: uncaught: ${err.message}`))
  page.on('response', (res) => {
    if (res.status() >= 400 && res.url().startsWith(base)) {
      problems.push(`${step}: ${res.status()} for ${res.request().method()} ${res.url()}`)
    }
  })
}

/** @param {import('playwright-core').Page} page @param {string} where */
async function visit(page, where) {
  step = where
  await page.goto(base + where, { waitUntil: 'networkidle', timeout: PAGE_TIMEOUT_MS })
  // hydration and the account slot's request run after the load
  await page.waitForTimeout(1_000)
  console.log(`  ${where} (${seconds()})`)
}

let status = 1
let browser
try {
  console.log(`next dev on ${base}, database ${env.DATABASE_URI} …`)
  await waitForServer()
  console.log(`  first page served (${seconds()})`)
  browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] })

  const visitor = await browser.newPage()
  watch(visitor)
  await visit(visitor, '/')
  const planPath = await visitor.locator('a[href^="/plans/"]').first().getAttribute('href')
  const sectionPath = await visitor.locator('a[href^="/sections/"]').first().getAttribute('href')
  if (!planPath || !sectionPath) throw new Error('the home page links no plan or no section')
  await visit(visitor, planPath)
  await visit(visitor, `${planPath}/goals/1`)
  await visit(visitor, sectionPath)

  const member = await browser.newPage()
  watch(member)
  await visit(member, '/login')
  step = 'member sign-in'
  await member.getByLabel('Member number').fill('100002')
  await member.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await member.getByRole('button', { name: 'Sign in', exact: true }).click()
  await member.waitForURL(/\/dashboard/, { timeout: PAGE_TIMEOUT_MS })
  await visit(member, '/dashboard')
  await visit(member, '/reports')

  const editor = await browser.newPage()
  watch(editor)
  await visit(editor, '/admin')
  step = 'editor sign-in'
  await editor.getByLabel('Email').fill('editor@example.org')
  await editor.getByLabel('Password').fill(DEMO_PASSWORD)
  await editor.getByRole('button', { name: 'Login' }).click()
  await editor.waitForURL((url) => !url.pathname.includes('/login'), {
    timeout: PAGE_TIMEOUT_MS,
  })
  await visit(editor, '/admin/collections/initiatives')
  const initiative = await editor.locator('table tbody tr a').first().getAttribute('href')
  if (!initiative) throw new Error('the admin lists no initiative')
  await visit(editor, initiative)
  step = 'saving an initiative'
  const lead = editor.locator('#field-lead')
  await lead.fill(`${await lead.inputValue()} (checked)`)
  const saved = editor
    .waitForResponse(
      (res) => res.url().includes('/api/initiatives/') && res.request().method() === 'PATCH',
      { timeout: PAGE_TIMEOUT_MS },
    )
    .catch(() => null)
  await editor.getByRole('button', { name: 'Save Draft' }).click()
  const answer = await saved
  if (!answer) throw new Error('the admin sent no save for the initiative')
  console.log(`  saved an initiative: ${answer.status()} (${seconds()})`)

  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) on the development server:`)
    for (const problem of problems) console.error(`- ${problem.slice(0, 2_000)}`)
  } else {
    console.log(`\nnpm run dev: every page and the save answered without an error (${seconds()}).`)
    status = 0
  }
} catch (err) {
  console.error(`\n${step}: ${err.stack ?? err}`)
  for (const problem of problems) console.error(`- ${problem.slice(0, 2_000)}`)
} finally {
  await browser?.close()
  stop()
  if (status !== 0) console.error(`\nnext dev log (${logFile}):\n${tail(logFile)}`)
}
process.exit(status)
