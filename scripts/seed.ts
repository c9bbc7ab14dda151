/**
 * npm run seed [-- --reset] [-- --demo]
 * Seeds the ALCTS plan, its sections and sample initiatives; demo accounts outside production or
 * with --demo. Idempotent; --reset starts from an empty database.
 */
import { getPayload } from 'payload'

import { env } from '../lib/env'
import { guardAgainstSilentExit } from '../lib/import/cli'
import { seed } from '../lib/seed'

const guard = guardAgainstSilentExit('the seed')

async function main() {
  const args = new Set(process.argv.slice(2))
  const unknown = [...args].filter((a) => !['--reset', '--demo'].includes(a))
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run seed [-- --reset] [--demo]`)
    process.exit(2)
  }
  const config = env()
  // Loaded after the guard is in place: Node 20 sometimes drops this import (see the guard).
  const { default: payloadConfig } = await import('../payload.config')
  const payload = await getPayload({ config: payloadConfig })
  await seed({
    payload,
    reset: args.has('--reset'),
    demo: !config.isProduction || args.has('--demo'),
    demoPassword: config.demoPassword,
    log: (line) => console.log(line),
  })
  await payload.destroy()
}

main().then(
  () => {
    guard.finished()
    process.exit(0)
  },
  (err: unknown) => {
    guard.finished()
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  },
)
