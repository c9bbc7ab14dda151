import { notFound } from 'next/navigation'

import { filtersToQuery, withQuery } from '@/lib/charts/filters'
import { getPlanCoverage, type CoverageUser } from '@/lib/data/coverage'
import { getDashboardHistory, getPlanCoverageAsOf, type DashboardHistory } from '@/lib/data/cycles'
import type { CoverageFilters, PlanCoverage } from '@/lib/plan/coverage'

/** What every widget needs to fetch its numbers and build its links. */
export interface DashboardContext {
  slug: string
  user: CoverageUser
  filters: CoverageFilters
  /** the page's own path: `/dashboard` or `/dashboard/<slug>` */
  basePath: string
  /** the goal area being drilled into, if any */
  goal?: number
  /** the reporting cycle the numbers are as of (`?cycle=<id>`), else now */
  cycle?: string
}

/** The view's query with the cycle, and `extra`. */
const viewQuery = (ctx: DashboardContext, extra: Record<string, string> = {}): string =>
  filtersToQuery(ctx.filters, { ...(ctx.cycle ? { cycle: ctx.cycle } : {}), ...extra })

/** The CSV download of one of the dashboard's tables, in the current view. */
export const csvHref = (ctx: DashboardContext, name: string): string =>
  withQuery(`/dashboard/${ctx.slug}/csv/${name}.csv`, viewQuery(ctx))

/** The drill-down of goal area `n` in the current view. */
export const drillHref = (ctx: DashboardContext, n: number): string =>
  `${withQuery(ctx.basePath, viewQuery(ctx, { goal: String(n) }))}#drilldown`

// The page checked the plan exists for this person; the widgets share its cached fetch.
export async function coverageOf(ctx: DashboardContext): Promise<PlanCoverage> {
  const cov = ctx.cycle
    ? await getPlanCoverageAsOf(ctx.slug, ctx.user, ctx.filters, ctx.cycle)
    : await getPlanCoverage(ctx.slug, ctx.user, ctx.filters)
  if (!cov) notFound()
  return cov
}

/** The trend, the open cycle's completion and the stale list in this view. */
export async function historyOf(ctx: DashboardContext): Promise<DashboardHistory> {
  const history = await getDashboardHistory(ctx.slug, ctx.user, ctx.filters, ctx.cycle ?? null)
  if (!history) notFound()
  return history
}

/** The dashboard as of cycle `id` (null: now), in the same view. */
export const cycleHref = (ctx: DashboardContext, id: string | null): string =>
  withQuery(ctx.basePath, filtersToQuery(ctx.filters, id ? { cycle: id } : {}))
