/**
 * "My updates": what a section editor reports on in the open cycle. Each initiative that needs an
 * update opens with the values to start from (this cycle's update if already submitted, else the
 * latest earlier one, else the initiative's own fields: "last cycle's values copied forward").
 * Pure; the admin view loads the records and the form draws these rows.
 */
import { INITIATIVE_STATUSES, type Id, type InitiativeStatus } from './types'

/** An update as the form needs it (a `progress-updates` record, flattened). */
export interface ReportedUpdate {
  id: Id
  initiative: Id
  /** null for an update between cycles */
  cycle: Id | null
  status: InitiativeStatus
  progress: number | null
  note: string | null
  submittedAt: string
}

export interface ReportingInitiative {
  id: Id
  title: string
  sectionName: string
  status: InitiativeStatus
  progress: number | null
}

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

const newestFirst = (a: ReportedUpdate, b: ReportedUpdate): number =>
  b.submittedAt.localeCompare(a.submittedAt) || key(b.id).localeCompare(key(a.id))

// "Annual 2007", or the date of an update between cycles.
const sourceName = (update: ReportedUpdate, cycleNames: Map<string, string>): string =>
  update.cycle == null
    ? `the update of ${update.submittedAt.slice(0, 10)}`
    : (cycleNames.get(key(update.cycle)) ?? 'the last update')

/**
 * The rows for `cycle`: one per initiative (in the order given), opening with this cycle's
 * update, else the latest update submitted before it, else the initiative's own fields.
 * `cycleNames` names earlier cycles for the "Copied from …" line.
 */
export function reportingRows(
  initiatives: ReportingInitiative[],
  updates: ReportedUpdate[],
  cycle: { id: Id; opensOn?: string | null },
  cycleNames: Map<string, string> = new Map(),
): ReportingRow[] {
  const byInitiative = new Map<string, ReportedUpdate[]>()
  for (const u of [...updates].sort(newestFirst)) {
    const list = byInitiative.get(key(u.initiative))
    if (list) list.push(u)
    else byInitiative.set(key(u.initiative), [u])
  }
  return initiatives.map((initiative) => {
    const own = byInitiative.get(key(initiative.id)) ?? []
    const current = own.find((u) => u.cycle != null && key(u.cycle) === key(cycle.id))
    const earlier = own.find((u) => u.cycle == null || key(u.cycle) !== key(cycle.id))
    const base = current ?? earlier
    const source = current
      ? 'Submitted for this cycle'
      : earlier
        ? `Copied from ${sourceName(earlier, cycleNames)}`
        : 'Copied from the initiative'
    return {
      id: initiative.id,
      title: initiative.title,
      sectionName: initiative.sectionName,
      status: base?.status ?? initiative.status,
      progress: clampProgress(base ? base.progress : initiative.progress),
      note: current?.note ?? '',
      previousNote: earlier?.note || null,
      source,
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
