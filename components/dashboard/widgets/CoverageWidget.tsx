import { CoverageChart } from '@/components/charts/CoverageChart.client'
import { coverageSeries } from '@/lib/charts/series'
import { DASHBOARD_TABLES } from '@/lib/charts/tables'
import { lowestCoverageSentence } from '@/lib/plan/coverage'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { coverageOf, csvHref, drillHref, type DashboardContext } from './context'

/** Coverage by goal area (a bar per goal area, each a link to its drill-down). */
export async function CoverageWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const series = coverageSeries(cov)
  const hrefs = Object.fromEntries(
    cov.goals.map((g) => [String(g.number), drillHref(ctx, g.number)]),
  )
  const title = DASHBOARD_TABLES.coverage.title
  return (
    <ChartCard
      id="coverage"
      title={title}
      takeaway={`${lowestCoverageSentence(cov)}.`}
      table={DASHBOARD_TABLES.coverage.build(cov)}
      csvHref={csvHref(ctx, 'coverage')}
      note="Share of each goal area's objectives with at least one active initiative. Select a bar to see its objectives."
    >
      <CoverageChart
        data={series}
        hrefs={hrefs}
        description={`${title}: ${series.map((p) => `Goal Area ${p.goal} ${p.display}`).join(', ')}.`}
      />
    </ChartCard>
  )
}
