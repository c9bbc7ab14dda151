import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { CSSProperties } from 'react'

import { drillDownTable } from '@/lib/charts/drilldown'
import { staleRuleText } from '@/lib/charts/history'
import { getGoalDrillDown } from '@/lib/data/cycles'
import { statusLabel } from '@/lib/format/labels'
import { plural } from '@/lib/format/plural'
import { formatPercent } from '@/lib/plan/coverage'
import { labelledCode } from '@/lib/plan/numbering'
import type { InitiativeStatus } from '@/lib/plan/types'
import { STATUS_COLOURS } from '@/components/charts/palette'
import { DataTable } from '@/components/dashboard/DataTable'
import { coverageOf, csvHref, drillHref, type DashboardContext } from './context'

/** The status's colour for the dot dashboard.css draws before its name. */
const statusDot = (status: InitiativeStatus) =>
  ({ '--status-colour': STATUS_COLOURS[status] }) as CSSProperties

/**
 * One goal area's objectives and the initiatives serving each (`?goal=<n>`), as of `?cycle=` when
 * one is chosen, stale work marked in words.
 */
export async function DrillDownWidget({ ctx }: { ctx: DashboardContext }) {
  const [cov, view] = await Promise.all([
    coverageOf(ctx),
    ctx.goal === undefined
      ? undefined
      : getGoalDrillDown(ctx.slug, ctx.user, ctx.filters, ctx.cycle ?? null, ctx.goal),
  ])
  if (view === null) notFound()
  const drill = view?.drill
  const staleNote = view ? staleRuleText(view.stale) : ''
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
                  <span className="dash-code">{labelledCode(o.code, cov.plan.objectiveLabel)}</span>
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
                        data-stale={i.stale ? 'true' : undefined}
                      >
                        <span className="dash-initiative__title">{i.title}</span>
                        {i.stale ? (
                          <span className="dash-badge dash-badge--stale">
                            Stale<span className="visually-hidden">: {staleNote}</span>
                          </span>
                        ) : null}
                        <span className="dash-initiative__meta">
                          {i.section} ·{' '}
                          <span className="dash-status" style={statusDot(i.status)}>
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
