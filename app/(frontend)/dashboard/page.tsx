import type { Metadata } from 'next'

import { DashboardView } from '@/components/dashboard/DashboardView'
import { requireViewer } from '@/lib/auth/viewer'
import { filtersToQuery, parseCoverageFilters, withQuery } from '@/lib/charts/filters'
import { getCurrentDashboardPlan } from '@/lib/data/coverage'

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false } }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** /dashboard: the current plan's coverage (the plan marked current, else the newest). */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams
  const back = withQuery('/dashboard', filtersToQuery(parseCoverageFilters(query).filters))
  const viewer = await requireViewer(back)
  const plan = await getCurrentDashboardPlan(viewer.user)
  if (!plan) {
    return (
      <div className="container dash">
        <h1 className="dash-title">Dashboard</h1>
        <p className="dash-lede">
          No plan has been published yet. Coverage appears here once one is.
        </p>
      </div>
    )
  }
  return <DashboardView plan={plan} viewer={viewer} basePath="/dashboard" query={query} />
}
