import Link from 'next/link'
import { notFound } from 'next/navigation'

import { withQuery } from '@/lib/charts/filters'
import { audienceOf, loadCoverageFrame } from '@/lib/data/coverage'
import { statusTitle } from '@/lib/format/labels'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'
import { STATUS_COLOURS } from '@/components/charts/palette'
import type { DashboardContext } from './context'

/**
 * The filters (section, visibility, statuses) as a plain GET form, with `error` (what of the URL's
 * filters could not be read, as the page worked it out) over it.
 */
export async function FilterForm({ ctx, error }: { ctx: DashboardContext; error?: string }) {
  // the sections only (cached apart from the plan's initiatives, which a warm dashboard never reads)
  const frame = await loadCoverageFrame(ctx.slug, ctx.user)
  if (!frame) notFound()
  const audience = audienceOf(ctx.user)
  const sections = frame.sections
  const chosen = new Set(ctx.filters.status ?? [])
  return (
    <form method="get" action={ctx.basePath} className="dash-filters no-print" aria-label="Filters">
      {error ? (
        <p className="dash-alert" role="alert">
          {error} Showing the numbers without the filters that could not be read.
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
              {audience === 'members' ? 'Public and members only' : 'Public'}
            </option>
            <option value="public">Public only</option>
            {audience === 'members' ? <option value="members">Members only</option> : null}
          </select>
        </label>
        <fieldset className="dash-field dash-statuses">
          <legend>Status</legend>
          {INITIATIVE_STATUSES.map((s) => (
            <label key={s} className="dash-check">
              <input type="checkbox" name="status" value={s} defaultChecked={chosen.has(s)} />
              <span
                className="dash-swatch"
                style={{ background: STATUS_COLOURS[s] }}
                aria-hidden="true"
              />
              {statusTitle(s)}
            </label>
          ))}
        </fieldset>
        {ctx.goal !== undefined ? <input type="hidden" name="goal" value={ctx.goal} /> : null}
        {ctx.cycle ? <input type="hidden" name="cycle" value={ctx.cycle} /> : null}
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
