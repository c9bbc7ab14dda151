import Link from 'next/link'

import { DASHBOARD_TABLES, gapsTable } from '@/lib/charts/tables'
import { gapsSentence } from '@/lib/plan/coverage'
import { labelledCode } from '@/lib/plan/numbering'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { coverageOf, csvHref, drillHref, type DashboardContext } from './context'

/** The objectives no active initiative serves, by goal area. */
export async function GapsWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const byGoal = cov.goals
    .map((g) => ({ goal: g, gaps: g.objectiveCoverage.filter((o) => !o.covered) }))
    .filter((g) => g.gaps.length > 0)
  return (
    <ChartCard
      id="gaps"
      title={DASHBOARD_TABLES.gaps.title}
      takeaway={`${gapsSentence(cov)}.`}
      table={gapsTable(cov)}
      csvHref={csvHref(ctx, 'gaps')}
    >
      {byGoal.length === 0 ? (
        <p className="dash-empty">No gaps in this view.</p>
      ) : (
        <div className="dash-gaps">
          {byGoal.map(({ goal, gaps }) => (
            <div key={goal.number} className="dash-gaps__goal">
              <h3>
                <Link href={drillHref(ctx, goal.number)} scroll={false}>
                  Goal Area {goal.number}
                </Link>{' '}
                <span className="dash-gaps__count">
                  {gaps.length} of {goal.objectives}
                </span>
              </h3>
              <ul>
                {gaps.map((o) => (
                  <li key={o.code}>
                    <span className="dash-code">
                      {labelledCode(o.code, cov.plan.objectiveLabel)}
                    </span>{' '}
                    {o.text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </ChartCard>
  )
}
