import Link from 'next/link'

import { cycleHref, historyOf, type DashboardContext } from './context'

/** Links to the dashboard as of each reporting cycle, and now. */
export async function CycleSwitcher({ ctx }: { ctx: DashboardContext }) {
  const { cycles, selected } = await historyOf(ctx)
  if (cycles.length === 0) return null
  const current = selected ? String(selected.id) : null
  return (
    <nav aria-label="Reporting cycles" className="dash-plans no-print" data-cycle-switcher>
      <span className="dash-plans__label">As of:</span>
      <ul>
        {cycles.map(({ cycle }) => (
          <li key={String(cycle.id)}>
            <Link
              href={cycleHref(ctx, String(cycle.id))}
              aria-current={current === String(cycle.id) ? 'page' : undefined}
            >
              {cycle.name}
              {cycle.state === 'open' ? ' (open)' : ''}
            </Link>
          </li>
        ))}
        <li>
          <Link href={cycleHref(ctx, null)} aria-current={current === null ? 'page' : undefined}>
            Now
          </Link>
        </li>
      </ul>
    </nav>
  )
}
