#!/usr/bin/env node
/**
 * npm run test:instances — two production instances behind no load balancer, sharing one
 * MongoDB-wire database (FerretDB, .ci/ferretdb.sh) and one Redis (Debian's redis-server), each
 * run as the Docker image runs it: `node server.js` from the standalone output (built with
 * BUILD_STANDALONE=1 when there is none yet). Checks through both instances what issue 17 asks:
 * shared pages, an edit seen by the other instance on its very next request, one sign-in limit
 * over both, Redis going away and coming back, an instance stopped under load, the database going
 * away.
 *
 * Ports: SCALE_PORT (instance A; B is SCALE_PORT + 1, default 3300), SCALE_REDIS_PORT (6390),
 * SCALE_MONGO_PORT (27019); email goes to the Mailpit of SMTP_URL and MAILPIT_URL when both are set,
 * else to one started here on SCALE_SMTP_PORT / SCALE_MAILPIT_PORT (1127 / 8127). Prints one line
 * per check and "N passed, N failed".
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { startMailpit } from './lib/mailpit.mjs'
import { productionEnv, root, runOrExit, seedDemo, tail } from './lib/server.mjs'

const portA = Number(process.env.SCALE_PORT || 3300)
const portB = portA + 1
const redisPort = Number(process.env.SCALE_REDIS_PORT || 6390)
const mongoPort = Number(process.env.SCALE_MONGO_PORT || 27019)
const distDir = process.env.NEXT_DIST_DIR || '.next'
const standalone = path.join(root, distDir, 'standalone')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-instances-'))
const planSlug = 'alcts-strategic-plan-2006-2011'
const sectionPage = '/sections/acquisitions'
const editor = { email: 'editor@example.org', password: 'lodestar-demo' }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const children = new Set()

/** Starts a child process in its own group, output to a log file in the work folder. */
function launch(name, cmd, args, env = {}) {
  const logFile = path.join(work, `${name}.log`)
  const log = fs.openSync(logFile, 'a')
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
    detached: true,
  })
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  )
  const proc = { name, child, logFile, exited, signal: (sig) => signalGroup(child, sig) }
  children.add(proc)
  exited.then(() => children.delete(proc))
  return proc
}

function signalGroup(child, sig) {
  try {
    process.kill(-child.pid, sig)
  } catch (err) {
    if (err.code !== 'ESRCH') throw err
  }
}

async function stop(proc, sig = 'SIGTERM') {
  if (!proc || proc.child.exitCode != null || proc.child.signalCode != null) return
  proc.signal(sig)
  await Promise.race([proc.exited, sleep(15_000)])
  proc.signal('SIGKILL')
}

async function waitForPort(port, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = new net.Socket()
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
      socket.connect(port, '127.0.0.1')
    })
    if (open) return
    await sleep(100)
  }
  throw new Error(`nothing listens on ${port} after ${timeoutMs / 1000} s`)
}

// --- services --------------------------------------------------------------------------------

function startRedis() {
  const dir = path.join(work, 'redis')
  fs.mkdirSync(dir, { recursive: true })
  // append-only file: what Redis held before it went away is there again when it comes back
  return launch('redis', 'redis-server', [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--dir',
    dir,
  ])
}

const ferretdb = spawnSync('bash', ['.ci/ferretdb.sh'], { cwd: root, encoding: 'utf8' })
if (ferretdb.status !== 0) {
  console.error(ferretdb.stderr)
  process.exit(1)
}
const ferretBin = ferretdb.stdout.trim()

function startFerret() {
  const dir = path.join(work, 'ferretdb')
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'state'), { recursive: true })
  return launch('ferretdb', ferretBin, [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/data/`,
    `--state-dir=${dir}/state`,
    `--listen-addr=127.0.0.1:${mongoPort}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=WARN',
  ])
}

/** The standalone server, with the static files the image copies beside it. */
function ensureStandalone() {
  if (!fs.existsSync(path.join(standalone, 'server.js'))) {
    console.log(`No standalone build in ${distDir}/standalone: building (BUILD_STANDALONE=1).`)
    runOrExit('npx', ['next', 'build'], { BUILD_STANDALONE: '1' })
  }
  fs.cpSync(path.join(root, distDir, 'static'), path.join(standalone, distDir, 'static'), {
    recursive: true,
  })
  if (fs.existsSync(path.join(root, 'public'))) {
    fs.cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true })
  }
}

const databaseUri = `mongodb://127.0.0.1:${mongoPort}/lodestar_instances_${Date.now().toString(36)}`
const sharedEnv = {
  LODESTAR_MONGO_COMPAT: 'ferretdb',
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
}

/** Payload's job runner (`npm run jobs`), as production runs it beside the web instances. */
function startJobRunner(name) {
  return launch(
    name,
    'npx',
    // NODE_ENV is production: lexical's production build (docs/architecture.md, "Commands")
    [
      'tsx',
      '--conditions=production',
      '--import',
      './scripts/lib/server-only.mjs',
      'scripts/jobs.ts',
    ],
    { ...productionEnv(portA, databaseUri, sharedEnv), JOBS_INTERVAL_SECONDS: '1' },
  )
}

/** Messages Mailpit holds for one address. */
async function mailTo(address) {
  const res = await fetch(`${sharedEnv.MAILPIT_URL}/api/v1/messages?limit=5000`)
  const { messages } = await res.json()
  return messages.filter((m) => m.To.some((to) => to.Address === address))
}

function startInstance(name, port) {
  const env = {
    ...productionEnv(port, databaseUri, sharedEnv),
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
  }
  const proc = launch(name, 'node', [path.join(standalone, 'server.js')], env)
  proc.url = `http://127.0.0.1:${port}`
  return proc
}

async function waitHealthy(instance, want = (body) => body.redis === 'up', timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (instance.child.exitCode != null) break
    try {
      const res = await fetch(`${instance.url}/api/health`)
      const body = await res.json()
      last = `${res.status} ${JSON.stringify(body)}`
      if (want(body, res.status)) return body
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`${instance.name} health: ${last}`)
}

// --- HTTP helpers ----------------------------------------------------------------------------

async function page(instance, pathname) {
  const res = await fetch(`${instance.url}${pathname}`)
  return { status: res.status, cache: res.headers.get('x-nextjs-cache'), html: await res.text() }
}

/** Requests a page until the instance serves it from the cache (Next stores it after answering). */
async function cached(instance, pathname) {
  for (let i = 0; i < 20; i++) {
    if ((await page(instance, pathname)).cache === 'HIT') return
    await sleep(50)
  }
  throw new Error(`${instance.name} does not cache ${pathname}`)
}

async function signIn(instance) {
  const res = await fetch(`${instance.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(editor),
  })
  if (res.status !== 200) throw new Error(`editor sign-in on ${instance.name}: ${res.status}`)
  return (await res.json()).token
}

async function api(instance, token, method, pathname, body) {
  const res = await fetch(`${instance.url}${pathname}`, {
    method,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json().catch(() => null)
  return { status: res.status, body: json }
}

/** Renames the public sample initiative shown on the Acquisitions section page. */
async function renameInitiative(instance, token, id) {
  const title = `Standards liaison, renamed ${Math.random().toString(36).slice(2, 8)}`
  const res = await api(instance, token, 'PATCH', `/api/initiatives/${id}`, { title })
  if (res.status !== 200) throw new Error(`rename through ${instance.name}: ${res.status}`)
  return title
}

// --- checks ----------------------------------------------------------------------------------

const results = []
async function check(name, fn) {
  const started = Date.now()
  try {
    const note = await fn()
    results.push(true)
    console.log(`  ✓ ${name} (${Date.now() - started} ms)${note ? `: ${note}` : ''}`)
  } catch (err) {
    results.push(false)
    console.log(`  ✗ ${name}: ${err.message}`)
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message)
}

let redis
let mongo
let a
let b
let status = 1
let mailpit
try {
  ensureStandalone()
  if (process.env.SMTP_URL && process.env.MAILPIT_URL) {
    sharedEnv.SMTP_URL = process.env.SMTP_URL
    sharedEnv.MAILPIT_URL = process.env.MAILPIT_URL.replace(/\/$/, '')
  } else {
    mailpit = await startMailpit({
      smtpPort: Number(process.env.SCALE_SMTP_PORT || 1127),
      httpPort: Number(process.env.SCALE_MAILPIT_PORT || 8127),
    })
    sharedEnv.SMTP_URL = mailpit.smtpUrl
    sharedEnv.MAILPIT_URL = mailpit.apiUrl
  }
  redis = startRedis()
  mongo = startFerret()
  await waitForPort(redisPort)
  await waitForPort(mongoPort)
  console.log(`Seeding ${databaseUri} …`)
  seedDemo(productionEnv(portA, databaseUri, sharedEnv))
  a = startInstance('A', portA)
  b = startInstance('B', portB)
  await Promise.all([waitHealthy(a), waitHealthy(b)])
  console.log(
    `Instances A ${a.url} and B ${b.url} share Redis :${redisPort} and FerretDB :${mongoPort}.`,
  )

  const token = await signIn(a)
  const acquisitions = (
    await api(a, token, 'GET', '/api/sections?where[slug][equals]=acquisitions')
  ).body.docs[0]
  const initiative = (
    await api(
      a,
      token,
      'GET',
      `/api/initiatives?limit=1&depth=0&where[section][equals]=${acquisitions.id}&where[visibility][equals]=public`,
    )
  ).body.docs[0]

  await check('health: 200 on both, database up, Redis up', async () => {
    for (const instance of [a, b]) {
      const res = await fetch(`${instance.url}/api/health`)
      const body = await res.json()
      expect(res.status === 200, `${instance.name}: ${res.status}`)
      expect(
        body.database === 'up' && body.redis === 'up',
        `${instance.name}: ${JSON.stringify(body)}`,
      )
    }
  })

  await check('a page rendered by A is served by B from the shared cache', async () => {
    await cached(a, '/sections/cataloging')
    const second = await page(b, '/sections/cataloging')
    expect(second.status === 200, `${second.status}`)
    expect(second.cache === 'HIT', `B's first request was a ${second.cache}, not a HIT`)
  })

  await check(
    "an edit saved through A is on B's public pages on the very next request",
    async () => {
      const pages = [sectionPage, `/plans/${planSlug}`]
      const rounds = 5
      for (let i = 0; i < rounds; i++) {
        // B holds the pages (rendered and cached) before the edit
        for (const p of pages) await cached(b, p)
        const title = await renameInitiative(a, token, initiative.id)
        const seen = await page(b, sectionPage)
        expect(seen.html.includes(title), `round ${i + 1}: B still shows the old title`)
      }
      return `${rounds} edits in a row`
    },
  )

  await check('failed sign-ins spread over both instances hit one limit', async () => {
    // one client (as the reverse proxy names it) guessing one member's password, A, B, A, B, A:
    // five failures in all, so the sixth is refused on either instance (each alone has seen 3 or 2)
    const client = '198.51.100.17'
    const statuses = []
    let last
    for (let i = 0; i < 6; i++) {
      const instance = i % 2 === 0 ? a : b
      last = await fetch(`${instance.url}/api/members/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ username: '100001', password: `wrong-${i}` }),
      })
      statuses.push(`${instance.name}:${last.status}`)
      await last.arrayBuffer()
    }
    expect(
      statuses.join(' ') === 'A:401 B:401 A:401 B:401 A:401 B:429',
      `statuses ${statuses.join(' ')}`,
    )
    const retryAfter = Number(last.headers.get('retry-after'))
    expect(retryAfter > 14 * 60, `Retry-After ${retryAfter}`)
    // the member themselves, from another address, still gets in on either instance
    for (const instance of [a, b]) {
      const res = await fetch(`${instance.url}/api/members/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.18' },
        body: JSON.stringify({ username: '100001', password: editor.password }),
      })
      expect(res.status === 200, `${instance.name}: the member's own sign-in got ${res.status}`)
    }
    return statuses.join(' ')
  })

  await check(
    'a cycle opened through A, edited through B, with two job runners: each notice sent once',
    async () => {
      // two runners on purpose: however many run, the notification keys send each notice once
      const runners = [startJobRunner('jobs-1'), startJobRunner('jobs-2')]
      try {
        const admin = await fetch(`${a.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@example.org', password: editor.password }),
        }).then((res) => res.json())
        // a section with an initiative to report on (published, planned or in progress)
        const reportable = (
          await api(
            a,
            token,
            'GET',
            '/api/initiatives?limit=1&depth=0&where[_status][equals]=published&where[status][in]=planned,in-progress',
          )
        ).body.docs[0]
        expect(reportable, 'no initiative to report on')
        const reporter = `reporter.${Date.now().toString(36)}@example.org`
        const created = await api(a, admin.token, 'POST', '/api/users', {
          email: reporter,
          name: 'Rory Reporter',
          roles: ['section-editor'],
          sections: [reportable.section],
          password: 'a-long-password-for-rory',
        })
        expect(created.status === 201, `section editor: ${created.status}`)
        const plan = (
          await api(a, token, 'GET', `/api/plans?depth=0&where[slug][equals]=${planSlug}`)
        ).body.docs[0]
        // one open cycle per plan: the demo history's open one is closed first (through A)
        const open = await api(
          a,
          token,
          'GET',
          `/api/cycles?depth=0&where[plan][equals]=${plan.id}&where[state][equals]=open`,
        )
        for (const doc of open.body.docs) {
          const closed = await api(a, token, 'PATCH', `/api/cycles/${doc.id}`, { state: 'closed' })
          expect(closed.status === 200, `closing ${doc.name}: ${closed.status}`)
        }
        const cycle = await api(a, token, 'POST', '/api/cycles', {
          name: 'Two-instance cycle',
          plan: plan.id,
          asOf: '2026-12-31',
          dueOn: '2027-06-30',
          state: 'open',
        })
        expect(cycle.status === 201, `cycle: ${cycle.status} ${JSON.stringify(cycle.body)}`)
        const edited = await api(b, token, 'PATCH', `/api/cycles/${cycle.body.doc.id}`, {
          instructions: 'Edited through B.',
        })
        expect(edited.status === 200, `cycle edit through B: ${edited.status}`)
        const deadline = Date.now() + 90_000
        while ((await mailTo(reporter)).length === 0 && Date.now() < deadline) await sleep(500)
        expect((await mailTo(reporter)).length > 0, 'no notice within 90 s')
        // several more passes of both runners (one a second): still one message
        await sleep(5_000)
        const mail = await mailTo(reporter)
        expect(
          mail.length === 1,
          `${mail.length} notices: ${mail.map((m) => m.Subject).join(' | ')}`,
        )
        return `"${mail[0].Subject}"`
      } finally {
        for (const runner of runners) await stop(runner)
      }
    },
  )

  await check('Redis going away: both keep serving, health says degraded', async () => {
    await cached(b, sectionPage) // in Redis, and kept there (append-only file)
    await stop(redis)
    for (const instance of [a, b]) {
      const body = await waitHealthy(
        instance,
        (h, code) => code === 200 && h.redis === 'degraded',
        15_000,
      )
      expect(body.database === 'up', JSON.stringify(body))
      for (const p of [sectionPage, '/', `/plans/${planSlug}`]) {
        const res = await page(instance, p)
        expect(res.status === 200, `${instance.name} ${p}: ${res.status}`)
      }
    }
  })

  let outageTitle
  await check(
    'while Redis is away an edit through A is on A at once (per-instance cache)',
    async () => {
      outageTitle = await renameInitiative(a, token, initiative.id)
      expect((await page(a, sectionPage)).html.includes(outageTitle), 'A shows the old title')
    },
  )

  await check('Redis back: health up on both, the outage edit on both, shared again', async () => {
    redis = startRedis()
    await Promise.all([waitHealthy(a, undefined, 20_000), waitHealthy(b, undefined, 20_000)])
    for (const instance of [a, b]) {
      expect(
        (await page(instance, sectionPage)).html.includes(outageTitle),
        `${instance.name}: stale page`,
      )
    }
    const title = await renameInitiative(b, token, initiative.id)
    expect((await page(a, sectionPage)).html.includes(title), 'an edit through B is not on A')
    await cached(b, '/sections/preservation')
    const second = await page(a, '/sections/preservation')
    expect(second.cache === 'HIT', `A's first request was a ${second.cache}`)
  })

  await check(
    'stopping A under load: no accepted write lost, in-flight write finished, B serves',
    async () => {
      const run = Date.now().toString(36)
      const outcomes = []
      let stopAt = 0
      let load = true
      const writer = async (worker) => {
        for (let i = 0; load; i++) {
          const target = i % 2 === 0 ? a : b
          const name = `Load ${run} ${worker}-${i}`
          const sent = Date.now()
          try {
            const res = await api(target, token, 'POST', '/api/sections', {
              name,
              kind: 'committee',
            })
            outcomes.push({ target: target.name, name, status: res.status, sent, done: Date.now() })
          } catch (err) {
            outcomes.push({
              target: target.name,
              name,
              error: err.cause?.code ?? err.message,
              sent,
            })
            await sleep(20)
          }
        }
      }
      const reader = async () => {
        while (load) {
          try {
            const res = await page(b, sectionPage)
            outcomes.push({ target: 'B', read: true, status: res.status })
          } catch (err) {
            outcomes.push({ target: 'B', read: true, error: err.cause?.code ?? err.message })
          }
        }
      }
      const workers = [writer(1), writer(2), writer(3), reader()]
      await sleep(1_500)
      // a write that A has begun to receive (half its body sent) when it is told to stop
      const slowName = `Load ${run} in-flight`
      const slow = slowPost(a, token, '/api/sections', { name: slowName, kind: 'committee' })
      await slow.started
      stopAt = Date.now()
      a.signal('SIGTERM')
      await sleep(300)
      slow.finish()
      const slowResult = await slow.result
      const exit = await Promise.race([a.exited, sleep(20_000).then(() => 'still running')])
      const exitedAfter = Date.now() - stopAt
      await sleep(1_000)
      load = false
      await Promise.all(workers)

      expect(
        slowResult.status === 201,
        `the in-flight write got ${slowResult.status ?? slowResult.error}`,
      )
      expect(exit === 143 || exit === 0 || exit === 'SIGTERM', `A exited with ${exit}`)
      const accepted = outcomes.filter((o) => !o.read && o.status >= 200 && o.status < 300)
      accepted.push({ name: slowName })
      const byA = outcomes.filter((o) => o.target === 'A' && !o.read)
      const fromB = outcomes.filter((o) => o.target === 'B')
      const badB = fromB.filter((o) => !(o.status >= 200 && o.status < 300))
      expect(
        badB.length === 0,
        `B failed ${badB.length} of ${fromB.length}: ${JSON.stringify(badB[0])}`,
      )
      const serverErrors = byA.filter((o) => o.status >= 500)
      expect(serverErrors.length === 0, `A answered ${serverErrors.length} writes with 5xx`)
      const afterStop = byA.filter((o) => o.sent > stopAt + 100)
      expect(
        afterStop.every((o) => o.error),
        `A accepted ${afterStop.filter((o) => !o.error).length} writes sent after it was stopped`,
      )
      const stored = await api(
        b,
        token,
        'GET',
        `/api/sections?limit=0&depth=0&where[name][like]=Load ${run}`,
      )
      const names = new Set(stored.body.docs.map((d) => d.name))
      const lost = accepted.filter((o) => !names.has(o.name))
      expect(lost.length === 0, `${lost.length} accepted writes missing, e.g. ${lost[0]?.name}`)
      return (
        `${accepted.length} writes accepted (${byA.filter((o) => o.status < 300).length} by A), ` +
        `all stored; A exited within ${exitedAfter} ms of SIGTERM and refused ${afterStop.length} later; ` +
        `B answered ${fromB.length}/${fromB.length}`
      )
    },
  )

  await check(
    'the database going away: health 503 with the reason, cached pages still served',
    async () => {
      await cached(b, sectionPage)
      await stop(mongo)
      const body = await waitHealthy(b, (h, code) => code === 503, 15_000)
      expect(body.database === 'down' && typeof body.reason === 'string', JSON.stringify(body))
      const served = await page(b, sectionPage)
      expect(served.status === 200, `cached page: ${served.status}`)
      return body.reason
    },
  )

  const failed = results.filter((ok) => !ok).length
  console.log(`${results.length - failed} passed, ${failed} failed`)
  status = failed === 0 ? 0 : 1
} catch (err) {
  console.error(err)
  const failed = results.filter((ok) => !ok).length + 1
  console.log(`${results.length - failed + 1} passed, ${failed} failed`)
} finally {
  for (const proc of [...children]) await stop(proc)
  mailpit?.stop()
  if (status !== 0) {
    for (const name of ['A', 'B', 'jobs-1', 'jobs-2', 'redis', 'ferretdb']) {
      const file = path.join(work, `${name}.log`)
      if (fs.existsSync(file)) console.error(`--- ${name} log ---\n${tail(file, 40)}`)
    }
  } else {
    fs.rmSync(work, { recursive: true, force: true })
  }
}
process.exit(status)

/**
 * A POST whose headers and first half of the body go out at once and whose rest waits for
 * finish(): a request the server has accepted and is still receiving.
 */
function slowPost(instance, token, pathname, payload) {
  const body = Buffer.from(JSON.stringify(payload))
  const half = Math.floor(body.length / 2)
  let finish
  let markStarted
  const started = new Promise((resolve) => (markStarted = resolve))
  const result = new Promise((resolve) => {
    const req = http.request(
      `${instance.url}${pathname}`,
      {
        method: 'POST',
        headers: {
          authorization: `JWT ${token}`,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode }))
      },
    )
    req.on('error', (err) => resolve({ error: err.code ?? err.message }))
    req.write(body.subarray(0, half), () => setTimeout(markStarted, 200))
    finish = () => req.end(body.subarray(half))
  })
  return { started, result, finish: () => finish() }
}
