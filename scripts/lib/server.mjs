/**
 * Starts the production build (`next start`) on a loopback port with a given environment, for the
 * browser tests, the MongoDB smoke test and the benchmarks. Seeds first when asked.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

/** Runs a command in the project root; exits the process with its status if it fails. */
export function runOrExit(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Builds when the dist dir has no build yet. */
export function ensureBuild() {
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log(`No production build in ${distDir}: building first.`)
    runOrExit('npx', ['next', 'build'])
  }
}

/** The demo accounts' password (lib/env.ts's default when DEMO_PASSWORD is unset). */
export const DEMO_PASSWORD = 'lodestar-demo'

/** The environment of a production server on `port` with its own database and test secrets. */
export function productionEnv(port, databaseUri, extra = {}) {
  return {
    NODE_ENV: 'production',
    DATABASE_URI: databaseUri,
    // production refuses secrets under 32 characters or equal to each other (lib/env.ts)
    PAYLOAD_SECRET: 'lodestar-test-payload-secret-of-32-characters-or-more',
    NEXTAUTH_SECRET: 'lodestar-test-nextauth-secret-of-32-characters-or-more',
    NEXTAUTH_URL: `http://localhost:${port}`,
    DEMO_PASSWORD,
    NEXT_TELEMETRY_DISABLED: '1',
    // as the Dockerfile's web image runs it (two malloc arenas: bench/load/README.md, "Soak")
    MALLOC_ARENA_MAX: '2',
    ...extra,
  }
}

/** Seeds the database of `env` with the ALCTS plan and the demo accounts. */
export function seedDemo(env) {
  runOrExit('npm', ['run', '--silent', 'seed', '--', '--demo'], env)
}

/**
 * Runs `npx next <args>` in the project root in a process group of its own, its output in logFile;
 * `stop()` ends the group (npx, next and its workers).
 * @param {string[]} args
 * @param {{ env: Record<string, string | undefined>, logFile: string }} options
 */
export function spawnNext(args, { env, logFile }) {
  const log = fs.openSync(logFile, 'w')
  const server = spawn('npx', ['next', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  })
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM')
    } catch (err) {
      if (err.code !== 'ESRCH') throw err
    }
  }
  return { server, stop }
}

/**
 * Asks `url` every `everyMs` until an answer `accept`s (by default a 2xx) and resolves with its
 * status; 0 when `server` exits or `timeoutMs` passes first. Refused connections are "not yet".
 * @param {string} url
 * @param {{ server: import('node:child_process').ChildProcess, timeoutMs: number, everyMs?: number, accept?: (status: number) => boolean }} options
 */
export async function waitForAnswer(
  url,
  { server, timeoutMs, everyMs = 500, accept = (status) => status >= 200 && status < 300 },
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && server.exitCode == null) {
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0, // not listening yet
    )
    if (status > 0 && accept(status)) return status
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return 0
}

/**
 * Starts `next start -p port` (listening on `host` only when given) and resolves once /api/plans
 * answers; `stop()` ends the server. The server's output goes to logFile.
 * @param {{ port: number, host?: string, env: Record<string, string>, logFile: string, timeoutMs?: number }} options
 */
export async function startServer({ port, host, env, logFile, timeoutMs = 90_000 }) {
  const url = `http://${host ?? 'localhost'}:${port}`
  const listen = host ? ['-H', host] : []
  const { server, stop } = spawnNext(['start', '-p', String(port), ...listen], {
    env: { ...process.env, ...env },
    logFile,
  })
  const status = await waitForAnswer(`${url}/api/plans?limit=1`, { server, timeoutMs })
  if (status > 0) return { url, stop, logFile, pid: server.pid }
  stop()
  console.error(fs.readFileSync(logFile, 'utf8'))
  throw new Error(`The server did not answer on ${url} within ${timeoutMs / 1000} s`)
}

/** The last lines of a log file, for failure reports. */
export function tail(file, lines = 60) {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
}
