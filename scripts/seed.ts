/**
 * npm run seed [-- --reset] [-- --demo]
 * Seeds the ALCTS plan, its sections and sample initiatives; demo accounts outside production or
 * with --demo. Idempotent; --reset starts from an empty database.
 */
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'

import { env } from '@/lib/env'
import { runScript } from '@/scripts/lib/run'
import { seed } from '@/lib/seed'

async function main() {
  const usage = 'Usage: npm run seed [-- --reset] [--demo]'
  let args: { reset?: boolean; demo?: boolean }
  try {
    args = parseArgs({
      options: { reset: { type: 'boolean' }, demo: { type: 'boolean' } },
    }).values
  } catch (err) {
    console.error(`${(err as Error).message} ${usage}`)
    return 2
  }
  const config = env()
  // imported after the options are checked: loading Payload takes seconds
  const { default: payloadConfig } = await import('@/payload.config')
  const payload = await getPayload({ config: payloadConfig })
  await seed({
    payload,
    reset: args.reset === true,
    demo: !config.isProduction || args.demo === true,
    demoPassword: config.demoPassword,
    log: (line) => console.log(line),
  })
  await payload.destroy()
}

runScript('the seed', main)
