import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { DashboardView } from '@/components/dashboard/DashboardView'
import { requireViewer } from '@/lib/auth/viewer'
import { filtersToQuery, parseCoverageFilters, withQuery } from '@/lib/charts/filters'
import { getDashboardPlan } from '@/lib/data/coverage'

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false } }

type Params = Promise<{ slug: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** /dashboard/<plan-slug>: coverage of one plan (earlier plans through the plan switcher). */
export default async function PlanDashboardPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams])
  const path = `/dashboard/${encodeURIComponent(slug)}`
  const viewer = await requireViewer(
    withQuery(path, filtersToQuery(parseCoverageFilters(query).filters)),
  )
  const plan = await getDashboardPlan(slug, viewer.user)
  if (!plan) notFound()
  return <DashboardView plan={plan} viewer={viewer} basePath={path} query={query} />
}
