import { notFound } from 'next/navigation'
import { Suspense } from 'react'

import type { Viewer } from '@/lib/auth/viewer'
import { filterSummary, parseCoverageFilters, type QueryInput } from '@/lib/charts/filters'
import { loadCoverageFrame, type DashboardPlan } from '@/lib/data/coverage'
import { checkDashboardCycle } from '@/lib/data/cycles'
import { formatPeriod } from '@/lib/format/period'
import { BarSkeleton, CardSkeleton, TilesSkeleton } from './Skeletons'
import { CoverageWidget } from './widgets/CoverageWidget'
import { CycleSwitcher } from './widgets/CycleSwitcher'
import { cycleHref, type DashboardContext } from './widgets/context'
import { DrillDownWidget } from './widgets/DrillDownWidget'
import { FilterForm } from './widgets/FilterForm'
import { GapsWidget } from './widgets/GapsWidget'
import { MatrixWidget } from './widgets/MatrixWidget'
import { PlanSwitcher } from './widgets/PlanSwitcher'
import { CompletionWidget, StaleWidget } from './widgets/ReportingWidgets'
import { StatusWidget } from './widgets/StatusWidget'
import { Tiles } from './widgets/Tiles'
import { StatusMixWidget, TrendWidget } from './widgets/TrendWidget'
import { YearsWidget } from './widgets/YearsWidget'

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value

/** The goal area asked for with `?goal=<number>`, if it reads as one. */
const goalOf = (query: Record<string, string | string[] | undefined>): number | undefined => {
  const raw = first(query.goal)
  return raw && /^\d{1,3}$/.test(raw) ? Number(raw) : undefined
}

/**
 * The member dashboard for one plan: the page has already signed the person in and found the
 * plan; each widget fetches (one shared, cached data fetch) inside its own Suspense boundary.
 * A `?cycle=` that is not one of the plan's cycles (or not a cycle id) gets a message and the
 * numbers as they are now, not the 404 page.
 */
export async function DashboardView({
  plan,
  viewer,
  basePath,
  query,
}: {
  plan: DashboardPlan
  viewer: Viewer
  basePath: string
  query: Record<string, string | string[] | undefined>
}) {
  const parsed = parseCoverageFilters(query as QueryInput)
  const asked = await checkDashboardCycle(plan.slug, viewer.user, query.cycle)
  // the sections (the cached frame, which the filter form reads too): a section the plan does not
  // have is left out of the view, as the message says, and the summary names the section
  const frame = await loadCoverageFrame(plan.slug, viewer.user)
  if (!frame) notFound()
  const { section, ...rest } = parsed.filters
  const unknownSection =
    section && !frame.sections.some((s) => s.slug === section) ? section : undefined
  const filters = unknownSection ? rest : parsed.filters
  const filterError = [
    parsed.ok ? '' : parsed.error,
    unknownSection ? `No section "${unknownSection}".` : '',
  ]
    .filter(Boolean)
    .join(' ')
  const summary = filterSummary(filters, frame.sections)
  const ctx: DashboardContext = {
    slug: plan.slug,
    user: viewer.user,
    filters,
    basePath,
    goal: goalOf(query),
    cycle: asked.cycle,
  }
  const audienceNote =
    viewer.kind === 'staff'
      ? 'Staff view: every published initiative, public and members only. Drafts never count.'
      : 'You see public and members-only initiatives. Drafts never count.'

  return (
    <div className="container dash">
      <header className="dash-header">
        <p className="dash-eyebrow">
          Coverage dashboard · {formatPeriod(plan.startYear, plan.endYear)}
          {plan.current ? ' · current plan' : ''}
        </p>
        <h1 className="dash-title">{plan.title}</h1>
        <p className="dash-lede">
          Where the plan has work behind it, and where it does not. {audienceNote}
        </p>
        <div className="dash-header__actions">
          {viewer.canReadReports ? (
            <a
              className="button"
              href={`/reports/${plan.slug}/progress.pdf${ctx.cycle ? `?cycle=${encodeURIComponent(ctx.cycle)}` : ''}`}
              data-report-link
            >
              Download progress report (PDF)
            </a>
          ) : null}
          <Suspense fallback={<BarSkeleton />}>
            <PlanSwitcher ctx={ctx} />
          </Suspense>
          <Suspense fallback={<BarSkeleton />}>
            <CycleSwitcher ctx={ctx} />
          </Suspense>
        </div>
      </header>

      {'error' in asked ? (
        <div className="dash-alert" role="alert" data-cycle-error>
          <p>{asked.error}</p>
          <p>
            The numbers below are as they are now.{' '}
            <a href={cycleHref(ctx, null)}>Back to the dashboard</a>, or choose a cycle under “As
            of”.
          </p>
        </div>
      ) : null}
      <Suspense fallback={<BarSkeleton />}>
        <FilterForm ctx={ctx} error={filterError || undefined} />
      </Suspense>
      {summary ? (
        <p className="dash-view" data-view>
          <strong>Filtered:</strong> {summary}
        </p>
      ) : null}

      <Suspense fallback={<TilesSkeleton />}>
        <Tiles ctx={ctx} />
      </Suspense>

      <div className="dash-grid">
        <Suspense
          fallback={<CardSkeleton title="Coverage over the reporting cycles" height={300} wide />}
        >
          <TrendWidget ctx={ctx} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Reporting in the open cycle" height={240} />}>
          <CompletionWidget ctx={ctx} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Stale initiatives" height={240} />}>
          <StaleWidget ctx={ctx} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Coverage by goal area" height={320} />}>
          <CoverageWidget ctx={ctx} />
        </Suspense>
        <Suspense
          fallback={<CardSkeleton title="Initiatives by status per goal area" height={300} />}
        >
          <StatusWidget ctx={ctx} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Active initiatives per year" height={240} />}>
          <YearsWidget ctx={ctx} />
        </Suspense>
        <Suspense
          fallback={
            <CardSkeleton title="Initiatives by status over the reporting cycles" height={300} />
          }
        >
          <StatusMixWidget ctx={ctx} />
        </Suspense>
        <Suspense
          fallback={<CardSkeleton title="Objectives without an active initiative" height={240} />}
        >
          <GapsWidget ctx={ctx} />
        </Suspense>
        <Suspense
          fallback={
            <CardSkeleton title="Active initiatives by section and goal area" height={240} wide />
          }
        >
          <MatrixWidget ctx={ctx} />
        </Suspense>
        <Suspense
          fallback={
            <CardSkeleton title="Objectives and initiatives by goal area" height={200} wide />
          }
        >
          <DrillDownWidget ctx={ctx} />
        </Suspense>
      </div>
    </div>
  )
}
