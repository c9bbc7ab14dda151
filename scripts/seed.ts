/**
 * npm run seed [-- --reset] [-- --demo]
 * Seeds the ALCTS plan, its sections and sample initiatives; demo accounts outside production or
 * with --demo. Idempotent; --reset starts from an empty database.
 */
import { getPayload } from 'payload'

import { env } from '@/lib/env'
import { runScript } from '@/scripts/lib/run'
import { seed } from '@/lib/seed'

async function main() {
  const args = new Set(process.argv.slice(2))
  const unknown = [...args].filter((a) => !['--reset', '--demo'].includes(a))
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run seed [-- --reset] [--demo]`)
    process.exit(2)
  }
  const config = env()
  // Imported here, once runScript's guard is in place: Node 20 sometimes drops this import.
  const { default: payloadConfig } = await import('@/payload.config')
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

runScript('the seed', main)
