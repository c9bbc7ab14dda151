/**
 * Coverage: every number the dashboard, the coverage JSON endpoint and the PDF report show
 * (docs/architecture.md, "Coverage"). Pure: plain summaries in, a JSON-serialisable `PlanCoverage` out.
 */
import {
  ACTIVE_STATUSES,
  INITIATIVE_STATUSES,
  type GoalSummary,
  type Id,
  type InitiativeStatus,
  type InitiativeSummary,
  type ObjectiveSummary,
  type PlanSummary,
  type SectionSummary,
  type Visibility,
} from './types'
import { statusLabel } from '@/lib/format/labels'
import { formatPeriod } from '@/lib/format/period'
import { plural } from '@/lib/format/plural'

/** Who the numbers are for: the public site sees public initiatives only, members see both. */
export type Audience = 'public' | 'members'

export interface CoverageFilters {
  /** section slug; an unknown slug matches no initiative */
  section?: string
  /** statuses to keep; an empty list means no status filter */
  status?: InitiativeStatus[]
  visibility?: Visibility
}

export interface CoverageOptions {
  /** default 'members' */
  audience?: Audience
  filters?: CoverageFilters
}

export interface CoverageInput {
  plan: PlanSummary
  goals: GoalSummary[]
  objectives: ObjectiveSummary[]
  sections: SectionSummary[]
  initiatives: InitiativeSummary[]
}

export type StatusCounts = Record<InitiativeStatus, number>

export interface ObjectiveCoverage {
  code: string
  number: number
  text: string
  covered: boolean
  /** distinct active initiatives serving the objective */
  initiatives: number
}

export interface GoalCoverage {
  number: number
  title: string
  /** objectives in the goal area */
  objectives: number
  /** objectives with at least one active initiative */
  covered: number
  /** covered ÷ objectives, 0–1; 0 for a goal area without objectives */
  coverage: number
  /** distinct active initiatives serving at least one objective of the area */
  initiatives: number
  /** distinct published initiatives serving the area, by status (every status present) */
  byStatus: StatusCounts
  objectiveCoverage: ObjectiveCoverage[]
}

export interface SectionCoverage {
  slug: string
  name: string
  /** goal number as a string key (every goal area present) → active initiatives of the section */
  byGoal: Record<string, number>
  /** distinct active initiatives of the section */
  total: number
}

export interface YearActivity {
  year: number
  active: number
}

export interface PlanCoverage {
  plan: {
    slug: string
    title: string
    startYear: number
    endYear: number
    /** what the plan calls its objectives ("Strategy"), when it words them so */
    objectiveLabel?: string
  }
  /** the audience and filters the numbers were computed for */
  view: { audience: Audience; filters: CoverageFilters }
  objectives: { total: number; covered: number }
  /** covered ÷ total objectives, 0–1; 0 when the plan has no objectives */
  coverage: number
  initiatives: {
    /** published initiatives in view with an active status */
    active: number
    /** active initiatives whose status is completed */
    completed: number
    /** published initiatives in view, any status */
    total: number
  }
  /** published initiatives in view by status (every status present) */
  byStatus: StatusCounts
  /** distinct sections with at least one active initiative */
  sectionsEngaged: number
  goals: GoalCoverage[]
  sections: SectionCoverage[]
  years: YearActivity[]
  /** codes of uncovered objectives in plan order (goal number, then objective number) */
  gaps: string[]
}

const key = (id: Id): string => String(id)

/** Keeps the first of several records with the same id (ids compare by their text). */
const dedupe = <T extends { id: Id }>(items: T[]): T[] => {
  const seen = new Set<string>()
  return items.filter((item) => {
    const id = key(item.id)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

const emptyStatusCounts = (): StatusCounts =>
  Object.fromEntries(INITIATIVE_STATUSES.map((s) => [s, 0])) as StatusCounts

/** True when the status counts as work behind an objective (planned, in progress or completed). */
export const isActiveStatus = (status: InitiativeStatus): boolean =>
  ACTIVE_STATUSES.includes(status)

/** `part` ÷ `whole` as a 0–1 fraction; 0 when `whole` is 0 (an empty goal area is not covered). */
export const fraction = (part: number, whole: number): number => (whole > 0 ? part / whole : 0)

/** The calendar year of an ISO date (its leading `YYYY`); undefined when missing or unreadable. */
export const yearOf = (date: string | null | undefined): number | undefined => {
  if (!date) return undefined
  const leading = /^\s*(\d{4})(?:-|$|T)/.exec(date)
  if (leading?.[1]) return Number(leading[1])
  const time = Date.parse(date)
  return Number.isNaN(time) ? undefined : new Date(time).getUTCFullYear()
}

/** The rule `activeYearSpan` applies, in words for the timeline caption and the report. */
export const ACTIVE_YEARS_RULE =
  'An initiative counts in every plan year from its start date to its completion date ' +
  '(or, until completed, its target date). Without a start date it counts from the first year ' +
  'of the plan; without an end date, to the last year of the plan. Years outside the plan ' +
  'period are not shown.'

/**
 * The plan years an initiative counts as active in: from its start year to its end year, where
 * the end is the completed date, else the target date. A missing start means the plan's first
 * year and a missing end the plan's last year (but never past the one date that is known); dates
 * entered the wrong way round are swapped; years outside the plan period are left out.
 * Returns [first, last], or undefined when no plan year is touched.
 */
export const activeYearSpan = (
  initiative: Pick<InitiativeSummary, 'startDate' | 'targetDate' | 'completedDate'>,
  plan: Pick<PlanSummary, 'startYear' | 'endYear'>,
): [number, number] | undefined => {
  const start = yearOf(initiative.startDate)
  const end = yearOf(initiative.completedDate) ?? yearOf(initiative.targetDate)
  const from = start ?? Math.min(plan.startYear, end ?? plan.startYear)
  const to = end ?? Math.max(plan.endYear, from)
  const first = Math.max(Math.min(from, to), plan.startYear)
  const last = Math.min(Math.max(from, to), plan.endYear)
  return first <= last ? [first, last] : undefined
}

const normaliseFilters = (filters: CoverageFilters | undefined): CoverageFilters => {
  const out: CoverageFilters = {}
  if (filters?.section) out.section = filters.section
  if (filters?.status && filters.status.length > 0) out.status = [...new Set(filters.status)]
  if (filters?.visibility) out.visibility = filters.visibility
  return out
}

/**
 * What the initiatives in view add up to, before any number is derived from it: counts that add
 * (the counts of two sets of initiatives with no id in common are the sum of theirs), so the
 * numbers of a plan can be kept in parts (lib/data keeps each closed cycle's per section) and
 * added up. Keys are ids as text; JSON-serialisable.
 */
export interface CoverageCounts {
  /** published initiatives in view serving at least one objective of the plan */
  total: number
  /** of those, with an active status */
  active: number
  /** of the active, completed */
  completed: number
  byStatus: StatusCounts
  /** objective → active initiatives serving it */
  objectives: Record<string, number>
  /** goal area → initiatives serving it, by status */
  goalStatus: Record<string, StatusCounts>
  /** goal area → active initiatives serving it */
  goalActive: Record<string, number>
  /** section → its active initiatives */
  sectionActive: Record<string, number>
  /** section → goal area → its active initiatives serving the area */
  sectionGoalActive: Record<string, Record<string, number>>
  /** plan year → active initiatives */
  years: Record<string, number>
}

/** Counts of no initiative. */
export const emptyCoverageCounts = (): CoverageCounts => ({
  total: 0,
  active: 0,
  completed: 0,
  byStatus: emptyStatusCounts(),
  objectives: {},
  goalStatus: {},
  goalActive: {},
  sectionActive: {},
  sectionGoalActive: {},
  years: {},
})

const addInto = (into: Record<string, number>, more: Readonly<Record<string, number>>) => {
  for (const [k, n] of Object.entries(more)) into[k] = (into[k] ?? 0) + n
}

/**
 * The counts of two sets of initiatives with no id in common, added into `into` (returned).
 * computeCoverage over their union gives coverageFromCounts of the sum.
 */
export const addCoverageCounts = (
  into: CoverageCounts,
  more: Readonly<CoverageCounts>,
): CoverageCounts => {
  into.total += more.total
  into.active += more.active
  into.completed += more.completed
  for (const s of INITIATIVE_STATUSES) into.byStatus[s] += more.byStatus[s]
  addInto(into.objectives, more.objectives)
  for (const [goal, byStatus] of Object.entries(more.goalStatus)) {
    const own = (into.goalStatus[goal] ??= emptyStatusCounts())
    for (const s of INITIATIVE_STATUSES) own[s] += byStatus[s]
  }
  addInto(into.goalActive, more.goalActive)
  addInto(into.sectionActive, more.sectionActive)
  for (const [section, perGoal] of Object.entries(more.sectionGoalActive)) {
    addInto((into.sectionGoalActive[section] ??= {}), perGoal)
  }
  addInto(into.years, more.years)
  return into
}

/** What the plan's frame gives a view: its goal areas and objectives in order, its sections. */
const viewFrame = (input: Omit<CoverageInput, 'initiatives'>, options: CoverageOptions) => {
  const audience: Audience = options.audience ?? 'members'
  const filters = normaliseFilters(options.filters)
  const goals = dedupe(input.goals).sort((a, b) => a.number - b.number)
  const goalIds = new Set(goals.map((g) => key(g.id)))
  const objectives = dedupe(input.objectives)
    .filter((o) => goalIds.has(key(o.goal)))
    .sort((a, b) => a.number - b.number)
  const objectiveGoal = new Map(objectives.map((o) => [key(o.id), key(o.goal)]))
  const filterSection = filters.section
    ? input.sections.find((s) => s.slug === filters.section)
    : undefined
  const filterSectionKey = filterSection ? key(filterSection.id) : undefined
  const sections = filters.section ? (filterSection ? [filterSection] : []) : input.sections
  return { audience, filters, goals, objectives, objectiveGoal, filterSectionKey, sections }
}

/**
 * The counts (CoverageCounts) of the initiatives in `input` as seen by `audience` and narrowed by
 * `filters`: only published initiatives serving at least one objective of this plan count, each
 * id once (its first record); drafts never do.
 *
 * One pass over the initiatives that counts into maps by objective, goal area, section and year
 * (at 50,000 initiatives the filters, sets and per-goal and per-section scans it replaced took
 * ~0.3 s, once for today and once per cycle for the numbers as of each: bench/coverage/README.md).
 */
export const countCoverage = (
  input: CoverageInput,
  options: CoverageOptions = {},
): CoverageCounts => {
  const { plan } = input
  const { audience, filters, objectiveGoal, filterSectionKey } = viewFrame(input, options)

  const byStatus = emptyStatusCounts()
  const activePerObjective = new Map<string, number>()
  /** goal key → distinct initiatives in view serving it, by status; and the active ones */
  const goalStatus = new Map<string, StatusCounts>()
  const goalActive = new Map<string, number>()
  /** section key → active initiatives; and per goal key */
  const sectionActive = new Map<string, number>()
  const sectionGoalActive = new Map<string, Map<string, number>>()
  const yearActive = new Map<number, number>()
  let total = 0
  let activeCount = 0
  let completed = 0
  const seen = new Set<string>()
  const served: string[] = []
  const servedGoals: string[] = []
  for (const i of input.initiatives) {
    const id = key(i.id)
    if (seen.has(id)) continue
    seen.add(id)
    if (!i.published) continue
    if (audience !== 'members' && i.visibility !== 'public') continue
    if (filters.visibility && i.visibility !== filters.visibility) continue
    if (filters.status && !filters.status.includes(i.status)) continue
    if (filters.section && (filterSectionKey === undefined || filterSectionKey !== key(i.section)))
      continue
    served.length = 0
    servedGoals.length = 0
    for (const objective of i.objectives) {
      const o = key(objective)
      const goal = objectiveGoal.get(o)
      if (goal === undefined || served.includes(o)) continue
      served.push(o)
      if (!servedGoals.includes(goal)) servedGoals.push(goal)
    }
    if (served.length === 0) continue

    total += 1
    byStatus[i.status] += 1
    for (const goal of servedGoals) {
      let counts = goalStatus.get(goal)
      if (!counts) goalStatus.set(goal, (counts = emptyStatusCounts()))
      counts[i.status] += 1
    }
    if (!isActiveStatus(i.status)) continue
    activeCount += 1
    if (i.status === 'completed') completed += 1
    for (const o of served) activePerObjective.set(o, (activePerObjective.get(o) ?? 0) + 1)
    for (const goal of servedGoals) goalActive.set(goal, (goalActive.get(goal) ?? 0) + 1)
    const section = key(i.section)
    sectionActive.set(section, (sectionActive.get(section) ?? 0) + 1)
    let perGoal = sectionGoalActive.get(section)
    if (!perGoal) sectionGoalActive.set(section, (perGoal = new Map()))
    for (const goal of servedGoals) perGoal.set(goal, (perGoal.get(goal) ?? 0) + 1)
    const span = activeYearSpan(i, plan)
    if (span) {
      const first = Math.max(span[0], plan.startYear)
      const last = Math.min(span[1], plan.endYear)
      for (let year = first; year <= last; year++)
        yearActive.set(year, (yearActive.get(year) ?? 0) + 1)
    }
  }

  return {
    total,
    active: activeCount,
    completed,
    byStatus,
    objectives: Object.fromEntries(activePerObjective),
    goalStatus: Object.fromEntries(goalStatus),
    goalActive: Object.fromEntries(goalActive),
    sectionActive: Object.fromEntries(sectionActive),
    sectionGoalActive: Object.fromEntries(
      [...sectionGoalActive].map(([section, perGoal]) => [section, Object.fromEntries(perGoal)]),
    ),
    years: Object.fromEntries(yearActive),
  }
}

/**
 * The numbers of a view (PlanCoverage) from the counts of its initiatives (countCoverage, or a
 * sum of addCoverageCounts) and the plan's frame; `options` as the counts were made with.
 */
export const coverageFromCounts = (
  input: Omit<CoverageInput, 'initiatives'>,
  counts: Readonly<CoverageCounts>,
  options: CoverageOptions = {},
): PlanCoverage => {
  const { plan } = input
  const { audience, filters, goals, objectives, sections } = viewFrame(input, options)
  const perObjective = (o: string) => counts.objectives[o] ?? 0

  const goalCoverage: GoalCoverage[] = goals.map((goal) => {
    const goalKey = key(goal.id)
    const objectiveCoverage = objectives
      .filter((o) => key(o.goal) === goalKey)
      .map((o): ObjectiveCoverage => {
        const n = perObjective(key(o.id))
        return { code: o.code, number: o.number, text: o.text, covered: n > 0, initiatives: n }
      })
    const covered = objectiveCoverage.filter((o) => o.covered).length
    return {
      number: goal.number,
      title: goal.title,
      objectives: objectiveCoverage.length,
      covered,
      coverage: fraction(covered, objectiveCoverage.length),
      initiatives: counts.goalActive[goalKey] ?? 0,
      byStatus: { ...(counts.goalStatus[goalKey] ?? emptyStatusCounts()) },
      objectiveCoverage,
    }
  })

  const sectionCoverage: SectionCoverage[] = sections.map((section) => {
    const sectionKey = key(section.id)
    const perGoal = counts.sectionGoalActive[sectionKey]
    const byGoal: Record<string, number> = {}
    for (const goal of goals) byGoal[String(goal.number)] = perGoal?.[key(goal.id)] ?? 0
    return {
      slug: section.slug,
      name: section.name,
      byGoal,
      total: counts.sectionActive[sectionKey] ?? 0,
    }
  })

  const years: YearActivity[] = []
  for (let year = plan.startYear; year <= plan.endYear; year++) {
    years.push({ year, active: counts.years[String(year)] ?? 0 })
  }

  const covered = objectives.filter((o) => perObjective(key(o.id)) > 0).length
  return {
    plan: {
      slug: plan.slug,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      ...(plan.objectiveLabel?.trim() ? { objectiveLabel: plan.objectiveLabel.trim() } : {}),
    },
    view: { audience, filters },
    objectives: { total: objectives.length, covered },
    coverage: fraction(covered, objectives.length),
    initiatives: { active: counts.active, completed: counts.completed, total: counts.total },
    byStatus: { ...counts.byStatus },
    sectionsEngaged: Object.values(counts.sectionActive).filter((n) => n > 0).length,
    goals: goalCoverage,
    sections: sectionCoverage,
    years,
    gaps: goalCoverage.flatMap((g) =>
      g.objectiveCoverage.filter((o) => !o.covered).map((o) => o.code),
    ),
  }
}

/**
 * Coverage of a plan by its initiatives, as seen by `audience` and narrowed by `filters`.
 * Only published initiatives serving at least one objective of this plan count; drafts never do.
 * countCoverage's counts, turned into numbers by coverageFromCounts.
 * tests/unit/coverage.test.ts checks it against the plain definition over random plans.
 */
export const computeCoverage = (
  input: CoverageInput,
  options: CoverageOptions = {},
): PlanCoverage => coverageFromCounts(input, countCoverage(input, options), options)

// Wording: captions for charts and the PDF summary, each derived from a PlanCoverage only.

/** A 0–1 fraction as a whole percent ("40%"): never "100%" short of 1, "0%" above 0, or "-0%". */
export const formatPercent = (value: number): string => {
  if (!Number.isFinite(value)) return '–'
  // toFixed first so 0.285 (28.499999…) rounds to 29 as a person would.
  let percent = Math.round(Number((value * 100).toFixed(6)))
  if (percent >= 100 && value < 1) percent = 99
  if (percent <= 0 && value > 0) percent = 1
  return `${percent === 0 ? 0 : percent}%`
}

/** "1", "1 and 2", "1, 2 and 3". */
const joinList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

const goalAreas = (numbers: number[]): string =>
  `${plural(numbers.length, 'Goal Area', 'Goal Areas')} ${joinList(numbers.map(String))}`

// Ranks goal areas that have objectives by coverage as displayed (rounded), so ties look like ties.
const extremeCoverageSentence = (cov: PlanCoverage, which: 'lowest' | 'highest'): string => {
  const ranked = cov.goals.filter((g) => g.objectives > 0)
  if (cov.goals.length === 0) return 'The plan has no goal areas yet'
  if (ranked.length === 0) return 'No goal area has objectives yet'
  const shown = (g: GoalCoverage): string => formatPercent(g.coverage)
  if (ranked.length === 1) {
    const only = ranked[0] as GoalCoverage
    return `${goalAreas([only.number])} has ${shown(only)} coverage`
  }
  if (ranked.every((g) => g.covered === 0))
    return 'No goal area has an objective with an active initiative yet'
  const first = ranked[0] as GoalCoverage
  if (ranked.every((g) => shown(g) === shown(first))) {
    return `All goal areas have the same coverage: ${shown(first)}`
  }
  const better = (a: GoalCoverage, b: GoalCoverage): boolean =>
    which === 'lowest' ? a.coverage < b.coverage : a.coverage > b.coverage
  const target = ranked.reduce((best, g) => (better(g, best) ? g : best))
  const tied = ranked.filter((g) => shown(g) === shown(target)).map((g) => g.number)
  const verb = plural(tied.length, 'has', 'have')
  return `${goalAreas(tied)} ${verb} the ${which} coverage: ${shown(target)}`
}

/** The goal area(s) with the lowest coverage: "Goal Area 3 has the lowest coverage: 40%". */
export const lowestCoverageSentence = (cov: PlanCoverage): string =>
  extremeCoverageSentence(cov, 'lowest')

/** The goal area(s) with the highest coverage: "Goal Area 1 has the highest coverage: 90%" */
export const highestCoverageSentence = (cov: PlanCoverage): string =>
  extremeCoverageSentence(cov, 'highest')

/** Plan-wide coverage, e.g. "18 of 26 objectives have active initiatives". */
export const coverageSummarySentence = (cov: PlanCoverage): string => {
  const { total, covered } = cov.objectives
  if (total === 0) return 'The plan has no objectives yet'
  const objectives = plural(total, 'objective', 'objectives')
  return `${covered} of ${total} ${objectives} ${plural(covered, 'has', 'have')} active initiatives`
}

/** The gaps, e.g. "8 of 26 objectives have no active initiative". */
export const gapsSentence = (cov: PlanCoverage): string => {
  const total = cov.objectives.total
  const gaps = cov.gaps.length
  if (total === 0) return 'The plan has no objectives yet'
  if (gaps === 0) return 'Every objective has at least one active initiative'
  if (gaps === total) return 'No objective has an active initiative yet'
  return `${gaps} of ${total} objectives ${plural(gaps, 'has', 'have')} no active initiative`
}

/** Published initiatives by status: "Of 25 initiatives, 3 are planned, 10 in progress, …" */
export const statusSentence = (cov: PlanCoverage): string => {
  const total = cov.initiatives.total
  if (total === 0) {
    const filtered = Object.keys(cov.view.filters).length > 0
    return filtered
      ? 'No initiatives match these filters'
      : 'No initiatives have been published yet'
  }
  const present = INITIATIVE_STATUSES.filter((s) => cov.byStatus[s] > 0)
  const [first, ...rest] = present
  if (!first) return 'No initiatives have been published yet'
  if (rest.length === 0) {
    return total === 1
      ? `The only initiative is ${statusLabel(first)}`
      : `All ${total} initiatives are ${statusLabel(first)}`
  }
  const n = cov.byStatus[first]
  const parts = [
    `${n} ${plural(n, 'is', 'are')} ${statusLabel(first)}`,
    ...rest.map((s) => `${cov.byStatus[s]} ${statusLabel(s)}`),
  ]
  return `Of ${total} initiatives, ${joinList(parts)}`
}

/** When work peaks, e.g. "Active initiatives peak in 2008 and 2009 at 12". */
export const yearsSentence = (cov: PlanCoverage): string => {
  const { startYear, endYear } = cov.plan
  const period = formatPeriod(startYear, endYear)
  if (cov.years.length === 0) return 'The plan period has no years'
  const peak = Math.max(...cov.years.map((y) => y.active))
  if (peak === 0) return `No active initiatives fall within ${period}`
  if (cov.years.length > 1 && cov.years.every((y) => y.active === peak)) {
    return `${peak} active ${plural(peak, 'initiative', 'initiatives')} in every year of ${period}`
  }
  const peakYears = cov.years.filter((y) => y.active === peak).map((y) => String(y.year))
  return `Active initiatives peak in ${joinList(peakYears)} at ${peak}`
}
