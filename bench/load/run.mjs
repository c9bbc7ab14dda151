#!/usr/bin/env node
/**
 * npm run bench:load [-- --seconds 60]
 * npm run bench:load -- --mix [--seconds 60]      the mixed load of issue #16
 * npm run bench:load -- --soak [--minutes 10]     the same mix for minutes, sampling the server's memory
 * npm run bench:load -- --cost [--rounds 40]      the server's CPU per request of each kind in the mix
 *
 * A bounded abuse and load run against the production build, on loopback only (issue 13): seeds
 * a fresh temp SQLite database with the demo accounts, starts `next start` on 127.0.0.1:$BENCH_PORT
 * (3103; builds first when there is no build), then for --seconds (default 60, at most 120) runs
 * at once:
 *   - anonymous readers on every kind of public page (home, plan, goal area, section, plan PDF,
 *     sign-in) and the public REST API;
 *   - members (signed in through next-auth) on the dashboard and the coverage API;
 *   - a board member downloading the progress report;
 *   - an editor saving initiatives several times a second (REST, staff token);
 *   - an attacker guessing passwords on the REST and site sign-ins.
 * It prints per-route counts, status codes and p50/p99 latency, and fails (exit 1) on any 5xx,
 * any 429 for anyone but the attacker, any lost write (each initiative's last saved value is read
 * back at the end) or any members-only initiative in an anonymous answer. Bounded: at most
 * MAX_REQUESTS requests in all; the server is stopped at the end. Not part of `npm test`.
 *
 * --mix (issue #16): six anonymous readers on the public pages (home, plan, goal areas,
 * sections), one member on the dashboard, one on the coverage API, one board member downloading
 * the progress report in a loop and one editor saving initiatives in a loop. It prints public
 * p50/p99, dashboard p50/p99, the report's and the errors, against the targets (public p99
 * ≤ 300 ms, dashboard p99 ≤ 1 s, 0 errors); it fails on errors only (times depend on the machine).
 * --soak runs that mix for --minutes (default 10) and samples the server's resident memory (every
 * process of `next start`, PDF workers included) every 15 s: after the first minute it should
 * plateau. --cost asks for each kind of request in the mix one at a time (a cached page, a save,
 * a page rendered again after a save, the dashboard, …) and prints the server's CPU per request
 * (every thread, from schedstat) and the median time: unlike the mix's latencies, which swing by
 * a third between runs of the same build on a shared machine, these compare two builds. See
 * bench/load/README.md for figures.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  ensureBuild,
  productionEnv,
  seedDemo,
  startServer,
  tail,
} from '../../scripts/lib/server.mjs'

const HOST = '127.0.0.1'
const PLAN = 'alcts-strategic-plan-2006-2011'
const PASSWORD = 'lodestar-demo'

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const soak = process.argv.includes('--soak')
const mix = soak || process.argv.includes('--mix')
const costs = process.argv.includes('--cost')
const rounds = Math.min(200, Math.max(5, Number(option('rounds', 40)) || 40))
const seconds = soak
  ? Math.max(1, Number(option('minutes', 10)) || 10) * 60
  : Math.min(120, Math.max(5, Number(option('seconds', 60)) || 60))
const MAX_REQUESTS = soak ? 2_000_000 : 50_000
const port = Number(process.env.BENCH_PORT || 3103)
const base = `http://${HOST}:${port}`

// ---------------------------------------------------------------------------------------------
// Recording
// ---------------------------------------------------------------------------------------------

/** route → { who, statuses: Map, times: number[] } */
const routes = new Map()
const failures = []
let requests = 0
let stopAt = Infinity
const running = () => Date.now() < stopAt && requests < MAX_REQUESTS

function record(route, who, status, ms) {
  const key = `${who.padEnd(9)} ${route}`
  let entry = routes.get(key)
  if (!entry) {
    entry = { who, statuses: new Map(), times: [] }
    routes.set(key, entry)
  }
  entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1)
  entry.times.push(ms)
  if (status >= 500) failures.push(`${who} ${route}: ${status}`)
  if (status === 429 && who !== 'attacker') failures.push(`${who} ${route}: 429 (rate-limited)`)
}

/** One request, timed and recorded; `status` 0 is a network error. */
async function hit(who, route, url, init = {}) {
  requests++
  const started = performance.now()
  let res
  try {
    res = await fetch(`${base}${url}`, { redirect: 'manual', ...init })
  } catch (err) {
    record(route, who, 0, performance.now() - started)
    failures.push(`${who} ${route}: ${err.message}`)
    return { status: 0, headers: new Headers(), text: '' }
  }
  const body = await res.arrayBuffer()
  record(route, who, res.status, performance.now() - started)
  return { status: res.status, headers: res.headers, text: Buffer.from(body).toString('utf8') }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const pick = (items) => items[Math.floor(Math.random() * items.length)]

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

const cookieHeader = (setCookies) => setCookies.map((c) => c.split(';')[0]).join('; ')

/** Signs a member in through next-auth (the site's form) and returns their cookie header. */
async function memberSession(who, memberNumber, password = PASSWORD) {
  const csrf = await hit(who, 'GET /api/auth/csrf', '/api/auth/csrf')
  const csrfCookies = cookieHeader(csrf.headers.getSetCookie())
  const { csrfToken } = JSON.parse(csrf.text)
  const res = await hit(
    who,
    'POST /api/auth/callback/credentials',
    '/api/auth/callback/credentials',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: csrfCookies,
        origin: base,
      },
      body: new URLSearchParams({
        csrfToken,
        memberNumber,
        password,
        callbackUrl: `${base}/dashboard`,
        json: 'true',
      }),
    },
  )
  const cookies = res.headers.getSetCookie()
  const session = cookies.find((c) => c.startsWith('next-auth.session-token='))
  return { status: res.status, cookie: session ? cookieHeader([session]) : null }
}

async function staffToken(email) {
  const res = await hit('editor', 'POST /api/users/login', '/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (res.status !== 200) throw new Error(`staff sign-in of ${email}: ${res.status} ${res.text}`)
  return JSON.parse(res.text).token
}

// ---------------------------------------------------------------------------------------------
// The actors
// ---------------------------------------------------------------------------------------------

const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function checkNoLeak(route, text, hidden) {
  for (const title of hidden) {
    if (
      text.includes(title) ||
      text.includes(escapeHtml(title)) ||
      text.includes(JSON.stringify(title).slice(1, -1))
    )
      failures.push(`anonymous ${route} shows the members-only initiative "${title}"`)
  }
}

async function anonymousReader(pages, hidden) {
  while (running()) {
    const [route, url, checked] = pick(pages)
    const res = await hit('anonymous', route, url, {
      headers: { accept: 'text/html,application/json' },
    })
    if (checked && res.status === 200) checkNoLeak(route, res.text, hidden)
  }
}

async function memberReader(who, cookie) {
  const pages = [
    ['GET /dashboard', '/dashboard'],
    ['GET /dashboard/<plan>', `/dashboard/${PLAN}`],
    ['GET /api/plans/<plan>/coverage', `/api/plans/${PLAN}/coverage`],
    ['GET /api/plans/<plan>/coverage?status', `/api/plans/${PLAN}/coverage?status=in-progress`],
    ['GET /api/viewer', '/api/viewer'],
  ]
  while (running()) {
    const [route, url] = pick(pages)
    const res = await hit(who, route, url, { headers: { cookie } })
    if (res.status !== 200) failures.push(`${who} ${route}: ${res.status}, expected 200`)
  }
}

async function boardReader(cookie) {
  while (running()) {
    const res = await hit(
      'board',
      'GET /reports/<plan>/progress.pdf',
      `/reports/${PLAN}/progress.pdf`,
      {
        headers: { cookie },
      },
    )
    if (res.status !== 200) failures.push(`board progress report: ${res.status}, expected 200`)
  }
}

/** The editor saves an initiative's `lead` (REST, staff token); `saved` keeps what was acknowledged. */
async function saveLead(token, id, value, saved) {
  const res = await hit('editor', 'PATCH /api/initiatives/<id>', `/api/initiatives/${id}?depth=0`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, origin: base },
    body: JSON.stringify({ lead: value }),
  })
  if (res.status === 200) saved.set(id, value)
  return res
}

/** Saves `lead` on a few initiatives, ~5 times a second, remembering each one's last saved value. */
async function editor(token, ids, saved) {
  let n = 0
  while (running()) {
    const started = Date.now()
    const id = ids[n % ids.length]
    const value = `load-${n}-${Date.now()}`
    n++
    const res = await saveLead(token, id, value, saved)
    if (res.status !== 200)
      failures.push(`editor save of initiative ${id}: ${res.status} ${res.text.slice(0, 200)}`)
    await sleep(Math.max(0, 200 - (Date.now() - started)))
  }
}

/** Wrong passwords on the staff and member REST sign-ins and the site's form, one at a time. */
async function attacker() {
  let n = 0
  while (running()) {
    n++
    const guess = `guess-${n}`
    const kind = n % 3
    if (kind === 0) {
      await hit('attacker', 'POST /api/users/login', '/api/users/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'admin@example.org', password: guess }),
      })
    } else if (kind === 1) {
      await hit('attacker', 'POST /api/members/login', '/api/members/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ username: String(100003 + (n % 50)), password: guess }),
      })
    } else {
      await memberSession('attacker', String(100100 + (n % 50)), guess)
    }
  }
}

/** One person asking for one address in a loop, as fast as answers come; anything but 200 fails. */
async function looping(who, route, url, cookie) {
  while (running()) {
    const res = await hit(who, route, url, { headers: { cookie } })
    if (res.status !== 200) failures.push(`${who} ${route}: ${res.status}, expected 200`)
  }
}

/** CPU seconds (user + system) used so far by every process in the server's process group (Linux). */
function serverCpuSeconds(pgid) {
  const ticksPerSecond = 100 // USER_HZ
  let ticks = 0
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    // after the command's closing parenthesis: state ppid pgrp … utime (14th field) stime (15th)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / ticksPerSecond
}

/** Resident memory of every process in the server's process group (next start, its workers), MB. */
function serverRssMb(pgid) {
  const out = execFileSync('ps', ['-eo', 'pgid=,rss='], { encoding: 'utf8' })
  let kb = 0
  for (const line of out.trim().split('\n')) {
    const [group, rss] = line.trim().split(/\s+/).map(Number)
    if (group === pgid) kb += rss
  }
  return kb / 1024
}

/**
 * CPU time in ns used so far by every thread of every process in the server's process group
 * (Linux schedstat: nanoseconds, where /proc/<pid>/stat counts 10 ms ticks), and by the server's
 * main thread alone (`main`: the one event loop every request waits for). A thread that ends
 * between two readings takes its time with it (the PDF workers idle out after minutes).
 */
function serverCpuNs(pgid) {
  let ns = 0
  let main = 0
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue
      const isServer = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('next-server')
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        const used = Number(
          fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0],
        )
        ns += used
        if (isServer && task === pid) main += used
      }
    } catch {
      continue // ended meanwhile
    }
  }
  return { ns, main }
}

/**
 * --cost: what one request of each kind costs the server, one request at a time on an otherwise
 * idle server (no other client): the server's CPU per request (all its threads, and its main
 * thread alone) and the median answer time. `prepare` runs unmeasured before each request (a save, for a page it expires).
 */
async function measureCosts(kinds) {
  console.log(
    `\nCost of one request, ${rounds} rounds each, one at a time (load average ${os.loadavg()[0].toFixed(1)})`,
  )
  console.log(
    `${'kind'.padEnd(44)} ${'CPU ms'.padStart(8)} ${'main ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'status'.padStart(7)}`,
  )
  const rows = []
  for (const { label, prepare, request } of kinds) {
    await prepare?.(-1)
    await request(-1) // once unmeasured: the route is compiled, its cache filled
    let cpu = 0
    let main = 0
    const times = []
    const statuses = new Set()
    for (let i = 0; i < rounds; i++) {
      if (prepare) {
        await prepare(i)
        await sleep(50) // what a save does after its answer (expiring tags) is not the page's
      }
      const before = serverCpuNs(server.pid)
      const started = performance.now()
      const status = await request(i)
      times.push(performance.now() - started)
      await sleep(20) // what the request does after its answer is its own
      const after = serverCpuNs(server.pid)
      cpu += after.ns - before.ns
      main += after.main - before.main
      statuses.add(status)
    }
    times.sort((a, b) => a - b)
    const row = {
      label,
      cpuMs: cpu / 1e6 / rounds,
      mainMs: main / 1e6 / rounds,
      p50: percentile(times, 50),
      statuses,
    }
    rows.push(row)
    console.log(
      `${label.padEnd(44)} ${row.cpuMs.toFixed(1).padStart(8)} ${row.mainMs.toFixed(1).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${[...statuses].join(',').padStart(7)}`,
    )
    for (const status of statuses) {
      if (status !== 200) failures.push(`${label}: ${status}, expected 200`)
    }
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** The mixed load's figures against issue #16's targets. */
function mixReport() {
  const times = (who) =>
    [...routes.entries()]
      .map(([key, entry]) => ({ key, ...entry }))
      .filter((entry) => entry.who === who && !entry.key.endsWith('(setup)'))
      .flatMap((entry) => entry.times)
      .sort((a, b) => a - b)
  const line = (label, who) => {
    const sorted = times(who)
    console.log(
      `${label.padEnd(34)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 99).toFixed(0).padStart(8)}`,
    )
    return sorted
  }
  console.log(
    `\n${'mixed load'.padEnd(34)} ${'count'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  )
  const publicTimes = line('public pages (6 anonymous readers)', 'anonymous')
  const dashboard = line('dashboard (1 member)', 'dashboard')
  line('coverage API (1 member)', 'coverage')
  line('board report PDF (1 board member)', 'board')
  line('initiative saves (1 editor)', 'editor')
  const errors = failures.length
  const verdict = (ok) => (ok ? 'met' : 'MISSED')
  console.log(
    `targets: public p99 ${percentile(publicTimes, 99).toFixed(0)} ms ≤ 300 ms ${verdict(percentile(publicTimes, 99) <= 300)}; ` +
      `dashboard p99 ${percentile(dashboard, 99).toFixed(0)} ms ≤ 1000 ms ${verdict(percentile(dashboard, 99) <= 1000)}; ` +
      `errors ${errors} ${verdict(errors === 0)}`,
  )
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  )
}

function report() {
  const rows = [...routes.entries()].sort(([a], [b]) => a.localeCompare(b))
  console.log(
    `\n${'who       route'.padEnd(58)} ${'count'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  statuses`,
  )
  for (const [key, { statuses, times }] of rows) {
    const sorted = [...times].sort((a, b) => a - b)
    const codes = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ')
    console.log(
      `${key.padEnd(58)} ${String(times.length).padStart(6)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 99).toFixed(0).padStart(8)}  ${codes}`,
    )
  }
}

ensureBuild()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-load-'))
const env = productionEnv(port, `file:${path.join(dir, 'load.db')}`, { NEXTAUTH_URL: base })
console.log(`Seeding ${env.DATABASE_URI} …`)
seedDemo(env)
const server = await startServer({ port, host: HOST, env, logFile: path.join(dir, 'server.log') })
process.on('SIGINT', () => {
  server.stop()
  process.exit(130)
})

let status = 1
/** CPU at the start of the mix, and what the load generator and the server used during it */
let cpuAtStart
let cpuUse
try {
  // everyone legitimate signs in first, before the attacker trips any per-client limit
  const token = await staffToken('editor@example.org')
  const member = await memberSession('member', '100001')
  const board = await memberSession('board', '100002')
  if (!member.cookie || !board.cookie) throw new Error('member sign-in through the site failed')

  const all = JSON.parse(
    (
      await hit(
        'editor',
        'GET /api/initiatives (setup)',
        '/api/initiatives?depth=0&pagination=false',
        {
          headers: { authorization: `JWT ${token}` },
        },
      )
    ).text,
  ).docs
  const hidden = all
    .filter((i) => i.visibility !== 'public' || i._status !== 'published')
    .map((i) => i.title)
  const editable = all
    .filter((i) => i._status === 'published')
    .slice(0, 6)
    .map((i) => i.id)
  const goals = JSON.parse(
    (await hit('anonymous', 'GET /api/goals (setup)', '/api/goals?depth=0&limit=5')).text,
  ).docs
  const sections = JSON.parse(
    (await hit('anonymous', 'GET /api/sections (setup)', '/api/sections?depth=0&limit=5')).text,
  ).docs
  if (hidden.length === 0 || editable.length === 0 || goals.length === 0 || sections.length === 0)
    throw new Error('the seeded plan is not what the load run expects')

  const pages = [
    ['GET /', '/', true],
    ['GET /plans/<plan>', `/plans/${PLAN}`, true],
    ...goals.map((g) => ['GET /plans/<plan>/goals/<n>', `/plans/${PLAN}/goals/${g.number}`, true]),
    ...sections.map((s) => ['GET /sections/<section>', `/sections/${s.slug}`, true]),
    ['GET /plans/<plan>/plan.pdf', `/plans/${PLAN}/plan.pdf`, false],
    ['GET /login', '/login', false],
    ['GET /api/initiatives', '/api/initiatives?depth=1&limit=100', true],
    ['GET /api/initiatives?pagination=false', '/api/initiatives?pagination=false&depth=3', true],
    ['GET /api/plans/<plan>/coverage', `/api/plans/${PLAN}/coverage`, true],
    ['GET /does-not-exist', '/does-not-exist', false],
  ]

  const saved = new Map()
  if (costs) {
    // one published initiative, its section page and the page of a goal area it serves
    const id = editable[0]
    const doc = JSON.parse(
      (
        await hit('editor', 'GET /api/initiatives/<id> (setup)', `/api/initiatives/${id}?depth=2`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).text,
    )
    const sectionPage = `/sections/${doc.section.slug}`
    const goalPage = `/plans/${PLAN}/goals/${doc.objectives[0].goal.number}`
    const get = (who, route, url, cookie) => async () =>
      (await hit(who, route, url, cookie ? { headers: { cookie } } : {})).status
    let n = 0
    const save = async () => (await saveLead(token, id, `cost-${n++}-${Date.now()}`, saved)).status
    const pageShows = (url) => async () => {
      const res = await hit('anonymous', 'GET (after a save)', url)
      if (!res.text.includes(saved.get(id))) failures.push(`${url} does not show the saved lead`)
      return res.status
    }
    await measureCosts([
      { label: 'home page (cached)', request: get('anonymous', 'GET /', '/') },
      {
        label: 'plan page (cached)',
        request: get('anonymous', 'GET /plans/<plan>', `/plans/${PLAN}`),
      },
      { label: 'goal-area page (cached)', request: get('anonymous', 'GET goal', goalPage) },
      { label: 'section page (cached)', request: get('anonymous', 'GET section', sectionPage) },
      // the header's account slot asks this after every public page view
      {
        label: 'who is signed in (signed out)',
        request: get('anonymous', 'GET /api/viewer', '/api/viewer'),
      },
      { label: 'initiative save (lead, REST)', request: save },
      {
        label: 'goal-area page after a save (render)',
        prepare: save,
        request: pageShows(goalPage),
      },
      {
        label: 'section page after a save (render)',
        prepare: save,
        request: pageShows(sectionPage),
      },
      {
        label: 'dashboard (member, warm)',
        request: get('dashboard', 'GET /dashboard/<plan>', `/dashboard/${PLAN}`, member.cookie),
      },
      {
        label: 'coverage API (member, warm)',
        request: get('coverage', 'GET coverage', `/api/plans/${PLAN}/coverage`, member.cookie),
      },
      {
        label: 'board report PDF (cached)',
        request: get('board', 'GET progress.pdf', `/reports/${PLAN}/progress.pdf`, board.cookie),
      },
    ])
  }
  /** [seconds since the start, server RSS MB] every 15 s (--soak) */
  const memory = []
  let sampler
  if (costs) {
    // measured above
  } else if (mix) {
    const publicPages = pages.filter(([route]) =>
      /^GET \/(plans\/<plan>(\/goals\/<n>)?|sections\/<section>)?$/.test(route),
    )
    console.log(
      `Mixed load for ${seconds} s on ${base} (load average ${os.loadavg()[0].toFixed(1)}) …`,
    )
    const started = Date.now()
    stopAt = started + seconds * 1000
    cpuAtStart = { bench: process.cpuUsage(), server: serverCpuSeconds(server.pid) }
    if (soak) {
      const sample = () =>
        memory.push([Math.round((Date.now() - started) / 1000), serverRssMb(server.pid)])
      sample()
      sampler = setInterval(sample, 15_000)
    }
    await Promise.all([
      ...Array.from({ length: 6 }, () => anonymousReader(publicPages, hidden)),
      looping('dashboard', 'GET /dashboard/<plan>', `/dashboard/${PLAN}`, member.cookie),
      looping(
        'coverage',
        'GET /api/plans/<plan>/coverage',
        `/api/plans/${PLAN}/coverage`,
        member.cookie,
      ),
      boardReader(board.cookie),
      editor(token, editable, saved),
    ])
    clearInterval(sampler)
    const elapsed = (Date.now() - started) / 1000
    const bench = process.cpuUsage(cpuAtStart.bench)
    cpuUse = {
      elapsed,
      bench: (bench.user + bench.system) / 1e6,
      server: serverCpuSeconds(server.pid) - cpuAtStart.server,
    }
    if (soak) memory.push([Math.round((Date.now() - started) / 1000), serverRssMb(server.pid)])
  } else {
    console.log(`Load for ${seconds} s on ${base} …`)
    stopAt = Date.now() + seconds * 1000
    await Promise.all([
      ...Array.from({ length: 4 }, () => anonymousReader(pages, hidden)),
      memberReader('member', member.cookie),
      memberReader('board', board.cookie),
      boardReader(board.cookie),
      editor(token, editable, saved),
      attacker(),
    ])
  }

  // every acknowledged save is there
  for (const [id, value] of saved) {
    const res = await hit(
      'editor',
      'GET /api/initiatives/<id> (check)',
      `/api/initiatives/${id}?depth=0`,
      {
        headers: { authorization: `JWT ${token}` },
      },
    )
    const lead = JSON.parse(res.text).lead
    if (lead !== value)
      failures.push(`lost write: initiative ${id} has lead "${lead}", last saved "${value}"`)
  }
  if (!costs) report()
  if (mix && !costs) mixReport()
  if (cpuUse) {
    const share = (s) =>
      `${s.toFixed(1)} s (${((100 * s) / cpuUse.elapsed).toFixed(0)} % of one core)`
    console.log(
      `CPU during the mix (2 cores = 200 %): the server ${share(cpuUse.server)}, this load generator ${share(cpuUse.bench)}`,
    )
  }
  if (soak) {
    console.log('\nserver memory (RSS of every process of next start, MB)')
    for (const [at, mb] of memory)
      console.log(`  ${String(at).padStart(5)} s  ${mb.toFixed(0).padStart(6)}`)
    const afterMinute = memory.filter(([at]) => at >= 60)
    const [first] = afterMinute
    const last = memory[memory.length - 1]
    const peak = Math.max(...afterMinute.map(([, mb]) => mb))
    if (first && last) {
      console.log(
        `after the first minute: ${first[1].toFixed(0)} MB at ${first[0]} s, peak ${peak.toFixed(0)} MB, ${last[1].toFixed(0)} MB at the end (${(last[1] - first[1] >= 0 ? '+' : '') + (last[1] - first[1]).toFixed(0)} MB)`,
      )
    }
  }
  console.log(
    `\n${requests} requests${costs ? '' : ` in ${seconds} s`}; ${saved.size} initiatives written, all read back.`,
  )
  if (failures.length) {
    const unique = [...new Set(failures)]
    console.error(`\nFAILED (${failures.length}):\n  ${unique.slice(0, 40).join('\n  ')}`)
    console.error(`\nServer log (${server.logFile}):\n${tail(server.logFile, 40)}`)
  } else {
    console.log(
      'No 5xx, no 429 for legitimate users, no lost write, no members-only initiative shown anonymously.',
    )
    status = 0
  }
} catch (err) {
  console.error(err)
  console.error(`\nServer log (${server.logFile}):\n${tail(server.logFile, 40)}`)
} finally {
  server.stop()
}
process.exit(status)
