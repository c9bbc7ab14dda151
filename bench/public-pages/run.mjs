#!/usr/bin/env node
/**
 * node bench/public-pages/run.mjs [--connections 10] [--duration 10] [--rounds 3] [--path /plans/<slug>] [--gzip]
 *
 * Load test of a public plan page against the production build, on loopback only:
 *   1. seeds a fresh temp SQLite database (like scripts/e2e.mjs) and starts `next start` on
 *      127.0.0.1:$BENCH_PORT (3103) from $NEXT_DIST_DIR (default .next; builds when there is none);
 *   2. measures requests/s and p50/p99 latency of GET <path> with autocannon, and
 *   3. the very same HTML bytes served by the same `next start` as a static file from public/
 *      (written there before the server starts, removed at the end): what Next costs for a file
 *      it does not render; the two in turns, --rounds times (3), each --duration seconds;
 *   4. serves the very same HTML bytes from a minimal node:http server (the ceiling for this
 *      machine and load generator) and measures it the same way;
 *   5. prints the three, the page's share of the static file's rate (issue #16 asks ≥ 70 %) and
 *      of the ceiling's, the server's CPU per request for the page and the file (its main thread,
 *      which serves every request, apart from its other threads: zlib's and the GC's), and the
 *      page's HTML and JavaScript transfer sizes (gzip, as a browser fetches them).
 * --gzip: every request asks for gzip, as browsers do (Next then compresses the page and the
 * static file per request; the ceiling sends bytes gzipped once, as a CDN would).
 * Bounded: at most 100 connections and 60 s per measurement; stops its servers when done.
 * Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import autocannon from 'autocannon'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const HOST = '127.0.0.1'

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}
const clamp = (value, min, max) => Math.min(max, Math.max(min, value))

const connections = clamp(Number(option('connections', 10)) || 10, 1, 100)
const duration = clamp(Number(option('duration', 10)) || 10, 1, 60)
const rounds = clamp(Number(option('rounds', 3)) || 3, 1, 10)
const pagePath = option('path', '/plans/alcts-strategic-plan-2006-2011')
const gzip = process.argv.includes('--gzip')
const requestHeaders = gzip ? { 'accept-encoding': 'gzip' } : {}
const port = Number(process.env.BENCH_PORT || 3103)
const ceilingPort = port + 1000
const distDir = process.env.NEXT_DIST_DIR || '.next'
const baseUrl = `http://${HOST}:${port}`

if (!/^\/[a-z0-9/-]*$/.test(pagePath)) {
  console.error(`--path must be a site path such as /plans/<slug> (got ${pagePath})`)
  process.exit(2)
}

const run = (cmd, args, env) => {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.log(`No production build in ${distDir}: building first.`)
  run('npx', ['next', 'build'], { NEXT_DIST_DIR: distDir })
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-bench-'))
const env = {
  NODE_ENV: 'production',
  NEXT_DIST_DIR: distDir,
  DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
  PAYLOAD_SECRET: 'lodestar-bench-payload-secret-of-32-characters-or-more',
  NEXTAUTH_SECRET: 'lodestar-bench-nextauth-secret-of-32-characters-or-more',
  NEXTAUTH_URL: baseUrl,
  NEXT_TELEMETRY_DISABLED: '1',
}
console.log(`Seeding ${env.DATABASE_URI} …`)
run('npm', ['run', '--silent', 'seed'], env)

// Next lists public/ when it starts: the file is there first, its bytes are the page's once known
const staticName = `bench-page-${process.pid}.html`
const staticFile = path.join(root, 'public', staticName)
fs.mkdirSync(path.dirname(staticFile), { recursive: true })
fs.writeFileSync(staticFile, 'placeholder')

const logFile = path.join(dir, 'server.log')
const log = fs.openSync(logFile, 'w')
const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', HOST], {
  cwd: root,
  env: { ...process.env, ...env },
  stdio: ['ignore', log, log],
  detached: true,
})
let ceiling
const stop = () => {
  ceiling?.close()
  fs.rmSync(staticFile, { force: true })
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch (err) {
    if (err.code !== 'ESRCH') throw err
  }
}
process.on('SIGINT', () => {
  stop()
  process.exit(130)
})

/** GET over node:http, counting the bytes on the wire (fetch would hide compression). */
function getRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)))
    req.on('error', reject)
  })
}

async function waitForServer() {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode != null) break
    try {
      const res = await getRaw(`${baseUrl}/api/plans?limit=1`)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  console.error(fs.readFileSync(logFile, 'utf8'))
  throw new Error(`The server did not answer on ${baseUrl} within 90 s`)
}

/**
 * CPU time (ns) used so far by the server: its main thread (the event loop that answers every
 * request) and every other thread of its process group (libuv's pool, where zlib compresses; V8's
 * GC and compiler helpers; the npx wrapper). Linux schedstat; 0 elsewhere.
 */
function serverCpu() {
  const cpu = { main: 0, other: 0 }
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== server.pid) continue
      const isServer = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('next-server')
      for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
        const ns = Number(
          fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0],
        )
        if (isServer && task === pid) cpu.main += ns
        else cpu.other += ns
      }
    } catch {
      continue // ended meanwhile, or no /proc
    }
  }
  return cpu
}

/** autocannon's result, with the server's CPU per request in µs (`cpu`, when it is ours) */
async function measure(url, seconds = duration) {
  const before = serverCpu()
  const result = await new Promise((resolve, reject) => {
    autocannon(
      { url, connections, duration: seconds, timeout: 30, headers: requestHeaders },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
  })
  const after = serverCpu()
  const n = Math.max(1, result.requests.total)
  result.cpu = {
    main: Math.round((after.main - before.main) / 1e3 / n),
    other: Math.round((after.other - before.other) / 1e3 / n),
  }
  return result
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
const summary = (r) => ({
  requestsPerSecond: Math.round(r.requests.average),
  p50ms: r.latency.p50,
  p99ms: r.latency.p99,
  requests: r.requests.total,
  errors: r.errors + r.timeouts,
  non2xx: r.non2xx,
  cpu: r.cpu,
})

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
/** rounds of one target: rate over all of them, the median round's latencies */
const combine = (list) => ({
  requestsPerSecond: Math.round(
    list.reduce((n, r) => n + r.requests, 0) / (list.length * duration),
  ),
  p50ms: median(list.map((r) => r.p50ms)),
  p99ms: median(list.map((r) => r.p99ms)),
  requests: list.reduce((n, r) => n + r.requests, 0),
  errors: list.reduce((n, r) => n + r.errors, 0),
  non2xx: list.reduce((n, r) => n + r.non2xx, 0),
  rounds: list.map((r) => r.requestsPerSecond),
  // the server's CPU per request, weighted by each round's requests
  cpu: Object.fromEntries(
    ['main', 'other'].map((k) => [
      k,
      Math.round(
        list.reduce((n, r) => n + r.cpu[k] * r.requests, 0) /
          Math.max(
            1,
            list.reduce((n, r) => n + r.requests, 0),
          ),
      ),
    ]),
  ),
})

let exitCode = 1
try {
  await waitForServer()
  const page = await getRaw(`${baseUrl}${pagePath}`)
  if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}`)
  const html = page.body
  // warm up: first renders fill the data cache
  for (let i = 0; i < 20; i++) await getRaw(`${baseUrl}${pagePath}`)

  const gz = await getRaw(`${baseUrl}${pagePath}`, { 'accept-encoding': 'gzip' })
  // what the measured requests get: served from Next's cache (HIT) or rendered, hashed or not
  const served = { cache: gz.headers['x-nextjs-cache'] ?? 'none', etag: gz.headers.etag != null }
  const htmlText = html.toString('utf8')
  // nomodule scripts (Next's polyfills) are fetched by legacy browsers only
  const tags = [...htmlText.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
  const srcs = tags.filter((m) => !/nomodule/i.test(m[1] + m[3])).map((m) => m[2])
  const legacy = tags.length - srcs.length
  const uniqueSrcs = [...new Set(srcs)]
  let jsRaw = 0
  let jsWire = 0
  for (const src of uniqueSrcs) {
    const url = new URL(src, baseUrl).toString()
    const plain = await getRaw(url)
    const wire = await getRaw(url, { 'accept-encoding': 'gzip' })
    jsRaw += plain.body.length
    jsWire += wire.body.length
  }
  const inline = [...htmlText.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1].length)
    .reduce((a, b) => a + b, 0)

  fs.writeFileSync(staticFile, html)
  const check = await getRaw(`${baseUrl}/${staticName}`)
  if (check.status !== 200 || !check.body.equals(html))
    throw new Error(`public/${staticName} was not served as written (${check.status})`)

  // page and file in turns: a shared machine's load drifts within a minute, and each round
  // measures both under about the same load
  console.log(
    `\nMeasuring ${baseUrl}${pagePath} and the same ${kib(html.length)} as a static file, ` +
      `${baseUrl}/${staticName}: ${rounds} round(s) of ${duration} s each, ${connections} connections${gzip ? ', asking for gzip' : ''} …`,
  )
  // warm-up under load, not measured: the first seconds of load run code V8 has not optimised
  // yet, and the page (measured first) paid for it alone
  const warm = Math.min(3, duration)
  for (const url of [`${baseUrl}${pagePath}`, `${baseUrl}/${staticName}`]) await measure(url, warm)
  const pageRounds = []
  const fileRounds = []
  for (let round = 1; round <= rounds; round++) {
    pageRounds.push(summary(await measure(`${baseUrl}${pagePath}`)))
    fileRounds.push(summary(await measure(`${baseUrl}/${staticName}`)))
    const [p, f] = [pageRounds.at(-1), fileRounds.at(-1)]
    console.log(
      `  round ${round}: page ${p.requestsPerSecond} req/s, file ${f.requestsPerSecond} req/s, ` +
        `page/file ${((100 * p.requestsPerSecond) / f.requestsPerSecond).toFixed(1)}%; ` +
        `server CPU per request: page ${p.cpu.main} µs main thread + ${p.cpu.other} µs others, ` +
        `file ${f.cpu.main} + ${f.cpu.other} µs`,
    )
  }
  const next = combine(pageRounds)
  const file = combine(fileRounds)
  if (next.non2xx > 0 || next.errors > 0)
    console.warn('  (some responses failed: see non2xx / errors)')

  const ceilingBody = gzip ? gzipSync(html) : html
  ceiling = http.createServer((req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': ceilingBody.length,
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    })
    res.end(ceilingBody)
  })
  await new Promise((resolve) => ceiling.listen(ceilingPort, HOST, resolve))
  console.log(`Measuring the same ${kib(html.length)} from node:http on ${HOST}:${ceilingPort} …`)
  const bare = summary(await measure(`http://${HOST}:${ceilingPort}/`))

  const sizes = {
    htmlBytes: html.length,
    htmlGzipBytes:
      gz.headers['content-encoding'] === 'gzip' ? gz.body.length : gzipSync(html).length,
    inlineScriptBytes: inline,
    scripts: uniqueSrcs.length,
    legacyScripts: legacy,
    jsBytes: jsRaw,
    jsGzipBytes: jsWire,
  }
  const row = (label, pick) =>
    console.log(
      `${label.padEnd(16)} ${String(pick(next)).padStart(12)} ${String(pick(file)).padStart(18)} ${String(pick(bare)).padStart(18)}`,
    )
  console.log('\n                     page (next)   static file (next)   node:http (ceiling)')
  row('requests/s', (r) => r.requestsPerSecond)
  row('latency p50 (ms)', (r) => r.p50ms)
  row('latency p99 (ms)', (r) => r.p99ms)
  row('requests', (r) => r.requests)
  row('errors / non-2xx', (r) => `${r.errors} / ${r.non2xx}`)
  // the ceiling is this process, not the server
  const cpuRow = (label, key) =>
    console.log(
      `${label.padEnd(16)} ${String(next.cpu[key]).padStart(12)} ${String(file.cpu[key]).padStart(18)} ${'—'.padStart(18)}`,
    )
  cpuRow('CPU main µs/req', 'main')
  cpuRow('CPU others µs', 'other')
  const ratio = bare.requestsPerSecond > 0 ? next.requestsPerSecond / bare.requestsPerSecond : 0
  const ofStatic = file.requestsPerSecond > 0 ? next.requestsPerSecond / file.requestsPerSecond : 0
  console.log(
    `\npage/static file: ${(ofStatic * 100).toFixed(1)}% (target ≥ 70%); page/ceiling: ${(ratio * 100).toFixed(1)}% of the bare node:http throughput`,
  )
  console.log(
    `The page: x-nextjs-cache ${served.cache}, ${served.etag ? 'with' : 'without'} an ETag (hashed per request)`,
  )
  console.log(
    `HTML: ${kib(sizes.htmlBytes)} (${kib(sizes.htmlGzipBytes)} gzip, of which ${kib(sizes.inlineScriptBytes)} inline scripts)`,
  )
  console.log(
    `JavaScript: ${sizes.scripts} files, ${kib(sizes.jsBytes)} (${kib(sizes.jsGzipBytes)} gzip)` +
      (legacy ? `; plus ${legacy} nomodule polyfill file(s) that only legacy browsers load` : ''),
  )
  const load = os.loadavg().map((n) => n.toFixed(1))
  console.log(
    `Machine: ${os.cpus().length} cores, load average ${load.join(' ')} (figures shrink under load)`,
  )
  console.log(
    `\n${JSON.stringify({ path: pagePath, connections, duration, rounds, next, staticFile: file, ceiling: bare, ratio: Number(ratio.toFixed(3)), ofStatic: Number(ofStatic.toFixed(3)), gzip, served, sizes })}`,
  )
  exitCode = next.non2xx > 0 || next.errors > 0 ? 1 : 0
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  console.error(`Server log: ${logFile}`)
} finally {
  stop()
}
process.exit(exitCode)
