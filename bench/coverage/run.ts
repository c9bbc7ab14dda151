/**
 * Coverage benchmark (not part of `npm test`):
 *
 *   npx tsx --conditions=development --import ./scripts/lib/server-only.mjs bench/coverage/run.ts \
 *     [--sizes 1000,10000,50000] [--port 3105] [--naive-depth 1] [--cycles 8] [--keep]
 *     [--db <file> [--seed-only]] [--server-only] [--skip-naive]
 *
 * In a scratch SQLite database it seeds the ALCTS plan and the demo accounts, then writes one plan
 * per size (the ALCTS goal areas and objectives) with that many initiatives, created through the
 * Local API in transactions of 250 with `context.disableRevalidate`. For each plan, as board
 * member 100002, it prints:
 *   - the database queries (SQL statements) of lib/data's one data fetch, and its time;
 *   - the time of computeCoverage over what was fetched;
 *   - the server response time of /dashboard/<plan> warm (its data cached) and cold (the first
 *     request after an initiative saved through the server expired it), and of
 *     /api/plans/<plan>/coverage, from a production server (`next start` on the build in $NEXT_DIST_DIR, built first if missing);
 *   - the naive approach for comparison: Payload REST (its real handler, in process), one request
 *     per goal area for the initiatives serving it with depth-populated relations, then coverage
 *     counted from the populated documents — its SQL statements and time.
 * With `--cycles N`, each plan also gets a history: N closed cycles, each with an update from about
 * nine in ten of the plan's initiatives (written by SQL, `INSERT … SELECT` per cycle, so that 80,000
 * updates take seconds), and it prints the as-of-cycle fetch (lib/data/cycles.ts loadHistoryData:
 * its SQL statements and time) and the time of coverageAsOf for the latest closed cycle.
 * Times are medians of several runs after a warm-up (the naive approach: one run). Total runtime is
 * about 20–30 minutes on two shared cores, most of it writing the 61,000 initiatives.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import type { Payload, PayloadRequest } from 'payload'

import { idOf, type Relation } from '@/lib/format/ids'
import { seededRandom } from '@/lib/format/random'
import { ensureBuild, startServer } from '@/scripts/lib/server.mjs'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    port: { type: 'string', default: process.env.E2E_PORT ?? '3105' },
    'naive-depth': { type: 'string', default: '1' },
    cycles: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    'skip-naive': { type: 'boolean', default: false },
    // a database to seed once and measure again: plans already there are reused as they are
    db: { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
    // only what the server is measured against: no in-process timing of the fetches (at 50,000
    // initiatives × 8 cycles each takes most of a minute); the counts and numbers are still checked
    'server-only': { type: 'boolean', default: false },
  },
})
const SIZES = args.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
const PORT = Number(args.port)
const NAIVE_DEPTH = Number(args['naive-depth'])
const KEEP = args.keep
const SKIP_NAIVE = args['skip-naive']
const CYCLES = Math.max(0, Number(args.cycles) || 0)
const ROOT = process.cwd()
const BASE = `http://localhost:${PORT}`
const BATCH = 250
const RUNS = 5
const BOARD = '100002'
const PASSWORD = 'lodestar-demo'

// The scratch database must be chosen before the Payload config is imported (it reads the env).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-bench-coverage-'))
const DB_FILE = args.db ? path.resolve(args.db) : path.join(scratch, 'bench.db')
const REUSE = args.db !== undefined && fs.existsSync(DB_FILE)
const DATABASE_URI = `file:${DB_FILE}`
Object.assign(process.env, {
  DATABASE_URI,
  LODESTAR_AUTOSEED: 'false',
  PAYLOAD_SECRET: 'lodestar-bench-payload-secret-of-32-characters-or-more',
  NEXTAUTH_SECRET: 'lodestar-bench-nextauth-secret-of-32-characters-or-more',
  DEMO_PASSWORD: PASSWORD,
})

const log = (line: string) => process.stdout.write(`${line}\n`)
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–')

type SqlCounter = { count: number }

/** Counts the SQL statements libSQL executes while `fn` runs. */
async function countSql<T>(
  payload: Payload,
  fn: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  const client = (payload.db as unknown as { client: Record<string, unknown> }).client
  const counter: SqlCounter = { count: 0 }
  const execute = client.execute as (...a: unknown[]) => unknown
  const batch = client.batch as (...a: unknown[]) => unknown
  client.execute = function (this: unknown, ...a: unknown[]) {
    counter.count += 1
    return execute.apply(this, a)
  }
  client.batch = function (this: unknown, ...a: unknown[]) {
    counter.count += Array.isArray(a[0]) ? a[0].length : 1
    return batch.apply(this, a)
  }
  try {
    const result = await fn()
    return { result, queries: counter.count }
  } finally {
    client.execute = execute
    client.batch = batch
  }
}

async function timeRuns(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  await fn() // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

// ---------------------------------------------------------------------------------------------
// Data generation

const STATUS_WEIGHTS = [
  ['proposed', 0.1],
  ['planned', 0.2],
  ['in-progress', 0.35],
  ['completed', 0.2],
  ['deferred', 0.1],
  ['cancelled', 0.05],
] as const

async function writePlan(
  payload: Payload,
  size: number,
): Promise<{ id: number | string; slug: string }> {
  const { parsePlanText } = await import('@/lib/import/text')
  const { writeParsedPlan } = await import('@/lib/import/write')
  const { SEED_PLAN_FILE } = await import('@/lib/seed')
  const parsed = parsePlanText(fs.readFileSync(path.join(ROOT, SEED_PLAN_FILE), 'utf8')).plan
  parsed.title = `Benchmark plan with ${size.toLocaleString('en')} initiatives`
  const context = { disableRevalidate: true }
  const written = await writeParsedPlan(payload, parsed, {
    slug: `bench-${size}`,
    publish: true,
    current: false,
    context,
  })

  const objectives = await payload.find({
    collection: 'objectives',
    where: { plan: { equals: written.id } },
    pagination: false,
    depth: 0,
    select: { code: true },
  })
  const sections = await payload.find({
    collection: 'sections',
    pagination: false,
    depth: 0,
    select: { slug: true },
  })
  const objectiveIds = objectives.docs.map((o) => o.id)
  const sectionIds = sections.docs.map((s) => s.id)
  const rnd = seededRandom(size) // the same plans every run
  const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)] as T

  const started = performance.now()
  for (let from = 0; from < size; from += BATCH) {
    const transactionID = await payload.db.beginTransaction()
    const req = { transactionID: transactionID ?? undefined } as Partial<PayloadRequest>
    const count = Math.min(BATCH, size - from)
    try {
      await Promise.all(
        Array.from({ length: count }, (_, k) => {
          const n = from + k
          let roll = rnd()
          const status = (STATUS_WEIGHTS.find(([, w]) => (roll -= w) < 0) ?? STATUS_WEIGHTS[2])[0]
          const served = new Set([pick(objectiveIds)])
          while (rnd() < 0.4 && served.size < 3) served.add(pick(objectiveIds))
          const start = 2006 + Math.floor(rnd() * 6)
          const target = start + Math.floor(rnd() * 4)
          const draft = rnd() < 0.02
          return payload.create({
            collection: 'initiatives',
            req,
            context: { disableRevalidate: true },
            depth: 0,
            select: { title: true },
            draft,
            data: {
              title: `Benchmark initiative ${n + 1}`,
              section: pick(sectionIds),
              objectives: [...served],
              status,
              visibility: rnd() < 0.6 ? 'public' : 'members',
              startDate: rnd() < 0.9 ? `${start}-0${1 + Math.floor(rnd() * 9)}-01` : null,
              targetDate: rnd() < 0.8 ? `${target}-12-31` : null,
              completedDate: status === 'completed' ? `${target}-11-30` : null,
              progress: status === 'completed' ? 100 : Math.floor(rnd() * 100),
              _status: draft ? 'draft' : 'published',
            },
          })
        }),
      )
      if (transactionID) await payload.db.commitTransaction(transactionID)
    } catch (err) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID)
      throw err
    }
    if ((from / BATCH) % 20 === 19 || from + BATCH >= size) {
      const done = Math.min(size, from + BATCH)
      const rate = (performance.now() - started) / done
      process.stdout.write(
        `  bench-${size}: ${done.toLocaleString('en')} written (${rate.toFixed(1)} ms each)\n`,
      )
    }
  }
  return written
}

/**
 * N closed cycles for the plan (created as drafts through the Local API, then closed by SQL so no
 * job or email runs), each with an update from about nine in ten initiatives, written by SQL with
 * the copies (section, plan, visibility, published) the updates' read rule uses.
 */
async function writeHistory(payload: Payload, plan: number | string, cycles: number) {
  const { sql } = await import('@payloadcms/db-sqlite')
  const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } })
    .drizzle
  const started = performance.now()
  for (let k = 0; k < cycles; k++) {
    const year = 2006 + Math.floor(k / 2)
    const asOf = `${year}-${k % 2 === 0 ? '01' : '06'}-15T00:00:00.000Z`
    const closedAt = `${year}-${k % 2 === 0 ? '02' : '07'}-01T00:00:00.000Z`
    const cycle = await payload.create({
      collection: 'cycles',
      data: { plan: plan as number, name: `Bench cycle ${k + 1}`, asOf, state: 'draft' },
      context: { disableRevalidate: true },
      depth: 0,
    })
    await db.run(
      sql`UPDATE cycles SET state = 'closed', closed_at = ${closedAt} WHERE id = ${cycle.id}`,
    )
    await db.run(sql`INSERT INTO progress_updates
      (initiative_id, cycle_id, status, progress, submitted_at, section_id, plan_id, visibility,
       published, created_at, updated_at)
      SELECT id, ${cycle.id}, status, progress, ${asOf}, section_id, plan_id, visibility,
        CASE WHEN _status = 'published' THEN 1 ELSE 0 END, ${asOf}, ${asOf}
      FROM initiatives WHERE plan_id = ${plan} AND abs(random()) % 10 < 9`)
  }
  const { totalDocs } = await payload.count({
    collection: 'progress-updates',
    where: { plan: { equals: plan } },
  })
  log(
    `  ${cycles} cycles, ${totalDocs.toLocaleString('en')} updates written (${ms(performance.now() - started)} ms)`,
  )
  return totalDocs
}

// ---------------------------------------------------------------------------------------------
// The naive approach: REST, one request per goal area, relations populated by depth

async function restCall(
  pathAndQuery: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const { handleEndpoints } = await import('payload')
  const { default: config } = await import('@/payload.config')
  const headers = new Headers({ origin: 'http://localhost:3000' })
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  if (init.body !== undefined) headers.set('content-type', 'application/json')
  const response = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000${pathAndQuery}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  })
  const text = await response.text()
  if (response.status !== 200)
    throw new Error(`REST ${pathAndQuery} → ${response.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as Record<string, unknown>
}

type Doc = Record<string, unknown> & { id: number | string }

/** Coverage the way a typical first implementation computes it; returns the covered objectives. */
async function naiveCoverage(slug: string, token: string): Promise<number> {
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString()
  const plans = await restCall(`/api/plans?${q({ 'where[slug][equals]': slug, depth: '0' })}`, {
    token,
  })
  const plan = (plans.docs as Doc[])[0]
  if (!plan) throw new Error(`no plan ${slug}`)
  const goals = (
    await restCall(
      `/api/goals?${q({ 'where[plan][equals]': String(plan.id), pagination: 'false', depth: '0' })}`,
      { token },
    )
  ).docs as Doc[]
  const active = new Set(['planned', 'in-progress', 'completed'])
  let covered = 0
  for (const goal of goals) {
    const objectives = (
      await restCall(
        `/api/objectives?${q({ 'where[goal][equals]': String(goal.id), pagination: 'false', depth: '0' })}`,
        { token },
      )
    ).docs as Doc[]
    const initiatives = (
      await restCall(
        `/api/initiatives?${q({ 'where[objectives][in]': objectives.map((o) => String(o.id)).join(','), pagination: 'false', depth: String(NAIVE_DEPTH) })}`,
        { token },
      )
    ).docs as Doc[]
    const served = new Set<string>()
    for (const i of initiatives) {
      if (!active.has(String(i.status))) continue
      for (const o of (i.objectives as unknown[]) ?? []) served.add(String(idOf(o as Relation)))
    }
    covered += objectives.filter((o) => served.has(String(o.id))).length
  }
  return covered
}

/**
 * The as-of-cycle fetch as it was before issue #16's split (lib/data/cycles.ts at b690ff0): the
 * dashboard's data, the cycles and every update of the plan in one find, as the person. Returns
 * how many updates it read.
 */
async function wholeHistoryFetch(
  payload: Payload,
  slug: string,
  user: { id: number | string; collection: 'members' },
): Promise<number> {
  const { loadCoverageData } = await import('@/lib/data/coverage')
  const { CYCLE_SELECT, UPDATE_SELECT, updateRecord } = await import('@/lib/data/staleness')
  const data = await loadCoverageData(slug, user)
  if (!data) throw new Error(`no plan ${slug}`)
  const asPerson = { user, overrideAccess: false as const, depth: 0, pagination: false as const }
  const where = { plan: { equals: data.input.plan.id } }
  const [, updates] = await Promise.all([
    payload.find({ collection: 'cycles', where, sort: 'asOf', select: CYCLE_SELECT, ...asPerson }),
    payload.find({
      collection: 'progress-updates',
      where,
      sort: 'submittedAt',
      select: UPDATE_SELECT,
      ...asPerson,
    }),
  ])
  return updates.docs.flatMap((u) => updateRecord(u) ?? []).length
}

// ---------------------------------------------------------------------------------------------
// The production server

/** Signs in through next-auth's credentials provider; returns the Cookie header of the session. */
async function signIn(memberNumber: string): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = (pair ?? '').split('=')
      if (name) jar.set(name.trim(), value.join('='))
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const csrf = await fetch(`${BASE}/api/auth/csrf`)
  keep(csrf)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, memberNumber, password: PASSWORD, json: 'true' }),
  })
  keep(res)
  if (![...jar.keys()].some((k) => k.includes('session-token'))) {
    throw new Error(`Signing in ${memberNumber} failed: ${res.status} ${await res.text()}`)
  }
  return cookie()
}

/** One GET through the server, checked (200 and `expect`); its time in ms. */
async function getOnce(
  url: string,
  cookie: string,
  expect: (body: string) => boolean,
): Promise<number> {
  const started = performance.now()
  const res = await fetch(url, { headers: { cookie }, redirect: 'manual' })
  const body = await res.text()
  if (res.status !== 200 || !expect(body))
    throw new Error(`GET ${url} → ${res.status}: ${body.slice(0, 200)}`)
  return performance.now() - started
}

async function timeGet(
  url: string,
  cookie: string,
  expect: (body: string) => boolean,
): Promise<number> {
  return timeRuns(() => getOnce(url, cookie, expect), 3)
}

/**
 * A write through the server, again after a second when it answers 500: SQLite refuses a
 * transaction at once (SQLITE_BUSY) when this process's Payload holds the file meanwhile.
 */
async function retried(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await send()
    if (res.status !== 500 || attempt === 5) return res
    await res.arrayBuffer()
    log(`  (the server answered 500, SQLite busy: again, attempt ${attempt + 1})`)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}

/** A staff token from the server (its REST sign-in). */
async function staffToken(): Promise<string> {
  const res = await retried(() =>
    fetch(`${BASE}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
    }),
  )
  if (res.status !== 200) throw new Error(`staff sign-in: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

/**
 * Saves an initiative's title through the server, whose hooks expire the plan's cached data (its
 * work: a field the dashboard reads; a lead alone expires nothing since 01cd177).
 */
async function staffSave(
  token: string,
  id: string | number,
  fields: Record<string, unknown>,
): Promise<void> {
  const res = await retried(() =>
    // `select`: the answer leaves out the staff-only `stale` column, which reads the plan's
    // whole history as documents (at 50,000 × 8 cycles the server ran out of its 4 GB heap)
    fetch(`${BASE}/api/initiatives/${id}?depth=0&select[title]=true`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, origin: BASE },
      body: JSON.stringify(fields),
    }),
  )
  if (res.status !== 200) throw new Error(`save of initiative ${id}: ${res.status}`)
  await res.arrayBuffer()
}

/**
 * What the server's data cache did (LODESTAR_CACHE_DEBUG): the largest entries written, by tags,
 * with their sizes as Next's memory cache counts them (`cacheMaxMemorySize`, 50 MB by default,
 * evicts the least recently used beyond it), and the reads that hit and missed.
 */
function cacheReport(logFile: string) {
  const lines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n') : []
  const largest = new Map<string, number>()
  let hits = 0
  let misses = 0
  for (const line of lines) {
    const set = /^\[cache\] set (\d+) \S+ (.*)$/.exec(line)
    if (set) {
      const what = (set[2] ?? '').split(' ').slice(-1)[0] ?? ''
      largest.set(what, Math.max(largest.get(what) ?? 0, Number(set[1])))
    }
    if (line.startsWith('[cache] get hit')) hits += 1
    if (line.startsWith('[cache] get miss')) misses += 1
  }
  const evictions = lines.filter((l) => l.includes('exceeds maxSize')).length
  log('')
  log(
    `Data cache (server log ${logFile}): ${hits} reads hit, ${misses} missed; ${evictions} entries larger than the memory cache.`,
  )
  log('Largest entry written per last tag (bytes as Next counts them):')
  for (const [tag, size] of [...largest].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    log(`  ${size.toLocaleString('en').padStart(12)}  ${tag}`)
  }
}

// ---------------------------------------------------------------------------------------------

interface Row {
  size: number
  visible: number
  queries: number
  fetchMs: number
  computeMs: number
  dashboardMs: number
  coldMs: number
  apiMs: number
  naiveQueries: number | string
  naiveMs: number
  /**
   * with --cycles: updates; the fetch with the whole history in one find (as before issue #16's
   * split) and the split fetch outside a server (no data cache: both parts read), their statements
   * and times; coverageAsOf's time; and through the server, the dashboard (now and `?cycle=` the
   * latest closed cycle): its first request (every cache empty), warm, and cold after an initiative
   * saved (the closed part of the history still cached)
   */
  history?: {
    updates: number
    wholeQueries: number
    wholeMs: number
    queries: number
    fetchMs: number
    asOfMs: number
    firstMs: number
    /** cold after a save that changes what the numbers count (a target date): no number kept */
    countedColdMs: number
    cycleFirstMs: number
    cycleWarmMs: number
    cycleColdMs: number
    /** cold after a move to another section, then after the move back */
    moveColdMs: number[]
  }
}

async function main() {
  log(`Coverage benchmark: sizes ${SIZES.join(', ')}; scratch database ${DATABASE_URI}`)
  if (!args['seed-only']) ensureBuild()
  const { getPayload } = await import('payload')
  const { default: config } = await import('@/payload.config')
  const { seed } = await import('@/lib/seed')
  const { loadCoverageData } = await import('@/lib/data/coverage')
  const { computeCoverage } = await import('@/lib/plan/coverage')

  const payload = await getPayload({ config })
  if (!REUSE) await seed({ payload, demo: true, demoPassword: PASSWORD, log: () => {} })

  const { loadHistoryData } = await import('@/lib/data/cycles')
  const { coverageAsOf, latestClosedCycle } = await import('@/lib/plan/cycles')
  const plans: { size: number; slug: string; updates: number }[] = []
  for (const size of SIZES) {
    const existing = (
      await payload.find({
        collection: 'plans',
        where: { slug: { equals: `bench-${size}` } },
        depth: 0,
        limit: 1,
      })
    ).docs[0]
    if (existing) log(`Reusing bench-${size} from ${DB_FILE}`)
    else log(`Writing bench-${size} …`)
    const written = existing
      ? { id: existing.id, slug: `bench-${size}` }
      : await writePlan(payload, size)
    const where = { plan: { equals: written.id } }
    let updates = 0
    if (CYCLES > 0) {
      const { totalDocs } = await payload.count({ collection: 'cycles', where })
      updates =
        totalDocs > 0
          ? (await payload.count({ collection: 'progress-updates', where })).totalDocs
          : await writeHistory(payload, written.id, CYCLES)
    }
    plans.push({ size, slug: written.slug, updates })
  }
  // the demo seed queues jobs (cycle notices, archived reports), which this process would run
  // every ten seconds (autoRun outside production) while the server is measured, locking SQLite
  // and rendering PDFs meanwhile: the benchmark sends no email and archives nothing
  const jobs = await payload.delete({
    collection: 'payload-jobs',
    where: { id: { exists: true } },
    depth: 0,
  })
  if (jobs.docs.length > 0) log(`  ${jobs.docs.length} queued jobs of the seed deleted`)
  if (args['seed-only']) {
    await payload.destroy()
    log(`Seeded ${DATABASE_URI}`)
    return
  }

  const found = await payload.find({
    collection: 'members',
    where: { username: { equals: BOARD } },
    depth: 0,
    limit: 1,
  })
  const board = { ...found.docs[0]!, collection: 'members' as const }
  const token = (
    await restCall('/api/members/login', {
      method: 'POST',
      body: { username: BOARD, password: PASSWORD },
    })
  ).token as string

  let server: { stop: () => void } | undefined
  const rows: Row[] = []
  try {
    server = await startServer({
      port: PORT,
      env: {
        NODE_ENV: 'production',
        NEXTAUTH_URL: BASE,
        NEXT_TELEMETRY_DISABLED: '1',
        // each data-cache read and write in the server's log, with its size (printed below)
        LODESTAR_CACHE_DEBUG: '1',
      },
      logFile: path.join(scratch, 'server.log'),
      timeoutMs: 120_000,
    })
    const cookie = await signIn(BOARD)
    const staff = await staffToken()

    for (const { size, slug, updates } of plans) {
      log(`Measuring bench-${size} …`)
      let history: Row['history']
      let lastClosed: { id: string | number; covered: number; total: number } | undefined
      if (CYCLES > 0) {
        // a single timed run each from 20,000 initiatives: a run reads every update
        const once = async (fn: () => Promise<unknown>) => {
          const started = performance.now()
          await fn()
          return performance.now() - started
        }
        const time = (fn: () => Promise<unknown>) => (size >= 20_000 ? once(fn) : timeRuns(fn, 3))
        const serverOnly = args['server-only']
        const whole = serverOnly
          ? { queries: NaN, result: NaN }
          : await countSql(payload, () => wholeHistoryFetch(payload, slug, board))
        const wholeMs = serverOnly ? NaN : await time(() => wholeHistoryFetch(payload, slug, board))
        if (serverOnly) {
          // the latest closed cycle; its numbers are checked against the API's after the timings
          const cycles = await payload.find({
            collection: 'cycles',
            where: { and: [{ 'plan.slug': { equals: slug } }, { state: { equals: 'closed' } }] },
            sort: '-closedAt',
            depth: 0,
            limit: 1,
          })
          lastClosed = { id: cycles.docs[0]!.id, covered: NaN, total: NaN }
        }
        const counted = serverOnly
          ? { queries: NaN, result: null }
          : await countSql(payload, () => loadHistoryData(slug, board))
        const data = counted.result
        if (!serverOnly && !data) throw new Error(`board member cannot see ${slug}`)
        if (data && data.history.updates.length !== whole.result) {
          throw new Error(`split fetch read ${data.history.updates.length}, whole ${whole.result}`)
        }
        const now = new Date()
        const last = data ? latestClosedCycle(data.history.cycles)! : undefined
        if (data && last) {
          const asOf = coverageAsOf(data.history, last, now, { audience: data.audience })
          lastClosed = {
            id: last.id,
            covered: asOf.objectives.covered,
            total: asOf.objectives.total,
          }
        }
        history = {
          updates,
          wholeQueries: whole.queries,
          wholeMs,
          queries: counted.queries,
          fetchMs: serverOnly ? NaN : await time(() => loadHistoryData(slug, board)),
          asOfMs:
            data && last
              ? await timeRuns(() =>
                  coverageAsOf(data.history, last, now, { audience: data.audience }),
                )
              : NaN,
          firstMs: NaN,
          countedColdMs: NaN,
          cycleFirstMs: NaN,
          cycleWarmMs: NaN,
          cycleColdMs: NaN,
          moveColdMs: [],
        }
        if (data)
          log(
            `  history: ${data.history.cycles.length} cycles, ${data.history.updates.length.toLocaleString('en')} updates read; ` +
              `whole-history fetch ${whole.queries} SQL statements, ${ms(wholeMs)} ms; ` +
              `split fetch (no data cache) ${history.queries} SQL statements, ${ms(history.fetchMs)} ms; coverageAsOf ${ms(history.asOfMs)} ms`,
          )
      }
      const { result: data, queries } = await countSql(payload, () => loadCoverageData(slug, board))
      if (!data) throw new Error(`board member cannot see ${slug}`)
      const fetchMs = args['server-only']
        ? NaN
        : await timeRuns(() => loadCoverageData(slug, board))
      const cov = computeCoverage(data.input, { audience: data.audience })
      const computeMs = await timeRuns(() =>
        computeCoverage(data.input, { audience: data.audience }),
      )

      // the tile as React streams it: "18<!-- --> <span class="dash-tile__of">of <!-- -->26</span>"
      const tile = new RegExp(
        `>${cov.objectives.covered}(<!-- -->)?\\s*<span class="dash-tile__of">of (<!-- -->)?${cov.objectives.total}<`,
      )
      if (history) {
        history.firstMs = await getOnce(`${BASE}/dashboard/${slug}`, cookie, (body) =>
          tile.test(body),
        )
        log(`  /dashboard first request (every cache empty): ${ms(history.firstMs)} ms`)
      }
      const dashboardMs = await timeGet(`${BASE}/dashboard/${slug}`, cookie, (body) =>
        tile.test(body),
      )
      const apiMs = await timeGet(`${BASE}/api/plans/${slug}/coverage`, cookie, (body) =>
        body.includes(`"covered":${cov.objectives.covered}`),
      )
      // cold: the first dashboard after an edit expired the plan's data (saved through the
      // server, whose hooks expire its cache), median of three
      const initiative = (
        await payload.find({
          collection: 'initiatives',
          where: { 'plan.slug': { equals: slug } },
          depth: 0,
          limit: 1,
        })
      ).docs[0]!
      const colds: number[] = []
      for (let i = 0; i < 3; i++) {
        await staffSave(staff, initiative.id, { title: `Benchmark initiative saved ${Date.now()}` })
        const started = performance.now()
        const res = await fetch(`${BASE}/dashboard/${slug}`, { headers: { cookie } })
        const body = await res.text()
        if (res.status !== 200 || !tile.test(body))
          throw new Error(`cold /dashboard: ${res.status}`)
        colds.push(performance.now() - started)
      }
      const coldMs = median(colds)
      if (history && lastClosed) {
        // cold after a save that changes a number as of every cycle (the years' counts): three
        const counted: number[] = []
        for (let i = 0; i < 3; i++) {
          await staffSave(staff, initiative.id, { targetDate: `20${20 + i}-06-30` })
          counted.push(
            await getOnce(`${BASE}/dashboard/${slug}`, cookie, (body) => tile.test(body)),
          )
        }
        history.countedColdMs = median(counted)
        log(
          `  /dashboard cold after a target date saved: ${ms(history.countedColdMs)} ms ` +
            `(each: ${counted.map(ms).join(', ')}; after a title saved: ${colds.map(ms).join(', ')})`,
        )
        // as of the latest closed cycle: the tile shows its numbers (with --server-only, any
        // numbers, checked against the coverage API's as of the cycle afterwards)
        const asOfTile = new RegExp(
          Number.isNaN(lastClosed.covered)
            ? `>\\d+(<!-- -->)?\\s*<span class="dash-tile__of">of (<!-- -->)?\\d+<`
            : `>${lastClosed.covered}(<!-- -->)?\\s*<span class="dash-tile__of">of (<!-- -->)?${lastClosed.total}<`,
        )
        const url = `${BASE}/dashboard/${slug}?cycle=${lastClosed.id}`
        history.cycleFirstMs = await getOnce(url, cookie, (body) => asOfTile.test(body))
        history.cycleWarmMs = await timeGet(url, cookie, (body) => asOfTile.test(body))
        const cycleColds: number[] = []
        for (let i = 0; i < 3; i++) {
          await staffSave(staff, initiative.id, {
            title: `Benchmark initiative saved ${Date.now()}`,
          })
          cycleColds.push(await getOnce(url, cookie, (body) => asOfTile.test(body)))
        }
        history.cycleColdMs = median(cycleColds)
        if (Number.isNaN(lastClosed.covered)) {
          const page = await (await fetch(url, { headers: { cookie } })).text()
          const shown = />(\d+)(<!-- -->)?\s*<span class="dash-tile__of">of (<!-- -->)?(\d+)</.exec(
            page,
          )
          const api = (await (
            await fetch(`${BASE}/api/plans/${slug}/coverage?cycle=${lastClosed.id}`, {
              headers: { cookie },
            })
          ).json()) as { objectives: { covered: number; total: number } }
          if (
            Number(shown?.[1]) !== api.objectives.covered ||
            Number(shown?.[4]) !== api.objectives.total
          ) {
            throw new Error(
              `?cycle= tile ${shown?.[1]} of ${shown?.[4]}, API ${api.objectives.covered} of ${api.objectives.total}`,
            )
          }
        }
        log(
          `  /dashboard?cycle=: first ${ms(history.cycleFirstMs)} ms, warm ${ms(history.cycleWarmMs)} ms, cold ${ms(history.cycleColdMs)} ms`,
        )
        // cold after a move to another section and back (the initiative has updates, whose
        // copies of its section the move rewrites): the two sections' closed cycles' numbers are
        // counted again; the closed part of the history need not be read again
        const own = { initiative: { equals: initiative.id } }
        const reports = (await payload.count({ collection: 'progress-updates', where: own }))
          .totalDocs
        const elsewhere = (
          await payload.find({
            collection: 'initiatives',
            where: {
              and: [
                { 'plan.slug': { equals: slug } },
                { section: { not_equals: idOf(initiative.section as Relation) } },
              ],
            },
            depth: 0,
            limit: 1,
          })
        ).docs[0]!
        for (const section of [elsewhere.section, initiative.section]) {
          await staffSave(staff, initiative.id, { section: idOf(section as Relation) })
          history.moveColdMs.push(
            await getOnce(`${BASE}/dashboard/${slug}`, cookie, (body) => tile.test(body)),
          )
        }
        log(
          `  /dashboard cold after a move to another section (${reports} updates) and back: ${history.moveColdMs.map(ms).join(', ')} ms`,
        )
      }
      log(`  /dashboard: warm ${ms(dashboardMs)} ms, cold ${ms(coldMs)} ms; API ${ms(apiMs)} ms`)

      // One run only: at 50,000 initiatives a single naive pass takes minutes and gigabytes.
      log(`  naive REST approach (depth ${NAIVE_DEPTH}) …`)
      let naiveQueries: number | string = '–'
      let naiveMs = NaN
      if (SKIP_NAIVE) naiveQueries = 'skipped'
      else
        try {
          const started = performance.now()
          const naive = await countSql(payload, () => naiveCoverage(slug, token))
          naiveMs = performance.now() - started
          if (naive.result !== cov.objectives.covered) {
            throw new Error(`naive covered ${naive.result}, lib/plan ${cov.objectives.covered}`)
          }
          naiveQueries = naive.queries
        } catch (err) {
          naiveQueries = `failed: ${(err as Error).message.slice(0, 60)}`
        }
      rows.push({
        size,
        visible: data.input.initiatives.length,
        queries,
        fetchMs,
        computeMs,
        dashboardMs,
        coldMs,
        apiMs,
        naiveQueries,
        naiveMs,
        history,
      })
    }
  } finally {
    server?.stop()
    await payload.destroy()
  }
  cacheReport(path.join(scratch, 'server.log'))

  const header = [
    'initiatives',
    'loaded',
    'DB queries',
    'fetch ms',
    'compute ms',
    '/dashboard warm ms',
    '/dashboard cold ms',
    'API ms',
    `naive queries (REST depth ${NAIVE_DEPTH})`,
    'naive ms',
  ]
  const table = [
    header,
    ...rows.map((r) => [
      r.size.toLocaleString('en'),
      r.visible.toLocaleString('en'),
      String(r.queries),
      ms(r.fetchMs),
      ms(r.computeMs),
      ms(r.dashboardMs),
      ms(r.coldMs),
      ms(r.apiMs),
      String(r.naiveQueries),
      ms(r.naiveMs),
    ]),
  ]
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)))
  log('')
  for (const [i, row] of table.entries()) {
    log(
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    )
    if (i === 0) log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
  log('')
  log('loaded: initiatives the board member may read (published; drafts hidden by access control).')
  log('DB queries: SQL statements of lib/data/coverage.ts loadCoverageData for the plan.')
  const flat = new Set(rows.map((r) => r.queries)).size === 1
  log(
    `Query count ${flat ? 'is flat' : 'CHANGES'} as initiatives grow: ${rows.map((r) => r.queries).join(', ')}.`,
  )
  if (CYCLES > 0) {
    log('')
    log(
      `History (${CYCLES} closed cycles): as-of-cycle fetch = lib/data/cycles.ts loadHistoryData.`,
    )
    for (const r of rows) {
      if (!r.history) continue
      const h = r.history
      log(
        `  ${r.size.toLocaleString('en')} initiatives, ${h.updates.toLocaleString('en')} updates: ` +
          `whole-history fetch (before) ${h.wholeQueries} SQL statements ${ms(h.wholeMs)} ms; ` +
          `split fetch without data cache ${h.queries} SQL statements ${ms(h.fetchMs)} ms; coverageAsOf ${ms(h.asOfMs)} ms; ` +
          `/dashboard first ${ms(h.firstMs)} ms, warm ${ms(r.dashboardMs)} ms, cold ${ms(r.coldMs)} ms, ` +
          `cold after a target date ${ms(h.countedColdMs)} ms; ` +
          `?cycle= first ${ms(h.cycleFirstMs)} ms, warm ${ms(h.cycleWarmMs)} ms, cold ${ms(h.cycleColdMs)} ms; ` +
          `cold after a section move and back ${h.moveColdMs.map(ms).join(', ') || '–'} ms`,
      )
    }
  }
  if (KEEP || args.db) log(`Database kept: ${DATABASE_URI}`)
  if (!KEEP) fs.rmSync(scratch, { recursive: true, force: true })
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    console.error(`Scratch files: ${scratch}`)
    process.exit(1)
  },
)
