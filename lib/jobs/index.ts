/**
 * Lodestar's work on Payload's job queue: never inside the request that caused it. A cycle that
 * opens queues its notices, one that closes queues its report; an hourly schedule sends the
 * reminders as due dates come near and retries the board links an earlier run could not send. A task
 * whose sends failed throws, and Payload retries it with exponential back-off; the notification
 * keys (lib/jobs/deliver.ts) keep every retry from sending twice.
 *
 * `npm run dev` runs the queue in-process every few seconds; production runs `npm run jobs`
 * (scripts/jobs.ts) as its own process, so the web server never does.
 */
import type { JobsConfig, Payload, TaskConfig } from 'payload'

import { isAdmin } from '@/lib/auth/roles'
import type { Id } from '@/lib/plan/types'
import { CYCLES_SLUG } from '@/lib/plan/cycles'
import { sendCycleNotices } from './cycleNotices'
import { DeliveryFailedError, type DeliveryTally } from './deliver'

export const JOBS_QUEUE = 'lodestar'

/** Back-off of a failing send: 1, 2, 4, 8, 16, 32 minutes, then the hourly sweep takes over. */
const RETRIES = { attempts: 6, backoff: { type: 'exponential' as const, delay: 60_000 } }

const cycleInput = [{ name: 'cycle', type: 'text' as const, required: true }]
const tallyOutput = [{ name: 'tally', type: 'json' as const }]

// The report renderer and its data (server-only modules) load when a report is archived, not
// with payload.config.ts: the command-line scripts that read the config never need them.
const archiveCycleReport = async (payload: Payload, cycle: Id) =>
  (await import('./archive')).archiveCycleReport(payload, cycle)
const retryReportLinks = async (payload: Payload, cycle: Id) =>
  (await import('./archive')).archiveCycleReport(payload, cycle, { pendingOnly: true })
const cyclesWithPendingLinks = async (payload: Payload) =>
  (await import('./archive')).cyclesWithPendingLinks(payload)

const failIfUnsent = (tally: DeliveryTally) => {
  if (tally.failed > 0) throw new DeliveryFailedError(tally.failed)
}

/** Opening notice, reminder and due-date notice of one cycle, as far as they are due. */
const cycleNoticesTask: TaskConfig<'cycleNotices'> = {
  slug: 'cycleNotices',
  label: 'Cycle notices and reminders',
  inputSchema: cycleInput,
  outputSchema: tallyOutput,
  retries: RETRIES,
  handler: async ({ input, req }) => {
    const tally = await sendCycleNotices(req.payload, input.cycle)
    failIfUnsent(tally)
    return { output: { tally } }
  },
}

/** The closed cycle's archived report and the board's links. */
const archiveReportTask: TaskConfig<'archiveReport'> = {
  slug: 'archiveReport',
  label: 'Archive the board report of a closed cycle',
  inputSchema: cycleInput,
  outputSchema: [...tallyOutput, { name: 'report', type: 'text' as const }],
  retries: RETRIES,
  handler: async ({ input, req }) => {
    const { report, tally } = await archiveCycleReport(req.payload, input.cycle)
    failIfUnsent(tally)
    return { output: { tally, report: report == null ? null : String(report) } }
  },
}

/** Every hour: reminders as due dates come near, and anything an earlier run left unsent. */
const sweepTask: TaskConfig<'cycleSweep'> = {
  slug: 'cycleSweep',
  label: 'Hourly sweep of open and closed cycles',
  schedule: [{ cron: '0 * * * *', queue: JOBS_QUEUE }],
  outputSchema: tallyOutput,
  handler: async ({ req }) => {
    const tally = await sweepCycles(req.payload)
    return { output: { tally } }
  },
}

/**
 * The notices of every open cycle (each run works out what is due), and the board links of closed
 * cycles that failed before (only those: the closing's own job archives and mails the board).
 * Idempotent; one broken cycle does not stop the others.
 */
export async function sweepCycles(
  payload: Payload,
  now: Date = new Date(),
): Promise<DeliveryTally> {
  const { docs } = await payload.find({
    collection: CYCLES_SLUG as 'plans',
    where: { state: { equals: 'open' } } as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const work: { id: Id; run: () => Promise<DeliveryTally> }[] = [
    ...(docs as unknown as { id: Id }[]).map((doc) => ({
      id: doc.id,
      run: () => sendCycleNotices(payload, doc.id, now),
    })),
    ...(await cyclesWithPendingLinks(payload)).map((id) => ({
      id,
      run: async () => (await retryReportLinks(payload, id)).tally,
    })),
  ]
  const total: Record<string, number> = {}
  for (const { id, run } of work) {
    try {
      const tally = await run()
      for (const [outcome, n] of Object.entries(tally)) total[outcome] = (total[outcome] ?? 0) + n
    } catch (err) {
      payload.logger.error({ err, msg: `Sweep of cycle ${id} failed` })
      total.failed = (total.failed ?? 0) + 1
    }
  }
  return total as DeliveryTally
}

/** Queues the work a cycle's change of state calls for (from the cycles collection's hook). */
export async function queueCycleWork(
  payload: Payload,
  cycle: Id,
  state: string,
  req?: Parameters<Payload['jobs']['queue']>[0]['req'],
) {
  const task = state === 'open' ? 'cycleNotices' : state === 'closed' ? 'archiveReport' : null
  if (!task) return
  await payload.jobs.queue({ task, input: { cycle: String(cycle) }, queue: JOBS_QUEUE, req })
}

/**
 * One pass over Lodestar's queue (`npm run jobs`, the tests): up to `limit` jobs, one after another.
 * Payload runs them in parallel by default, and on SQLite (one writer at a time) two jobs that
 * update their records at once fail with SQLITE_BUSY; the queue holds a few jobs, not thousands.
 */
export function runQueuedJobs(payload: Payload, limit = 20) {
  return payload.jobs.run({ queue: JOBS_QUEUE, limit, sequential: true })
}

/** payload.config.ts's `jobs`. `autoRun` only where jobs run in-process (`npm run dev`). */
export function lodestarJobs(options: { runInProcess: boolean }): JobsConfig {
  return {
    tasks: [cycleNoticesTask, archiveReportTask, sweepTask] as TaskConfig[],
    // the job records are Payload's; admins may read them (a failed job shows its error)
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { ...defaultJobsCollection.access, read: ({ req }) => isAdmin(req.user) },
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Email' },
    }),
    // Payload's /api/payload-jobs/run and queue endpoints: admins only (by default any signed-in user)
    access: {
      run: ({ req }) => isAdmin(req.user),
      queue: ({ req }) => isAdmin(req.user),
      cancel: ({ req }) => isAdmin(req.user),
    },
    // one job a tick: autoRun cannot run jobs in sequence, and SQLite takes one writer at a time
    autoRun: options.runInProcess ? [{ cron: '*/10 * * * * *', queue: JOBS_QUEUE, limit: 1 }] : [],
  }
}
