import { notFound } from 'next/navigation'

import { filtersToQuery, withQuery } from '@/lib/charts/filters'
import { getPlanCoverage, type CoverageUser } from '@/lib/data/coverage'
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
}

/** The CSV download of one of the dashboard's tables, in the current view. */
export const csvHref = (ctx: DashboardContext, name: string): string =>
  withQuery(`/dashboard/${ctx.slug}/csv/${name}.csv`, filtersToQuery(ctx.filters))

/** The drill-down of goal area `n` in the current view. */
export const drillHref = (ctx: DashboardContext, n: number): string =>
  `${withQuery(ctx.basePath, filtersToQuery(ctx.filters, { goal: String(n) }))}#drilldown`

// The page checked the plan exists for this person; the widgets share its cached fetch.
export async function coverageOf(ctx: DashboardContext): Promise<PlanCoverage> {
  const cov = await getPlanCoverage(ctx.slug, ctx.user, ctx.filters)
  if (!cov) notFound()
  return cov
}
