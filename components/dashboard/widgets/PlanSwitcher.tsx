import Link from 'next/link'

import { filtersToQuery, withQuery } from '@/lib/charts/filters'
import { listDashboardPlans } from '@/lib/data/coverage'
import { formatPeriod } from '@/lib/format/period'
import type { DashboardContext } from './context'

/** Links to the other plans' dashboards, when the person can see more than one. */
export async function PlanSwitcher({ ctx }: { ctx: DashboardContext }) {
  const plans = await listDashboardPlans(ctx.user)
  if (plans.length <= 1) return null
  return (
    <nav aria-label="Plans" className="dash-plans no-print">
      <span className="dash-plans__label">Plans:</span>
      <ul>
        {plans.map((p) => (
          <li key={p.slug}>
            <Link
              href={withQuery(`/dashboard/${p.slug}`, filtersToQuery(ctx.filters))}
              aria-current={p.slug === ctx.slug ? 'page' : undefined}
            >
              {formatPeriod(p.startYear, p.endYear)}
              {p.current ? ' (current)' : ''}
              <span className="visually-hidden">: {p.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
