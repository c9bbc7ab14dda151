import { StatusChart } from '@/components/charts/StatusChart.client'
import { statusKeys, statusSeries } from '@/lib/charts/series'
import { DASHBOARD_TABLES } from '@/lib/charts/tables'
import { statusSentence } from '@/lib/plan/coverage'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { coverageOf, csvHref, type DashboardContext } from './context'

/** Initiatives by status in each goal area (stacked bars). */
export async function StatusWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const title = DASHBOARD_TABLES.status.title
  return (
    <ChartCard
      id="status"
      title={title}
      takeaway={`${statusSentence(cov)}.`}
      table={DASHBOARD_TABLES.status.build(cov)}
      csvHref={csvHref(ctx, 'status')}
      note="Every published initiative, whatever its status; one serving two goal areas counts in both."
    >
      <StatusChart
        data={statusSeries(cov)}
        statuses={statusKeys()}
        description={`${title}. ${statusSentence(cov)}.`}
      />
    </ChartCard>
  )
}
