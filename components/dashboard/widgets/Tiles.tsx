import { coverageSummarySentence, formatPercent } from '@/lib/plan/coverage'
import { coverageOf, type DashboardContext } from './context'

/** The headline numbers: objectives covered, coverage, active and completed initiatives, sections engaged. */
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
