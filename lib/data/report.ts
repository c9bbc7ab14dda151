import 'server-only'

import { buildProgressReport, type ProgressReportModel } from '@/lib/pdf/report/model'
import { resolveCoverageQuery, type CoverageUser } from './coverage'

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
  const resolved = await resolveCoverageQuery(slug, query, user, (section, data) => {
    const known = data.input.sections.map((s) => s.slug).join(', ')
    return `No section "${section}". Sections: ${known}.`
  })
  if (!resolved.ok) return { status: resolved.status, error: resolved.error }
  const { data, filters } = resolved
  return {
    status: 200,
    report: buildProgressReport(data.input, {
      audience: data.audience,
      section: filters.section,
      now,
    }),
  }
}
