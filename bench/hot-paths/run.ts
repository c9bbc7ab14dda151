/**
 * npx tsx bench/hot-paths/run.ts [--duration 10] [--connections 10] [--saves 40] [--rounds 2]
 *
 * What the request paths changed for several instances cost (issue 17), on loopback only:
 *   1. in process: the proxy (proxy.ts) now parses every API query string (lib/api/query.ts) —
 *      the cost of checkApiQuery alone, and of the whole proxy on a page, on a typical API query
 *      and on an 8 KB one;
 *   2. against the production build (`next start`, fresh seeded SQLite), once without REDIS_URL
 *      (one machine: Next's own store behind lib/cache/handler.mjs, the "before" of sharing) and
 *      once with it (a redis-server started here: every page read goes to Redis, and every save
 *      expires its tags in Redis before it is answered): requests/s and p50/p99 of a public page
 *      and of a REST query (autocannon), and p50/p99 of an editor's save (sequential PATCHes).
 * Ports: BENCH_PORT (3103) for the server, BENCH_REDIS_PORT (BENCH_PORT + 3000) for Redis.
 * Bounded: at most 60 s and 100 connections per measurement; stops its servers when done.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { NextRequest } from 'next/server'

import { checkApiQuery } from '../../lib/api/query'
import { proxy } from '../../proxy'
import {
  ensureBuild,
  productionEnv,
  seedDemo,
  startServer,
  tail,
} from '../../scripts/lib/server.mjs'

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const value = i > 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value > 0 ? value : fallback
}
const duration = Math.min(60, option('duration', 10))
const connections = Math.min(100, option('connections', 10))
const saves = Math.min(500, option('saves', 40))
const rounds = Math.min(5, option('rounds', 2))
const HOST = '127.0.0.1'
const port = Number(process.env.BENCH_PORT || 3103)
const redisPort = Number(process.env.BENCH_REDIS_PORT || port + 3000)
const base = `http://${HOST}:${port}`
const PLAN_PAGE = '/plans/alcts-strategic-plan-2006-2011'
const API_QUERY =
  '/api/initiatives?depth=1&limit=20&page=1&sort=-updatedAt&where[title][like]=a&where[visibility][equals]=public'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------------
// 1. The proxy, in process
// ---------------------------------------------------------------------------------------------

async function timeIt(label: string, runs: number, fn: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 200; i++) await fn() // warm-up
  const started = process.hrtime.bigint()
  for (let i = 0; i < runs; i++) await fn()
  const us = Number(process.hrtime.bigint() - started) / 1000 / runs
  console.log(`  ${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs`)
  return us
}

async function proxyFigures() {
  console.log('\n1. Query-string checks in the proxy (per call, in process)')
  const typical = API_QUERY.split('?')[1]!
  const long = `where[title][like]=${'a'.repeat(8 * 1024 - 30)}`
  await timeIt('checkApiQuery, typical admin/API query', 20_000, () => checkApiQuery(typical))
  await timeIt('checkApiQuery, 8 KB query (the longest accepted)', 2_000, () => checkApiQuery(long))
  const request = (url: string) => new NextRequest(`${base}${url}`, { headers: { origin: base } })
  await timeIt('proxy(), a public page (no query string)', 5_000, () => proxy(request(PLAN_PAGE)))
  await timeIt('proxy(), the typical API query', 5_000, () => proxy(request(API_QUERY)))
  await timeIt('proxy(), a malformed API query (answered 400 there)', 5_000, () =>
    proxy(request('/api/initiatives?limit=1&limit=2')),
  )
}

// ---------------------------------------------------------------------------------------------
// 2. The server, without and with Redis
// ---------------------------------------------------------------------------------------------

interface Row {
  what: string
  setup: string
  rps?: number
  p50: number
  p99: number
  non2xx?: number
}
const rows: Row[] = []

async function cannon(setup: string, what: string, url: string) {
  for (let i = 0; i < 20; i++) await fetch(`${base}${url}`).then((r) => r.arrayBuffer())
  const result = await autocannon({ url: `${base}${url}`, connections, duration })
  rows.push({
    what,
    setup,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  })
}

async function editorSaves(setup: string) {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'editor@example.org', password: 'lodestar-demo' }),
  }).then((r) => r.json() as Promise<{ token: string }>)
  const auth = { authorization: `JWT ${login.token}`, origin: base }
  const { docs } = (await fetch(
    `${base}/api/initiatives?depth=0&limit=1&where[_status][equals]=published`,
    {
      headers: auth,
    },
  ).then((r) => r.json())) as { docs: { id: number }[] }
  const id = docs[0]!.id
  const times: number[] = []
  let failed = 0
  for (let i = 0; i < saves; i++) {
    // the plan's page is cached before each save, so the save has something to expire
    await fetch(`${base}${PLAN_PAGE}`).then((r) => r.arrayBuffer())
    const started = performance.now()
    const res = await fetch(`${base}/api/initiatives/${id}?depth=0`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ lead: `bench ${i}` }),
    })
    await res.arrayBuffer()
    times.push(performance.now() - started)
    if (res.status !== 200) failed++
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!
  rows.push({
    what: `PATCH /api/initiatives/<id> (${saves} in a row)`,
    setup,
    p50: at(0.5),
    p99: at(0.99),
    non2xx: failed,
  })
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, HOST)
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

async function startRedis(dir: string) {
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', HOST, '--save', '', '--dir', dir],
    { stdio: 'ignore' },
  )
  for (let i = 0; i < 100; i++) {
    if (await listening(redisPort)) return child
    await sleep(100)
  }
  child.kill()
  throw new Error(`redis-server did not listen on ${redisPort}`)
}

async function serverFigures(setup: string, redisUrl: string | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-hot-'))
  const env = productionEnv(port, `file:${path.join(dir, 'bench.db')}`, {
    NEXTAUTH_URL: base,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  })
  seedDemo(env)
  const server = await startServer({ port, host: HOST, env, logFile: path.join(dir, 'server.log') })
  try {
    if (redisUrl) {
      const health = (await fetch(`${base}/api/health`).then((r) => r.json())) as { redis: string }
      if (health.redis !== 'up') throw new Error(`Redis is ${health.redis} on the server`)
    }
    await cannon(setup, `GET ${PLAN_PAGE} (public page)`, PLAN_PAGE)
    await cannon(setup, 'GET /api/initiatives?…where… (REST query)', API_QUERY)
    await editorSaves(setup)
  } catch (err) {
    console.error(err, `\nServer log:\n${tail(server.logFile, 30)}`)
    throw err
  } finally {
    server.stop()
    await sleep(1_000)
  }
}

await proxyFigures()
ensureBuild()
console.log(
  `\n2. The production build on ${base}: ${connections} connections, ${duration} s per measurement`,
)
// alternating, so that the machine's other load and warm-up fall on both setups alike
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-hot-redis-'))
for (let round = 1; round <= rounds; round++) {
  await serverFigures(`one machine (no REDIS_URL) #${round}`, null)
  const redis = await startRedis(redisDir)
  try {
    await serverFigures(`shared (REDIS_URL) #${round}`, `redis://${HOST}:${redisPort}`)
  } finally {
    redis.kill()
    await sleep(500)
  }
}

console.log(
  `\n  ${'request'.padEnd(56)} ${'setup'.padEnd(31)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  not 2xx`,
)
for (const row of rows.sort(
  (a, b) => a.what.localeCompare(b.what) || a.setup.localeCompare(b.setup),
)) {
  console.log(
    `  ${row.what.padEnd(56)} ${row.setup.padEnd(31)} ${(row.rps == null ? '' : row.rps.toFixed(0)).padStart(7)} ${row.p50.toFixed(0).padStart(7)} ${row.p99.toFixed(0).padStart(7)}  ${row.non2xx ?? 0}`,
  )
}
process.exit(rows.some((row) => (row.non2xx ?? 0) > 0) ? 1 : 0)
