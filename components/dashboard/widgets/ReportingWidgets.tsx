import { ChartCard } from '@/components/dashboard/ChartCard'
import { HISTORY_TABLES, staleRuleText } from '@/lib/charts/history'
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

/** Active work with no recent update (docs/architecture.md, "Progress cycles"). */
export async function StaleWidget({ ctx }: { ctx: DashboardContext }) {
  const history = await historyOf(ctx)
  const { title } = HISTORY_TABLES.stale
  const { rows, rule } = history.stale
  return (
    <ChartCard
      id="stale"
      title={title}
      takeaway={`${countLabel(rows.length, 'active initiative has', 'active initiatives have')} ${staleRuleText(rule)}.`}
      table={HISTORY_TABLES.stale.build(history)}
      csvHref={csvHref(ctx, 'stale')}
    >
      {rows.length === 0 ? (
        <p className="dash-empty">No stale work in this view.</p>
      ) : (
        <ul className="dash-stale">
          {rows.map((r) => (
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
