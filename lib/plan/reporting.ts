/**
 * "My updates": what a section editor reports on in the open cycle. The initiatives asked for an
 * update are the cycle's expected ones (`cycleCompletion`'s rule: published, planned or in
 * progress before the cycle, or already reported in it). Each form opens with this cycle's update
 * if already submitted, else the latest earlier one, else the initiative's own fields ("last
 * cycle's values copied forward"). Pure; the admin view loads the records and the form draws rows.
 */
import {
  OPEN_WORK_STATUSES,
  compareUpdates,
  cycleCutoff,
  initiativesAsOf,
  type Cycle,
  type InitiativeRecord,
  type ProgressUpdate,
} from './cycles'
import { INITIATIVE_STATUSES, type Id, type InitiativeStatus } from './types'

/** One compact form of "My updates". */
export interface ReportingRow {
  id: Id
  title: string
  sectionName: string
  /** what the form opens with */
  status: InitiativeStatus
  progress: number
  /** this cycle's note once submitted; empty otherwise (a note says what happened since) */
  note: string
  /** the latest earlier note, shown beside the form for reference */
  previousNote: string | null
  /** where the opening values come from, e.g. "Copied from Annual 2007" */
  source: string
  /** this cycle's update, once submitted */
  submitted: { id: Id; at: string } | null
}

const key = (id: Id): string => String(id)

const clampProgress = (value: number | null | undefined): number =>
  value == null || !Number.isFinite(value) ? 0 : Math.min(100, Math.max(0, Math.round(value)))

// "Annual 2007", or the date of an update between cycles.
const sourceName = (update: ProgressUpdate, cycleNames: Map<string, string>): string =>
  update.cycle == null
    ? `the update of ${update.submittedAt.slice(0, 10)}`
    : (cycleNames.get(key(update.cycle)) ?? 'the last update')

/**
 * The rows for `cycle`, one per expected initiative (in the order given), each with the values
 * its form opens with. `cycleNames` names the plan's cycles for the "Copied from …" line;
 * `sectionNames` the sections by id.
 */
export function reportingRows(
  initiatives: InitiativeRecord[],
  updates: ProgressUpdate[],
  cycle: Pick<Cycle, 'id' | 'state' | 'closedAt'>,
  names: { cycles: Map<string, string>; sections: Map<string, string> },
  now: Date,
): ReportingRow[] {
  const inCycle = (u: ProgressUpdate) => u.cycle != null && key(u.cycle) === key(cycle.id)
  const earlierUpdates = updates.filter((u) => !inCycle(u))
  const reported = new Set(updates.filter(inCycle).map((u) => key(u.initiative)))
  const expected = new Set(
    initiativesAsOf(initiatives, earlierUpdates, cycleCutoff(cycle, now))
      .filter(
        (i) => i.published && (reported.has(key(i.id)) || OPEN_WORK_STATUSES.includes(i.status)),
      )
      .map((i) => key(i.id)),
  )
  const newest = new Map<string, { current?: ProgressUpdate; earlier?: ProgressUpdate }>()
  for (const u of [...updates].sort(compareUpdates)) {
    const entry = newest.get(key(u.initiative)) ?? {}
    if (inCycle(u)) entry.current = u
    else entry.earlier = u
    newest.set(key(u.initiative), entry)
  }
  return initiatives
    .filter((i) => expected.has(key(i.id)))
    .map((initiative) => {
      const { current, earlier } = newest.get(key(initiative.id)) ?? {}
      const base = current ?? earlier
      return {
        id: initiative.id,
        title: initiative.title,
        sectionName: names.sections.get(key(initiative.section)) ?? '',
        status: base?.status ?? initiative.status,
        progress: clampProgress(base ? base.progress : initiative.progress),
        note: current?.note ?? '',
        previousNote: earlier?.note || null,
        source: current
          ? 'Submitted for this cycle'
          : earlier
            ? `Copied from ${sourceName(earlier, names.cycles)}`
            : 'Copied from the initiative',
        submitted: current ? { id: current.id, at: current.submittedAt } : null,
      }
    })
}

/** The tracker: "7 of 9 submitted". */
export const trackerText = (submitted: number, expected: number): string =>
  expected === 0 ? 'Nothing to report in this cycle' : `${submitted} of ${expected} submitted`

/** Why a form's values cannot be submitted, or null when they can. */
export function checkReport(values: { status: string; progress: number | string }): string | null {
  if (!(INITIATIVE_STATUSES as readonly string[]).includes(values.status)) {
    return 'Choose a status.'
  }
  const text = String(values.progress).trim()
  if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
    return 'Progress is a whole number from 0 to 100.'
  }
  return null
}
