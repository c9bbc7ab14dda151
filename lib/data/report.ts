import 'server-only'

import { parseCoverageFilters } from '../charts/filters'
import { buildProgressReport, type ProgressReportModel } from '../pdf/report/model'
import { loadCoverageData, type CoverageUser } from './coverage'

/** Query parameters the progress report takes. */
export const REPORT_PARAMS = ['section'] as const

export type ProgressReportResult =
  { status: 200; report: ProgressReportModel } | { status: 400 | 404; error: string }

/**
 * The board progress report for (plan, person): the dashboard's one data fetch, seen as this
 * person sees it (board members and staff: every published initiative, both visibilities), and
 * the numbers of computeCoverage for it — the same as `GET /api/plans/<slug>/coverage` answers.
 * 400 for parameters it does not take, a malformed or unknown section; 404 for a plan the person
 * cannot see. Access to reports as such is the route's to check.
 */
export async function progressReportForQuery(
  slug: string,
  query: URLSearchParams,
  user: CoverageUser,
  now: Date = new Date(),
): Promise<ProgressReportResult> {
  const unknown = [...new Set(query.keys())].filter(
    (name) => !(REPORT_PARAMS as readonly string[]).includes(name),
  )
  if (unknown.length > 0) {
    const names = unknown.map((name) => `"${name}"`).join(', ')
    return {
      status: 400,
      error: `Unknown parameter ${names}: the report takes only ?section=<section slug>.`,
    }
  }
  const parsed = parseCoverageFilters(query)
  if (!parsed.ok) return { status: 400, error: parsed.error }

  const data = await loadCoverageData(slug, user)
  if (!data) return { status: 404, error: `No plan "${slug}".` }
  const { section } = parsed.filters
  if (section && !data.input.sections.some((s) => s.slug === section)) {
    const known = data.input.sections.map((s) => s.slug).join(', ')
    return { status: 400, error: `No section "${section}". Sections: ${known}.` }
  }
  return {
    status: 200,
    report: buildProgressReport(data.input, { audience: data.audience, section, now }),
  }
}
