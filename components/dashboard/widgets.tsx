import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CoverageChart } from '@/components/charts/CoverageChart.client'
import { StatusChart } from '@/components/charts/StatusChart.client'
import { YearsChart } from '@/components/charts/YearsChart.client'
import { drillDownTable, goalDrillDown } from '@/lib/charts/drilldown'
import { filtersToQuery, withQuery } from '@/lib/charts/filters'
import {
  coverageSeries,
  matrixMax,
  matrixSentence,
  shadeLevel,
  statusKeys,
  statusSeries,
  yearsSeries,
} from '@/lib/charts/series'
import { DASHBOARD_TABLES, gapsTable } from '@/lib/charts/tables'
import {
  getPlanCoverage,
  listDashboardPlans,
  loadCoverageData,
  type CoverageUser,
} from '@/lib/data/coverage'
import {
  ACTIVE_YEARS_RULE,
  coverageSummarySentence,
  formatPercent,
  gapsSentence,
  lowestCoverageSentence,
  statusSentence,
  yearsSentence,
  type CoverageFilters,
  type PlanCoverage,
} from '@/lib/plan/coverage'
import { sectionMatrixTable } from '@/lib/plan/csv'
import { statusLabel, statusTitle } from '@/lib/format/labels'
import { formatPeriod } from '@/lib/format/period'
import { plural } from '@/lib/format/plural'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'
import { ChartCard } from './ChartCard'
import { DataTable } from './DataTable'

/** What every widget needs to fetch its numbers and build its links. */
export interface DashboardContext {
  slug: string
  user: CoverageUser
  filters: CoverageFilters
  /** the page's own path: `/dashboard` or `/dashboard/<slug>` */
  basePath: string
  /** the goal area being drilled into, if any */
  goal?: number
}

const csvHref = (ctx: DashboardContext, name: string): string =>
  withQuery(`/dashboard/${ctx.slug}/csv/${name}.csv`, filtersToQuery(ctx.filters))

/** The drill-down of goal area `n` in the current view. */
export const drillHref = (ctx: DashboardContext, n: number): string =>
  `${withQuery(ctx.basePath, filtersToQuery(ctx.filters, { goal: String(n) }))}#drilldown`

// The page checked the plan exists for this person; the widgets share its cached fetch.
async function coverageOf(ctx: DashboardContext): Promise<PlanCoverage> {
  const cov = await getPlanCoverage(ctx.slug, ctx.user, ctx.filters)
  if (!cov) notFound()
  return cov
}

export async function Tiles({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const engaged = cov.sections.length
  return (
    <section aria-labelledby="tiles-title" className="dash-tiles-section" data-widget="tiles">
      <h2 id="tiles-title" className="visually-hidden">
        Headline numbers
      </h2>
      <p className="dash-summary" data-takeaway>
        {coverageSummarySentence(cov)}.
      </p>
      <dl className="dash-tiles">
        <div className="dash-tile" data-tile="objectives">
          <dt>Objectives covered</dt>
          <dd className="dash-tile__value">
            {cov.objectives.covered}{' '}
            <span className="dash-tile__of">of {cov.objectives.total}</span>
          </dd>
        </div>
        <div className="dash-tile" data-tile="coverage">
          <dt>Plan coverage</dt>
          <dd className="dash-tile__value">{formatPercent(cov.coverage)}</dd>
          <dd className="dash-meter" aria-hidden="true">
            <span style={{ width: `${Math.round(cov.coverage * 100)}%` }} />
          </dd>
        </div>
        <div className="dash-tile" data-tile="active">
          <dt>Active initiatives</dt>
          <dd className="dash-tile__value">{cov.initiatives.active}</dd>
          <dd className="dash-tile__hint">planned, in progress or completed</dd>
        </div>
        <div className="dash-tile" data-tile="completed">
          <dt>Completed</dt>
          <dd className="dash-tile__value">{cov.initiatives.completed}</dd>
          <dd className="dash-tile__hint">of {cov.initiatives.active} active</dd>
        </div>
        <div className="dash-tile" data-tile="sections">
          <dt>Sections engaged</dt>
          <dd className="dash-tile__value">
            {cov.sectionsEngaged} <span className="dash-tile__of">of {engaged}</span>
          </dd>
          <dd className="dash-tile__hint">with an active initiative</dd>
        </div>
      </dl>
    </section>
  )
}

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

export async function MatrixWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const table = sectionMatrixTable(cov)
  const max = matrixMax(cov)
  const title = DASHBOARD_TABLES.sections.title
  return (
    <ChartCard
      id="sections"
      title={title}
      takeaway={`${matrixSentence(cov)}.`}
      table={table}
      csvHref={csvHref(ctx, 'sections')}
      tableInBody
      wide
      note="Darker cells: more active initiatives. Total counts an initiative once even when it serves several goal areas."
    >
      <div className="dash-table-wrap">
        <table className="dash-table dash-matrix">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {table.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td
                      key={c}
                      className="dash-num"
                      data-level={c === row.length - 1 ? undefined : shadeLevel(Number(cell), max)}
                    >
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  )
}

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
                    <span className="dash-code">{o.code}</span> {o.text}
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

export async function DrillDownWidget({ ctx }: { ctx: DashboardContext }) {
  const [cov, data] = await Promise.all([coverageOf(ctx), loadCoverageData(ctx.slug, ctx.user)])
  if (!data) notFound()
  const drill =
    ctx.goal === undefined
      ? undefined
      : goalDrillDown(data.input, ctx.goal, { audience: data.audience, filters: ctx.filters })
  const goal = cov.goals.find((g) => g.number === ctx.goal)
  return (
    <section
      className="dash-card dash-card--wide"
      id="drilldown"
      aria-labelledby="drilldown-title"
      data-widget="drilldown"
    >
      <header className="dash-card__header">
        <h2 id="drilldown-title" className="dash-card__title">
          Objectives and initiatives by goal area
        </h2>
        <p className="dash-card__takeaway" data-takeaway>
          {drill && goal
            ? `Goal Area ${goal.number}: ${goal.covered} of ${goal.objectives} objectives covered by ${goal.initiatives} active ${plural(goal.initiatives, 'initiative')}.`
            : 'Choose a goal area to see its objectives and the initiatives serving each.'}
        </p>
      </header>
      <nav aria-label="Goal areas" className="dash-goalnav">
        <ul>
          {cov.goals.map((g) => (
            <li key={g.number}>
              <Link
                href={drillHref(ctx, g.number)}
                scroll={false}
                aria-current={g.number === ctx.goal ? 'true' : undefined}
                className="dash-goalnav__link"
              >
                <span className="dash-goalnav__number">Goal Area {g.number}</span>
                <span className="dash-goalnav__pct">{formatPercent(g.coverage)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {ctx.goal !== undefined && !drill ? (
        <p className="dash-alert" role="alert">
          This plan has no Goal Area {ctx.goal}.
        </p>
      ) : null}
      {drill ? (
        <div className="dash-drill" data-goal={drill.number}>
          <h3 className="dash-drill__title">
            Goal Area {drill.number}: {drill.title}
          </h3>
          <ol className="dash-objectives">
            {drill.objectives.map((o) => (
              <li key={o.code} className="dash-objective" data-objective={o.code}>
                <div className="dash-objective__head">
                  <span className="dash-code">{o.code}</span>
                  <span className="dash-objective__text">{o.text}</span>
                  <span
                    className={`dash-badge ${o.covered ? 'dash-badge--ok' : 'dash-badge--gap'}`}
                  >
                    {o.covered ? `Covered · ${o.active} active` : 'Gap'}
                  </span>
                </div>
                {o.initiatives.length > 0 ? (
                  <ul className="dash-initiatives">
                    {o.initiatives.map((i, index) => (
                      <li
                        key={`${index}-${i.title}`}
                        className="dash-initiative"
                        data-active={i.active ? 'true' : 'false'}
                      >
                        <span className="dash-initiative__title">{i.title}</span>
                        <span className="dash-initiative__meta">
                          {i.section} ·{' '}
                          <span className={`dash-status dash-status--${i.status}`}>
                            {statusLabel(i.status)}
                          </span>
                          {i.progress != null ? ` · ${i.progress}%` : ''}
                          {i.visibility === 'members' ? ' · members only' : ''}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="dash-empty">No initiative in this view serves this objective.</p>
                )}
              </li>
            ))}
          </ol>
          <details className="dash-card__data">
            <summary>Data table</summary>
            <DataTable
              table={drillDownTable(drill)}
              caption={`Goal Area ${drill.number}: objectives and initiatives`}
            />
          </details>
          <p className="dash-card__actions no-print">
            <a href={csvHref(ctx, `goal-${drill.number}`)} download className="dash-csv">
              Download CSV<span className="visually-hidden">: Goal Area {drill.number}</span>
            </a>
          </p>
        </div>
      ) : null}
    </section>
  )
}

export async function FilterForm({ ctx, error }: { ctx: DashboardContext; error?: string }) {
  const data = await loadCoverageData(ctx.slug, ctx.user)
  if (!data) notFound()
  const sections = data.input.sections
  const unknownSection =
    ctx.filters.section && !sections.some((s) => s.slug === ctx.filters.section)
      ? ctx.filters.section
      : undefined
  const chosen = new Set(ctx.filters.status ?? [])
  return (
    <form method="get" action={ctx.basePath} className="dash-filters no-print" aria-label="Filters">
      {error || unknownSection ? (
        <p className="dash-alert" role="alert">
          {[error, unknownSection ? `No section "${unknownSection}".` : '']
            .filter(Boolean)
            .join(' ')}{' '}
          Showing the numbers without the filters that could not be read.
        </p>
      ) : null}
      <div className="dash-filters__row">
        <label className="dash-field">
          <span>Section</span>
          <select name="section" defaultValue={ctx.filters.section ?? ''}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="dash-field">
          <span>Visibility</span>
          <select name="visibility" defaultValue={ctx.filters.visibility ?? ''}>
            <option value="">
              {data.audience === 'members' ? 'Public and members only' : 'Public'}
            </option>
            <option value="public">Public only</option>
            {data.audience === 'members' ? <option value="members">Members only</option> : null}
          </select>
        </label>
        <fieldset className="dash-field dash-statuses">
          <legend>Status</legend>
          {INITIATIVE_STATUSES.map((s) => (
            <label key={s} className="dash-check">
              <input type="checkbox" name="status" value={s} defaultChecked={chosen.has(s)} />
              <span className={`dash-swatch dash-swatch--${s}`} aria-hidden="true" />
              {statusTitle(s)}
            </label>
          ))}
        </fieldset>
        {ctx.goal !== undefined ? <input type="hidden" name="goal" value={ctx.goal} /> : null}
        <div className="dash-filters__actions">
          <button type="submit" className="button">
            Apply filters
          </button>
          <Link
            href={withQuery(ctx.basePath, ctx.goal !== undefined ? `goal=${ctx.goal}` : '')}
            className="dash-reset"
          >
            Clear
          </Link>
        </div>
      </div>
    </form>
  )
}

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
