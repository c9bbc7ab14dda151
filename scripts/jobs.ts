/**
 * npm run jobs [-- --once]
 * Payload's job runner as its own process (production: run it beside `npm start`, one or more;
 * the notification keys keep two runners from sending anything twice). Every JOBS_INTERVAL_SECONDS
 * (default 10) it queues what the schedules call for (the hourly cycle sweep) and runs the queue.
 * --once runs one pass and exits (for a cron job instead of a long-running process).
 */
import { getPayload } from 'payload'

import { readCommandLine } from '@/lib/cli'
import { JOBS_QUEUE, runQueuedJobs } from '@/lib/jobs'
import { runScript } from '@/scripts/lib/run'

async function main(): Promise<number> {
  const line = readCommandLine(process.argv.slice(2), { once: { type: 'boolean' } })
  if (!line.ok || line.positionals.length > 0) {
    const what = line.ok ? line.positionals.join(' ') : line.option
    console.error(`Unknown option ${what}. Usage: npm run jobs [-- --once]`)
    return 2
  }
  const once = line.values.once === true
  const seconds = Number(process.env.JOBS_INTERVAL_SECONDS ?? '10')
  if (!Number.isFinite(seconds) || seconds < 1) {
    console.error('JOBS_INTERVAL_SECONDS must be a number of seconds, 1 or more.')
    return 2
  }
  // imported after the options are checked: loading Payload takes seconds
  const { default: config } = await import('@/payload.config')
  const payload = await getPayload({ config })
  let stopping = false
  const stop = () => {
    stopping = true
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)

  const pass = async () => {
    await payload.jobs.handleSchedules({ queue: JOBS_QUEUE })
    const result = await runQueuedJobs(payload)
    const ran = Object.keys(result.jobStatus ?? {}).length
    if (ran > 0) payload.logger.info(`jobs: ran ${ran} job(s)`)
  }

  payload.logger.info(once ? 'jobs: one pass' : `jobs: running the queue every ${seconds} s`)
  do {
    try {
      await pass()
    } catch (err) {
      // a failing pass (database briefly unreachable) is logged; the next pass tries again
      payload.logger.error({ err, msg: 'jobs: the pass failed' })
    }
    if (once) break
    for (let waited = 0; waited < seconds * 10 && !stopping; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } while (!stopping)
  await payload.destroy()
  return 0
}

runScript('the job runner', main)
