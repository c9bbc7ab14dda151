import { YearsChart } from '@/components/charts/YearsChart.client'
import { yearsSeries } from '@/lib/charts/series'
import { DASHBOARD_TABLES } from '@/lib/charts/tables'
import { ACTIVE_YEARS_RULE, yearsSentence } from '@/lib/plan/coverage'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { coverageOf, csvHref, type DashboardContext } from './context'

/** Active initiatives per year of the plan period. */
export async function YearsWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const series = yearsSeries(cov)
  const title = DASHBOARD_TABLES.years.title
  return (
    <ChartCard
      id="years"
      title={title}
      takeaway={`${yearsSentence(cov)}.`}
      table={DASHBOARD_TABLES.years.build(cov)}
      csvHref={csvHref(ctx, 'years')}
      note={ACTIVE_YEARS_RULE}
    >
      <YearsChart
        data={series}
        description={`${title}: ${series.map((p) => `${p.year} ${p.active}`).join(', ')}.`}
      />
    </ChartCard>
  )
}
