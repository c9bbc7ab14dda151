import { ChartCard } from '@/components/dashboard/ChartCard'
import {
  DASHBOARD_STALE_ROWS,
  HISTORY_TABLES,
  shownStale,
  staleRuleText,
  staleTable,
} from '@/lib/charts/history'
import { formatDate } from '@/lib/format/dates'
import { statusLabel } from '@/lib/format/labels'
import { countLabel } from '@/lib/format/plural'
import { csvHref, historyOf, type DashboardContext } from './context'

/** The open cycle's reporting completion, per section. */
export async function CompletionWidget({ ctx }: { ctx: DashboardContext }) {
  const history = await historyOf(ctx)
  const { title } = HISTORY_TABLES.completion
  const open = history.open
  const takeaway = open
    ? `${open.cycle.name}: ${open.completion.submitted} of ${countLabel(open.completion.expected, 'update')} submitted${open.cycle.dueOn ? `, due ${formatDate(open.cycle.dueOn)}` : ''}.`
    : 'No reporting cycle is open.'
  return (
    <ChartCard
      id="completion"
      title={title}
      takeaway={takeaway}
      table={HISTORY_TABLES.completion.build(history)}
      csvHref={csvHref(ctx, 'completion')}
    >
      {open && open.completion.sections.length > 0 ? (
        <ul className="dash-bars">
          {open.completion.sections.map((s) => (
            <li key={s.slug} data-section={s.slug}>
              <span className="dash-bars__label">{s.name}</span>
              <meter min={0} max={Math.max(1, s.expected)} value={s.submitted} />
              <span className="dash-bars__value">
                {s.submitted} of {s.expected}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="dash-empty">Nothing to report on in this view.</p>
      )}
    </ChartCard>
  )
}

/**
 * Active work with no recent update (docs/architecture.md, "Progress cycles"): the first
 * DASHBOARD_STALE_ROWS, then how many more the CSV lists; the takeaway counts them all.
 */
export async function StaleWidget({
  ctx,
  limit = DASHBOARD_STALE_ROWS,
}: {
  ctx: DashboardContext
  limit?: number
}) {
  const history = await historyOf(ctx)
  const { title } = HISTORY_TABLES.stale
  const { rows, rule } = history.stale
  const shown = shownStale(history.stale, limit)
  return (
    <ChartCard
      id="stale"
      title={title}
      takeaway={`${countLabel(rows.length, 'active initiative has', 'active initiatives have')} ${staleRuleText(rule)}.`}
      table={staleTable(shown)}
      csvHref={csvHref(ctx, 'stale')}
      note={
        shown.more > 0 ? (
          <span data-stale-more={shown.more}>
            … and {shown.more.toLocaleString('en')} more: the CSV lists all{' '}
            {rows.length.toLocaleString('en')}.
          </span>
        ) : undefined
      }
    >
      {rows.length === 0 ? (
        <p className="dash-empty">No stale work in this view.</p>
      ) : (
        <ul className="dash-stale">
          {shown.rows.map((r) => (
            <li key={String(r.id)} data-stale>
              <strong>{r.title}</strong>{' '}
              <span className="dash-stale__meta">
                {r.section} · {statusLabel(r.status)} · last update{' '}
                {r.lastUpdate ? formatDate(r.lastUpdate) : 'never'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </ChartCard>
  )
}
