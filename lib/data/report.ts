import 'server-only'

import { buildProgressReport, type ProgressReportModel } from '@/lib/pdf/report/model'
import type { CoverageUser } from './coverage'
import { resolveHistoryQuery } from './cycles'

/** Query parameters the progress report takes. */
export const REPORT_PARAMS = ['section', 'cycle'] as const

export type ProgressReportResult =
  { status: 200; report: ProgressReportModel } | { status: 400 | 404; error: string }

/**
 * The board progress report for (plan, person): the dashboard's data fetch with the plan's history
 * (a fixed number of queries), seen as this person sees it (board members and staff: every
 * published initiative, both visibilities), with the numbers of computeCoverage as of `?cycle=`
 * (else as of the open cycle, or today) — the same as `GET /api/plans/<slug>/coverage` answers —
 * and what changed since the cycle before. 400 for parameters it does not take, a malformed or
 * unknown section, a malformed cycle id; 404 for a plan the person cannot see or a cycle that is
 * not the plan's. Access to reports as such is the route's to check.
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
      error: `Unknown parameter ${names}: the report takes only ?section=<section slug> and ?cycle=<cycle id>.`,
    }
  }
  const resolved = await resolveHistoryQuery(slug, query, user, (section, data) => {
    const known = data.input.sections.map((s) => s.slug).join(', ')
    return `No section "${section}". Sections: ${known}.`
  })
  if (!resolved.ok) return { status: resolved.status, error: resolved.error }
  const { data, filters, cycle } = resolved
  return {
    status: 200,
    report: buildProgressReport(data.history, {
      audience: data.audience,
      section: filters.section,
      now,
      history: data.history,
      ...(cycle ? { cycle: cycle.id } : {}),
    }),
  }
}
