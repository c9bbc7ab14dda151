/**
 * The report's "Since <previous cycle>" part as plain data: what lib/plan/cycles' `sinceDiff`
 * found between the cycle the report speaks for and the one before, narrowed to the report's
 * view (audience and section) and shaped as rows. Pure.
 */
import {
  coverageAsOf,
  coverageTrendSentence,
  cycleCutoff,
  findStale,
  initiativesAsOf,
  sinceDiff,
  sortCycles,
  type Cycle,
  type HistoryInput,
  type InitiativeChange,
  type StaleRule,
} from '@/lib/plan/cycles'
import type { CoverageOptions, PlanCoverage } from '@/lib/plan/coverage'
import type { Id, InitiativeStatus, SectionSummary } from '@/lib/plan/types'

/** How many of the largest progress changes the report lists. */
export const LARGEST_CHANGES = 10

/** One initiative that moved between the two cycles. */
export interface ReportChange {
  key: string
  title: string
  /** the section's abbreviation when it has one, else its name */
  section: string
  /** null: the initiative was not there at the previous cycle */
  from: { status: InitiativeStatus; progress: number | null } | null
  to: { status: InitiativeStatus; progress: number | null }
  progressDelta: number
}

export interface ReportSince {
  /** the previous cycle */
  from: { name: string }
  /** the cycle the report speaks for ("today" between cycles) */
  to: { name: string }
  /** plan coverage at the previous cycle, 0–1 */
  previousCoverage: number
  /** "Coverage rose from 58% to 69% since Midwinter 2008" */
  trend: string
  newlyCompleted: ReportChange[]
  newlyStarted: ReportChange[]
  /** status changes of initiatives that were there before (new ones are listed as new) */
  statusChanges: ReportChange[]
  /** initiatives new since the previous cycle */
  added: ReportChange[]
  /** the largest progress changes, largest first (at most LARGEST_CHANGES) */
  progressChanges: ReportChange[]
  /** stale as of the cycle, by title */
  stale: ReportChange[]
  /** how staleness was decided, in words */
  staleRule: string
  /** sections expected to report in the cycle that sent nothing, by name */
  sectionsNotReported: string[]
}

const key = (id: Id): string => String(id)

const staleRuleText = (rule: StaleRule): string =>
  rule.kind === 'cycle'
    ? `Planned or in-progress initiatives with no update in ${rule.cycle.name}, the latest closed cycle.`
    : `Planned or in-progress initiatives with no update in the last ${rule.days} days.`

/**
 * "Since" for `cycle` (which must be in `input.cycles`), or null when it has no previous cycle.
 * `inView` keeps the initiatives the report shows (its audience and section).
 */
export function buildSince(
  input: HistoryInput,
  cycle: Cycle,
  current: PlanCoverage,
  options: {
    now: Date
    coverage: CoverageOptions
    inView: (initiativeId: Id) => boolean
    sectionInView: (section: Pick<SectionSummary, 'slug'>) => boolean
  },
): ReportSince | null {
  const sorted = sortCycles(input.cycles)
  const index = sorted.findIndex((c) => key(c.id) === key(cycle.id))
  const previous = index > 0 ? sorted[index - 1] : undefined
  if (!previous) return null
  const diff = sinceDiff(input, cycle, { now: options.now })
  const sections = new Map(input.sections.map((s) => [key(s.id), s]))
  const asOf = new Map(
    initiativesAsOf(input.initiatives, input.updates, cycleCutoff(cycle, options.now)).map((i) => [
      key(i.id),
      i,
    ]),
  )
  const row = (change: InitiativeChange): ReportChange => {
    const section = sections.get(key(change.section))
    return {
      key: key(change.id),
      title: change.title,
      section: section?.abbreviation || section?.name || '—',
      from: change.from,
      to: change.to,
      progressDelta: change.progressDelta,
    }
  }
  const rows = (changes: InitiativeChange[]): ReportChange[] =>
    changes.filter((c) => options.inView(c.id)).map(row)
  const byTitle = (a: ReportChange, b: ReportChange) => a.title.localeCompare(b.title, 'en')
  const previousCoverage = coverageAsOf(input, previous, options.now, options.coverage)
  const stale = findStale(input, { now: options.now, asOf: cycle })
  const staleRows = stale.initiatives.flatMap((id) => {
    const initiative = asOf.get(key(id))
    if (!initiative || !options.inView(id)) return []
    return [
      row({
        id,
        title: initiative.title,
        section: initiative.section,
        from: null,
        to: { status: initiative.status, progress: initiative.progress ?? null },
        progressDelta: 0,
      }),
    ]
  })
  return {
    from: { name: previous.name },
    to: { name: cycle.name },
    previousCoverage: previousCoverage.coverage,
    trend: coverageTrendSentence(previousCoverage, current, previous.name),
    newlyCompleted: rows(diff.newlyCompleted).sort(byTitle),
    newlyStarted: rows(diff.newlyStarted).sort(byTitle),
    statusChanges: rows(diff.statusChanges.filter((c) => c.from !== null)).sort(byTitle),
    added: rows(diff.statusChanges.filter((c) => c.from === null)).sort(byTitle),
    progressChanges: rows(diff.progressChanges).slice(0, LARGEST_CHANGES),
    stale: staleRows.sort(byTitle),
    staleRule: staleRuleText(stale.rule),
    sectionsNotReported: diff.sectionsNotReported
      .filter((s) => options.sectionInView(s))
      .map((s) => s.name)
      .sort((a, b) => a.localeCompare(b, 'en')),
  }
}
