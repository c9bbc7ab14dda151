import type { Payload, PayloadRequest, RequestContext } from 'payload'

import type { InitiativeStatus } from '@/lib/plan/types'
import type { SampleInitiative } from './sampleInitiatives'

/**
 * The demo history (docs/architecture.md, "Progress cycles"): three closed reporting cycles and an
 * open one on the ALCTS plan, with updates derived from each sample initiative's dates, so a new
 * user sees trends at once. Some work completes (e.g. the metadata wiki in Annual 2008), some
 * stalls (two initiatives report the same progress cycle after cycle, one stops reporting and is
 * stale), Preservation misses Annual 2008, and in the open cycle only Cataloging and Serials have
 * reported yet: the Acquisitions section editor has work waiting in "My updates". Each initiative's
 * last update carries its sample status and progress, so today's numbers are the samples' own.
 */
export const SEED_CYCLES = [
  {
    name: 'Midwinter 2008',
    asOf: '2008-01-11',
    opensOn: '2007-12-01',
    dueOn: '2008-01-04',
    closedAt: '2008-01-31T17:00:00.000Z',
  },
  {
    name: 'Annual 2008',
    asOf: '2008-06-26',
    opensOn: '2008-05-15',
    dueOn: '2008-06-20',
    closedAt: '2008-07-31T17:00:00.000Z',
  },
  {
    name: 'Midwinter 2009',
    asOf: '2009-01-23',
    opensOn: '2008-12-01',
    dueOn: '2009-01-16',
    closedAt: '2009-02-27T17:00:00.000Z',
  },
  {
    name: 'Annual 2009',
    asOf: '2009-07-09',
    opensOn: '2009-05-15',
    dueOn: '2009-06-30',
    closedAt: null,
  },
] as const

const INSTRUCTIONS =
  'Report the status and percent complete of each of your section’s initiatives as of the ' +
  'conference, with a sentence on what happened since the last cycle and what comes next.'

/** Sections that have already reported in the open cycle. */
const REPORTED_IN_OPEN = new Set(['cataloging', 'serials'])
/** (section, cycle index) pairs that sent nothing. */
const MISSED = new Set(['preservation:1'])
/** Work that stalls: the same progress every cycle after it starts. */
const STALLED = new Set([
  'Review of serials standards for e-journals (sample)',
  'Joint continuing education with state associations (sample)',
])
/** Work that stops reporting after Annual 2008 (stale). */
const SILENT_AFTER_SECOND = new Set(['Liaison with ALA divisions on shared programs (sample)'])

interface Step {
  status: InitiativeStatus
  progress: number
  note: string
}

const before = (date: string | undefined, asOf: string) => date !== undefined && date <= asOf

/** What a sample reports in cycle `index`, or null when it sends nothing then. */
export function sampleStep(sample: SampleInitiative, index: number): Step | null {
  const cycle = SEED_CYCLES[index]
  if (!cycle || sample.draft) return null
  if (MISSED.has(`${sample.section}:${index}`)) return null
  const last = REPORTED_IN_OPEN.has(sample.section) ? 3 : 2
  if (index > last) return null
  if (SILENT_AFTER_SECOND.has(sample.title) && index >= 2) return null
  const final: Step = {
    status: sample.status,
    progress: sample.progress,
    note: 'Status confirmed for this cycle.',
  }
  if (sample.status === 'proposed') return index === 0 ? { ...final, note: 'Proposed.' } : null
  if (before(sample.completedDate, cycle.asOf)) {
    // completed work reports once, in the cycle it completed in (or the first)
    const previous = SEED_CYCLES[index - 1]
    if (index > 0 && previous && before(sample.completedDate, previous.asOf)) return null
    return { status: 'completed', progress: 100, note: 'Completed and reported to the board.' }
  }
  if (index === last && !SILENT_AFTER_SECOND.has(sample.title)) return final
  if (!before(sample.startDate, cycle.asOf)) {
    // not yet approved: the trend shows coverage growing as proposals become work
    return { status: 'proposed', progress: 0, note: 'Proposed; work has not started yet.' }
  }
  const target = sample.status === 'completed' ? 100 : Math.max(sample.progress, 10)
  const share = STALLED.has(sample.title) ? 1 : (index + 1) / (last + 2)
  const progress = Math.min(target, Math.round((sample.progress || target) * share))
  return {
    status: 'in-progress',
    progress,
    note: STALLED.has(sample.title)
      ? 'No change since the last cycle; waiting on volunteers.'
      : 'Work continues as planned.',
  }
}

/**
 * Creates the demo cycles and their updates once: when the plan already has cycles (a second
 * `npm run seed`) it does nothing, so the seed stays idempotent and closed cycles stay frozen.
 * Runs as a script (no user), which lets it give historical submission and closing dates.
 */
export async function seedHistory(options: {
  payload: Payload
  req?: Partial<PayloadRequest>
  context: RequestContext
  plan: number
  initiatives: { id: number; sample: SampleInitiative }[]
}): Promise<{ cycles: number; updates: number }> {
  const { payload, req, context, plan } = options
  const common = { req, context, depth: 0, overrideAccess: true as const }
  const existing = await payload.count({
    collection: 'cycles',
    where: { plan: { equals: plan } },
    ...common,
  })
  if (existing.totalDocs > 0) return { cycles: 0, updates: 0 }

  let updates = 0
  for (const [index, spec] of SEED_CYCLES.entries()) {
    const cycle = await payload.create({
      collection: 'cycles',
      data: {
        plan,
        name: spec.name,
        asOf: spec.asOf,
        opensOn: spec.opensOn,
        dueOn: spec.dueOn,
        instructions: INSTRUCTIONS,
        state: 'open',
      },
      ...common,
    })
    // submitted over the fortnight before the due date, one initiative after another
    const due = new Date(`${spec.dueOn}T12:00:00.000Z`).getTime()
    for (const [n, { id, sample }] of options.initiatives.entries()) {
      const step = sampleStep(sample, index)
      if (!step) continue
      await payload.create({
        collection: 'progress-updates',
        data: {
          initiative: id,
          cycle: cycle.id,
          ...step,
          submittedAt: new Date(due - (14 - (n % 14)) * 86_400_000).toISOString(),
        },
        ...common,
      })
      updates += 1
    }
    if (spec.closedAt) {
      await payload.update({
        collection: 'cycles',
        id: cycle.id,
        data: { state: 'closed', closedAt: spec.closedAt },
        ...common,
      })
    }
  }
  return { cycles: SEED_CYCLES.length, updates }
}
