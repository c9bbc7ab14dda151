import { StatusMixChart } from '@/components/charts/StatusMixChart.client'
import { TrendChart } from '@/components/charts/TrendChart.client'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { HISTORY_TABLES } from '@/lib/charts/history'
import { statusKeys } from '@/lib/charts/series'
import {
  statusMixSentence,
  statusMixSeries,
  trendLines,
  trendSentence,
  trendSeries,
} from '@/lib/charts/trend'
import { csvHref, historyOf, type DashboardContext } from './context'

/** Plan and goal-area coverage over the reporting cycles (a line each). */
export async function TrendWidget({ ctx }: { ctx: DashboardContext }) {
  const history = await historyOf(ctx)
  const { title } = HISTORY_TABLES.trend
  const sentence = `${trendSentence(history.cycles)}.`
  return (
    <ChartCard
      id="trend"
      title={title}
      takeaway={sentence}
      table={HISTORY_TABLES.trend.build(history)}
      csvHref={csvHref(ctx, 'trend')}
      note="Each cycle's numbers are as of its close (the open cycle: as of now), from the updates recorded by then."
      wide
    >
      {history.cycles.length === 0 ? (
        <p className="dash-empty">No reporting cycle yet.</p>
      ) : (
        <TrendChart
          data={trendSeries(history.cycles)}
          lines={trendLines(history.cycles)}
          description={`${title}. ${sentence}`}
        />
      )}
    </ChartCard>
  )
}

/** Published initiatives by status per reporting cycle (stacked bars). */
export async function StatusMixWidget({ ctx }: { ctx: DashboardContext }) {
  const history = await historyOf(ctx)
  const { title } = HISTORY_TABLES['status-mix']
  const sentence = `${statusMixSentence(history.cycles)}.`
  return (
    <ChartCard
      id="status-mix"
      title={title}
      takeaway={sentence}
      table={HISTORY_TABLES['status-mix'].build(history)}
      csvHref={csvHref(ctx, 'status-mix')}
    >
      {history.cycles.length === 0 ? (
        <p className="dash-empty">No reporting cycle yet.</p>
      ) : (
        <StatusMixChart
          data={statusMixSeries(history.cycles)}
          statuses={statusKeys()}
          description={`${title}. ${sentence}`}
        />
      )}
    </ChartCard>
  )
}
