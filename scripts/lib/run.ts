/**
 * Plumbing every command-line script shares (seed, import, export, generate, migrate): a quiet
 * Payload whose log goes to stderr, and one way to run `main` and exit with its code.
 */
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
 * Runs a command-line script: exits with the code `main` returns (0 when none), or prints the
 * error and exits 1.
 *
 * Every script runs under `tsx --conditions=development` (package.json). Without that condition
 * Node resolves `lexical` and its ~90 `@lexical/*` modules (Payload's rich-text editor) to their
 * `*.node.mjs` entries, each a top-level `await import()` of the real build. Node 20 evaluates that
 * graph of async modules wrongly now and then: the outer import never settles, the event loop
 * drains and the process exits 0 (or 13) having done nothing, in about half the runs of a bare
 * `node -e "await import('@payloadcms/richtext-lexical')"`, with or without tsx. The condition
 * selects lexical's plain build, which has no top-level await (docs/architecture.md, "Commands").
 */
export function runScript(name: string, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err: unknown) => {
      console.error(`error: ${name} failed`)
      console.error(err instanceof Error ? (err.stack ?? err.message) : err)
      process.exit(1)
    },
  )
}
