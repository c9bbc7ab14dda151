/**
 * The board progress report as plain data: what each page of the PDF prints, shaped from the
 * plan's summaries and the numbers of `computeCoverage` (which this module never re-derives).
 * Pure: no I/O, no react-pdf, so it is cheap to test and to benchmark.
 */
import {
  computeCoverage,
  coverageSummarySentence,
  gapsSentence,
  highestCoverageSentence,
  lowestCoverageSentence,
  statusSentence,
  type Audience,
  type CoverageInput,
  type GoalCoverage,
  type PlanCoverage,
} from '@/lib/plan/coverage'
import {
  cycleCutoff,
  initiativesAsOf,
  openCycle,
  type Cycle,
  type CycleState,
  type InitiativeRecord,
  type ProgressUpdate,
} from '@/lib/plan/cycles'
import {
  ACTIVE_STATUSES,
  INITIATIVE_STATUSES,
  type Id,
  type InitiativeStatus,
  type SectionSummary,
} from '@/lib/plan/types'
import { plural } from '@/lib/format/plural'
import { labelledCode } from '@/lib/plan/numbering'
import { buildSince, type ReportSince } from './since'

export interface ReportPlan {
  slug: string
  title: string
  organization: string
  startYear: number
  endYear: number
}

/** One initiative as a table row. */
export interface ReportInitiative {
  key: string
  title: string
  /** the section's abbreviation when it has one, else its name */
  section: string
  sectionName: string
  status: InitiativeStatus
  /** counts towards coverage (planned, in progress or completed) */
  active: boolean
  progress: number | null
  targetDate: string | null
  completedDate: string | null
  /** codes of the plan objectives it serves, in plan order */
  objectives: string[]
}

export interface ReportObjective {
  code: string
  /** the code as the plan words it: "Strategy 2.3", else "2.3" */
  name: string
  text: string
  covered: boolean
  /** active initiatives serving it (computeCoverage) */
  activeInitiatives: number
  /** every published initiative in view serving it, active ones first */
  initiatives: ReportInitiative[]
}

export interface ReportGoal {
  number: number
  title: string
  coverage: GoalCoverage
  objectives: ReportObjective[]
}

export interface ReportGap {
  code: string
  /** the code as the plan words it: "Strategy 2.3", else "2.3" */
  name: string
  text: string
  goalNumber: number
  goalTitle: string
  /** published initiatives that serve it without counting (proposed, deferred, cancelled) */
  inactive: ReportInitiative[]
}

export interface ReportSectionGroup {
  slug: string
  name: string
  abbreviation: string | null
  /** distinct active initiatives of the section (computeCoverage) */
  activeInitiatives: number
  initiatives: ReportInitiative[]
}

/**
 * How much the report lists. `summary` (the default) stays a report a board reads at any plan size:
 * per objective its most advanced initiatives and "and N more", long lists cut short, and the
 * listing of every initiative by section only while it is short. `full` lists every initiative in
 * an appendix by section, however long.
 */
export const REPORT_LISTINGS = ['summary', 'full'] as const
export type ReportListing = (typeof REPORT_LISTINGS)[number]

/** In a summary: the initiatives shown under each objective, the most advanced first. */
export const TOP_PER_OBJECTIVE = 5
/** In a summary: the rows of each list (changes, stale work, work beside a gap) before "and N more". */
export const SUMMARY_LIST_ROWS = 10
/** In a summary: the work that does not count yet listed beside a gap before "and N more". */
export const SUMMARY_GAP_WORK_ROWS = 3
/** In a summary: the appendix lists every initiative only up to this many (a few pages). */
export const SUMMARY_APPENDIX_LIMIT = 150

export interface ProgressReportModel {
  plan: ReportPlan
  /** how much the report lists (REPORT_LISTINGS) */
  listing: ReportListing
  /** whether the appendix lists every initiative by section (always in `full`) */
  appendix: boolean
  /** published initiatives in view (the appendix's rows) */
  initiativeCount: number
  /** the date the report speaks for, `yyyy-mm-dd` (UTC): the cycle's as-of date, else today */
  asOf: string
  /** the reporting cycle the report speaks for: the one asked for, else the open one */
  cycle: { id: string; name: string; state: CycleState } | null
  /** what changed since the cycle before (null without history or a previous cycle) */
  since: ReportSince | null
  generatedAt: Date
  /** the section the report is limited to, if any */
  section: { slug: string; name: string; abbreviation: string | null } | null
  coverage: PlanCoverage
  /** the executive summary's sentences, each ending with a full stop */
  sentences: string[]
  goals: ReportGoal[]
  gaps: ReportGap[]
  /** sections with at least one initiative in view, by name */
  sections: ReportSectionGroup[]
  /** sections without any initiative in view (their names) */
  idleSections: string[]
}

export interface ProgressReportOptions {
  /** the board's view is 'members': every published initiative, both visibilities */
  audience: Audience
  /** limit the report to one section's work (its slug) */
  section?: string
  now: Date
  /**
   * The plan's progress history. With it every number is as of `cycle` (else as of today, the
   * open cycle's or after the latest closed one) and the report says what changed since the
   * cycle before.
   */
  history?: { cycles: Cycle[]; updates: ProgressUpdate[] }
  /** the id of the cycle to report as of (one of `history.cycles`) */
  cycle?: Id
  /** how much to list (default `summary`) */
  listing?: ReportListing
}

/** The name the report gives to today when no cycle is open: "today". */
export const TODAY = 'today'

/**
 * The cycle the report speaks for and the cycles to compare it with: the one asked for; else the
 * open one; else, after closed cycles, "today" (a cycle that is not stored, cut off now).
 */
function reportCycle(
  history: ProgressReportOptions['history'],
  asked: Id | undefined,
  plan: Id,
  now: Date,
): { cycle: Cycle; cycles: Cycle[]; asked: boolean } | null {
  if (!history || history.cycles.length === 0) return null
  const { cycles } = history
  if (asked !== undefined) {
    const cycle = cycles.find((c) => String(c.id) === String(asked))
    return cycle ? { cycle, cycles, asked: true } : null
  }
  const open = openCycle(cycles)
  if (open) return { cycle: open, cycles, asked: false }
  const today: Cycle = { id: '', plan, name: TODAY, asOf: isoDay(now), state: 'open' }
  return { cycle: today, cycles: [...cycles, today], asked: false }
}

const key = (id: unknown): string => String(id)

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`)

/** The date part (`yyyy-mm-dd`) of a moment, in UTC. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10)

/** Lower-case ASCII words joined by hyphens ("Association for … & X" → "association-for-x"). */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/**
 * The download's file name: `<organization>-<plan>[-<section>]-progress-<yyyy-mm-dd>.pdf`, every
 * part slugged (ASCII, so it needs no encoding in `Content-Disposition`).
 */
export function reportFileName(
  plan: Pick<ReportPlan, 'organization' | 'slug'>,
  asOf: string,
  section?: string | null,
): string {
  const parts = [slugify(plan.organization), slugify(plan.slug), section ? slugify(section) : '']
  return `${[...parts.filter(Boolean), 'progress', asOf].join('-')}.pdf`
}

const statusRank = (status: InitiativeStatus): number =>
  (ACTIVE_STATUSES.includes(status) ? 0 : 10) + INITIATIVE_STATUSES.indexOf(status)

const byStatusThenTitle = (a: ReportInitiative, b: ReportInitiative): number =>
  statusRank(a.status) - statusRank(b.status) || a.title.localeCompare(b.title, 'en')

// the most advanced first: work under way (furthest along first), then completed, then planned;
// work that does not count (proposed, deferred, cancelled) last
const ADVANCE: Record<InitiativeStatus, number> = {
  'in-progress': 0,
  completed: 1,
  planned: 2,
  proposed: 3,
  deferred: 4,
  cancelled: 5,
}

/** Order of the initiatives under an objective: the most advanced first, then by title. */
export const byAdvance = (a: ReportInitiative, b: ReportInitiative): number =>
  ADVANCE[a.status] - ADVANCE[b.status] ||
  (b.progress ?? 0) - (a.progress ?? 0) ||
  a.title.localeCompare(b.title, 'en')

/** The executive summary's sentences, written from the numbers alone. */
export function summarySentences(cov: PlanCoverage): string[] {
  const { active, completed } = cov.initiatives
  const sections = cov.sections.length
  const sentences = [
    coverageSummarySentence(cov),
    lowestCoverageSentence(cov),
    highestCoverageSentence(cov),
    gapsSentence(cov),
    statusSentence(cov),
  ]
  if (active > 0) {
    sentences.push(
      completed === 0
        ? `None of the ${active} active ${plural(active, 'initiative', 'initiatives')} has been completed yet`
        : `${completed} of the ${active} active ${plural(active, 'initiative', 'initiatives')} ${plural(completed, 'has', 'have')} been completed`,
    )
  }
  if (sections > 1) {
    sentences.push(
      `${cov.sectionsEngaged} of ${sections} sections ${plural(cov.sectionsEngaged, 'has', 'have')} active initiatives`,
    )
  }
  // "has the lowest coverage" and "has the highest" say the same when every area ties
  return [...new Set(sentences)].map(sentence)
}

/**
 * Shapes the report from the plan's summaries. The numbers are those of `computeCoverage` for
 * the same audience and section; the rows list the published initiatives in that same view.
 */
export function buildProgressReport(
  recorded: Omit<CoverageInput, 'initiatives'> & { initiatives: InitiativeRecord[] },
  options: ProgressReportOptions,
): ProgressReportModel {
  const filters = options.section ? { section: options.section } : {}
  const subject = reportCycle(options.history, options.cycle, recorded.plan.id, options.now)
  // As of the cycle: each initiative with its latest update by the cycle's cutoff.
  const input: CoverageInput = subject
    ? {
        ...recorded,
        initiatives: initiativesAsOf(
          recorded.initiatives,
          options.history?.updates ?? [],
          cycleCutoff(subject.cycle, options.now),
        ),
      }
    : recorded
  const coverage = computeCoverage(input, { audience: options.audience, filters })

  const sectionById = new Map<string, SectionSummary>(input.sections.map((s) => [key(s.id), s]))
  const filterSection = options.section
    ? (input.sections.find((s) => s.slug === options.section) ?? null)
    : null
  const objectiveById = new Map(input.objectives.map((o) => [key(o.id), o]))
  const goalIds = new Set(input.goals.map((g) => key(g.id)))
  const order = new Map<string, number>()
  coverage.goals.forEach((g, gi) =>
    g.objectiveCoverage.forEach((o, oi) => order.set(o.code, gi * 10_000 + oi)),
  )

  // The same initiatives computeCoverage counts: published, seen by the audience, of the section,
  // serving at least one objective of this plan.
  const seen = new Set<string>()
  const rows: ReportInitiative[] = []
  const sectionOf = new Map<string, string>()
  for (const i of input.initiatives) {
    const id = key(i.id)
    if (seen.has(id)) continue
    seen.add(id)
    if (!i.published) continue
    if (options.audience === 'public' && i.visibility !== 'public') continue
    if (options.section && (!filterSection || key(filterSection.id) !== key(i.section))) continue
    const codes = [
      ...new Set(
        i.objectives.flatMap((id) => {
          const objective = objectiveById.get(key(id))
          return objective && goalIds.has(key(objective.goal)) ? [objective.code] : []
        }),
      ),
    ].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    if (codes.length === 0) continue
    const section = sectionById.get(key(i.section))
    const row: ReportInitiative = {
      key: id,
      title: i.title,
      section: section?.abbreviation || section?.name || '—',
      sectionName: section?.name ?? 'No section',
      status: i.status,
      active: ACTIVE_STATUSES.includes(i.status),
      progress: i.progress ?? null,
      targetDate: i.targetDate ?? null,
      completedDate: i.completedDate ?? null,
      objectives: codes,
    }
    rows.push(row)
    sectionOf.set(id, key(i.section))
  }
  rows.sort(byStatusThenTitle)

  const byObjective = new Map<string, ReportInitiative[]>()
  for (const row of rows) {
    for (const code of row.objectives) {
      const list = byObjective.get(code)
      if (list) list.push(row)
      else byObjective.set(code, [row])
    }
  }

  const goals: ReportGoal[] = coverage.goals.map((goal) => ({
    number: goal.number,
    title: goal.title,
    coverage: goal,
    objectives: goal.objectiveCoverage.map((o) => ({
      code: o.code,
      name: labelledCode(o.code, input.plan.objectiveLabel),
      text: o.text,
      covered: o.covered,
      activeInitiatives: o.initiatives,
      initiatives: [...(byObjective.get(o.code) ?? [])].sort(byAdvance),
    })),
  }))

  const gaps: ReportGap[] = goals.flatMap((goal) =>
    goal.objectives
      .filter((o) => !o.covered)
      .map((o) => ({
        code: o.code,
        name: o.name,
        text: o.text,
        goalNumber: goal.number,
        goalTitle: goal.title,
        inactive: o.initiatives.filter((i) => !i.active),
      })),
  )

  const sectionsInView = filterSection ? [filterSection] : options.section ? [] : input.sections
  const activeBySlug = new Map(coverage.sections.map((s) => [s.slug, s.total]))
  const groups: ReportSectionGroup[] = []
  const idleSections: string[] = []
  for (const section of [...sectionsInView].sort((a, b) => a.name.localeCompare(b.name, 'en'))) {
    const own = rows.filter((r) => sectionOf.get(r.key) === key(section.id))
    if (own.length === 0) {
      idleSections.push(section.name)
      continue
    }
    groups.push({
      slug: section.slug,
      name: section.name,
      abbreviation: section.abbreviation ?? null,
      activeInitiatives: activeBySlug.get(section.slug) ?? 0,
      initiatives: own.sort(
        (a, b) =>
          (order.get(a.objectives[0] ?? '') ?? 0) - (order.get(b.objectives[0] ?? '') ?? 0) ||
          byStatusThenTitle(a, b),
      ),
    })
  }

  const since =
    subject && options.history
      ? buildSince(
          { ...recorded, updates: options.history.updates, cycles: subject.cycles },
          subject.cycle,
          coverage,
          {
            now: options.now,
            coverage: { audience: options.audience, filters },
            inView: (id) => sectionOf.has(key(id)),
            sectionInView: (s) => !options.section || s.slug === options.section,
          },
        )
      : null
  const cycle = subject?.cycle.id ? subject.cycle : null
  const listing = options.listing ?? 'summary'

  return {
    listing,
    appendix: listing === 'full' || rows.length <= SUMMARY_APPENDIX_LIMIT,
    initiativeCount: rows.length,
    plan: {
      slug: input.plan.slug,
      title: input.plan.title,
      organization: input.plan.organization,
      startYear: input.plan.startYear,
      endYear: input.plan.endYear,
    },
    asOf: subject?.asked ? subject.cycle.asOf.slice(0, 10) : isoDay(options.now),
    cycle: cycle ? { id: String(cycle.id), name: cycle.name, state: cycle.state } : null,
    since,
    generatedAt: options.now,
    section: filterSection
      ? {
          slug: filterSection.slug,
          name: filterSection.name,
          abbreviation: filterSection.abbreviation ?? null,
        }
      : null,
    coverage,
    sentences: since
      ? [`${since.trend}.`, ...summarySentences(coverage)]
      : summarySentences(coverage),
    goals,
    gaps,
    sections: groups,
    idleSections,
  }
}
