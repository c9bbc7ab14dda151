/**
 * The dashboard's trend over reporting cycles: plan and per-goal-area coverage, and the status
 * mix, one point per cycle (oldest first), each computed as of that cycle by lib/plan. Pure: the
 * Recharts components draw exactly these rows, and the tables are the rows of their CSV.
 */
import { statusTitle } from '@/lib/format/labels'
import { countLabel } from '@/lib/format/plural'
import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import type { Table } from '@/lib/plan/csv'
import { coverageTrendSentence, type CycleState } from '@/lib/plan/cycles'
import { INITIATIVE_STATUSES, type Id, type InitiativeStatus } from '@/lib/plan/types'

/** A cycle and the plan's coverage as of it. */
export interface CycleCoverage {
  cycle: { id: Id; name: string; state: CycleState; asOf?: string | null }
  coverage: PlanCoverage
}

/** The line key of goal area `n` in a trend point. */
export const goalKey = (n: number): `ga${number}` => `ga${n}`

/** One x position of the coverage trend: percents 0–100 for the plan and each goal area. */
export type TrendPoint = {
  cycle: string
  id: string
  state: CycleState
  plan: number
} & Record<`ga${number}`, number>

/** One line of the trend chart (the plan first, then each goal area in goal order). */
export interface TrendLine {
  key: 'plan' | `ga${number}`
  label: string
}

const percent = (fraction: number): number => Math.round(fraction * 1000) / 10

/** Goal areas across the cycles, in goal order (a goal area added later appears from then on). */
const goalsOf = (cycles: CycleCoverage[]): { number: number; title: string }[] => {
  const goals = new Map<number, string>()
  for (const { coverage } of cycles) {
    for (const g of coverage.goals) if (!goals.has(g.number)) goals.set(g.number, g.title)
  }
  return [...goals].sort(([a], [b]) => a - b).map(([number, title]) => ({ number, title }))
}

/** Plan and goal-area coverage per cycle, oldest first (percents to one decimal). */
export const trendSeries = (cycles: CycleCoverage[]): TrendPoint[] =>
  cycles.map(({ cycle, coverage }) => {
    const point = {
      cycle: cycle.name,
      id: String(cycle.id),
      state: cycle.state,
      plan: percent(coverage.coverage),
    } as TrendPoint
    for (const g of coverage.goals) point[goalKey(g.number)] = percent(g.coverage)
    return point
  })

/** The lines the trend chart draws: "Plan" then "GA 1", "GA 2", … */
export const trendLines = (cycles: CycleCoverage[]): TrendLine[] => [
  { key: 'plan', label: 'Plan' },
  ...goalsOf(cycles).map((g) => ({ key: goalKey(g.number), label: `GA ${g.number}` })),
]

/** One stacked bar of the status-mix chart: published initiatives by status as of a cycle. */
export type StatusMixPoint = { cycle: string; id: string; total: number } & Record<
  InitiativeStatus,
  number
>

/** Published initiatives by status per cycle, oldest first. */
export const statusMixSeries = (cycles: CycleCoverage[]): StatusMixPoint[] =>
  cycles.map(({ cycle, coverage }) => ({
    cycle: cycle.name,
    id: String(cycle.id),
    total: coverage.initiatives.total,
    ...coverage.byStatus,
  }))

/** The trend chart's table: one row per cycle, plan coverage then each goal area's. */
export const trendTable = (cycles: CycleCoverage[]): Table => {
  const goals = goalsOf(cycles)
  return {
    headers: [
      'Cycle',
      'State',
      'Objectives covered',
      'Plan coverage',
      ...goals.map((g) => `Goal Area ${g.number}`),
    ],
    rows: cycles.map(({ cycle, coverage }) => [
      cycle.name,
      cycle.state,
      `${coverage.objectives.covered} of ${coverage.objectives.total}`,
      formatPercent(coverage.coverage),
      ...goals.map((g) => {
        const goal = coverage.goals.find((x) => x.number === g.number)
        return goal ? formatPercent(goal.coverage) : '–'
      }),
    ]),
  }
}

/** The status-mix chart's table: one row per cycle, a count per status and the total. */
export const statusMixTable = (cycles: CycleCoverage[]): Table => ({
  headers: ['Cycle', ...INITIATIVE_STATUSES.map(statusTitle), 'Total'],
  rows: cycles.map(({ cycle, coverage }) => [
    cycle.name,
    ...INITIATIVE_STATUSES.map((s) => coverage.byStatus[s]),
    coverage.initiatives.total,
  ]),
})

/**
 * The trend chart's takeaway: coverage now against the first cycle ("Coverage rose from 58% to
 * 69% since Midwinter 2008"), or what one cycle says alone.
 */
export const trendSentence = (cycles: CycleCoverage[]): string => {
  const first = cycles[0]
  const last = cycles.at(-1)
  if (!first || !last) return 'No reporting cycle yet: the trend starts with the first one'
  if (first === last) {
    return `One cycle so far: ${first.cycle.name}, with ${formatPercent(first.coverage.coverage)} coverage`
  }
  return coverageTrendSentence(first.coverage, last.coverage, first.cycle.name)
}

/** The status mix's takeaway: completed initiatives then and now. */
export const statusMixSentence = (cycles: CycleCoverage[]): string => {
  const first = cycles[0]
  const last = cycles.at(-1)
  if (!first || !last) return 'No reporting cycle yet'
  const done = (c: CycleCoverage) => c.coverage.byStatus.completed
  const of = (c: CycleCoverage) =>
    `${done(c)} of ${countLabel(c.coverage.initiatives.total, 'initiative')}`
  if (first === last) return `${of(last)} completed in ${last.cycle.name}`
  return `Completed: ${of(first)} in ${first.cycle.name}, ${of(last)} in ${last.cycle.name}`
}
