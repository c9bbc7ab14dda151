/**
 * Chart series and table shading for the dashboard, built from a `PlanCoverage` only. Pure: the
 * Recharts components in components/charts draw exactly these rows and compute nothing.
 */
import { statusTitle } from '@/lib/format/labels'
import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import { INITIATIVE_STATUSES, type InitiativeStatus } from '@/lib/plan/types'

/** One bar of the coverage chart. */
export interface CoveragePoint {
  goal: number
  /** axis label, e.g. "GA 3" */
  label: string
  title: string
  /** 0–100, unrounded (the bar length) */
  percent: number
  /** as printed everywhere else, e.g. "40%" */
  display: string
  covered: number
  objectives: number
}

/** Coverage per goal area, in goal order. */
export const coverageSeries = (cov: PlanCoverage): CoveragePoint[] =>
  cov.goals.map((g) => ({
    goal: g.number,
    label: `GA ${g.number}`,
    title: g.title,
    percent: g.coverage * 100,
    display: formatPercent(g.coverage),
    covered: g.covered,
    objectives: g.objectives,
  }))

/** One stacked bar of the status chart: a count per status. */
export type StatusPoint = { goal: number; label: string; title: string; total: number } & Record<
  InitiativeStatus,
  number
>

/** Published initiatives by status per goal area, in goal order. */
export const statusSeries = (cov: PlanCoverage): StatusPoint[] =>
  cov.goals.map((g) => ({
    goal: g.number,
    label: `GA ${g.number}`,
    title: g.title,
    total: INITIATIVE_STATUSES.reduce((sum, s) => sum + g.byStatus[s], 0),
    ...g.byStatus,
  }))

/** The statuses a stacked chart draws (in workflow order), each with its legend label. */
export const statusKeys = (): { status: InitiativeStatus; label: string }[] =>
  INITIATIVE_STATUSES.map((status) => ({ status, label: statusTitle(status) }))

/** One bar of the timeline. */
export interface YearPoint {
  year: string
  active: number
}

/** Active initiatives per plan year. */
export const yearsSeries = (cov: PlanCoverage): YearPoint[] =>
  cov.years.map((y) => ({ year: String(y.year), active: y.active }))

/**
 * Shade of a matrix cell, 0 (none) to 4 (the busiest cell): a count's share of the largest
 * count in the matrix, rounded up so that any work at all is visibly shaded.
 */
export const shadeLevel = (count: number, max: number): 0 | 1 | 2 | 3 | 4 => {
  if (count <= 0 || max <= 0) return 0
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4
}

/** The largest cell of the section × goal-area matrix (0 when empty). */
export const matrixMax = (cov: PlanCoverage): number =>
  Math.max(0, ...cov.sections.flatMap((s) => Object.values(s.byGoal)))

/** The matrix's takeaway: the section with the most active initiatives and how many areas it reaches. */
export const matrixSentence = (cov: PlanCoverage): string => {
  const engaged = cov.sections.filter((s) => s.total > 0)
  if (cov.sections.length === 0) return 'No sections match these filters'
  if (engaged.length === 0) return 'No section has an active initiative yet'
  const top = Math.max(...engaged.map((s) => s.total))
  const leaders = engaged.filter((s) => s.total === top)
  const idle = cov.sections.length - engaged.length
  const initiatives = `${top} active ${top === 1 ? 'initiative' : 'initiatives'}`
  const lead =
    leaders.length === 1
      ? `${leaders[0]?.name} leads with ${initiatives}`
      : `${leaders.length} sections lead with ${initiatives} each`
  const rest = idle === 0 ? '' : `; ${idle} ${idle === 1 ? 'section has' : 'sections have'} none`
  return `${lead}${rest}`
}
