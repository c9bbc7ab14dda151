/**
 * Plumbing every command-line script shares (seed, import, export, generate, migrate): a quiet
 * Payload whose log goes to stderr, and one way to run `main` and exit with its code.
 */
import { spawnSync } from 'node:child_process'

import { getPayload, type Config, type Payload, type SanitizedConfig } from 'payload'

/**
 * Payload for a command-line script whose stdout is its result: Payload's own log lines go to
 * stderr, errors only.
 */
export async function quietPayload(): Promise<Payload> {
  const { default: configPromise } = await import('@/payload.config')
  const config = await configPromise
  const logger: Config['logger'] = { options: { level: 'error' }, destination: process.stderr }
  // the sanitized config types `logger` as fully filled in; Payload reads this form as given
  return getPayload({ config: { ...config, logger } as SanitizedConfig })
}

/**
 * Node 20 sometimes drops a pending dynamic import of Payload's config under tsx's loader: the
 * promise never settles, the event loop drains and the process would exit (0, or 13 for a pending
 * top-level await) having done nothing (payloadcms/payload#17757; seen in up to half the runs on
 * a loaded 2-core machine). A script calls this first and `finished()` at its end; an exit without
 * it runs the script again (nothing was written: the hang is in loading modules), up to
 * SILENT_EXIT_RETRIES times, and fails with a message after that.
 */
export const SILENT_EXIT_RETRIES = 5

export function guardAgainstSilentExit(name: string): { finished: () => void } {
  let done = false
  process.exitCode = 1
  process.once('beforeExit', () => {
    if (done) return
    const attempt = Number(process.env.LODESTAR_CLI_RETRIED ?? '0')
    if (attempt < SILENT_EXIT_RETRIES) {
      const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, LODESTAR_CLI_RETRIED: String(attempt + 1) },
      })
      process.exit(again.status ?? 1)
    }
    process.stderr.write(
      `error: ${name} stopped while loading Payload (a Node.js module-loading fault) ${attempt + 1} times; nothing was written. Run it again.\n`,
    )
    process.exit(1)
  })
  return {
    finished: () => {
      done = true
    },
  }
}

/**
 * Runs a command-line script: guards against the silent exit above, then exits with the code
 * `main` returns (0 when none), or prints the error and exits 1.
 */
export function runScript(name: string, main: () => Promise<number | void>): void {
  const guard = guardAgainstSilentExit(name)
  main().then(
    (code) => {
      guard.finished()
      process.exit(code ?? 0)
    },
    (err: unknown) => {
      guard.finished()
      console.error(err instanceof Error ? (err.stack ?? err.message) : err)
      process.exit(1)
    },
  )
}
