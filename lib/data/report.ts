import 'server-only'

import {
  buildProgressReport,
  REPORT_LISTINGS,
  type ProgressReportModel,
  type ReportListing,
} from '@/lib/pdf/report/model'
import type { CoverageUser } from './coverage'
import { resolveHistoryQuery } from './cycles'

const isListing = (value: string): value is ReportListing =>
  (REPORT_LISTINGS as readonly string[]).includes(value)

/** Query parameters the progress report takes. */
export const REPORT_PARAMS = ['section', 'cycle', 'listing'] as const

export type ProgressReportResult =
  { status: 200; report: ProgressReportModel } | { status: 400 | 404; error: string }

/**
 * The board progress report for (plan, person): the dashboard's data fetch with the plan's history
 * (a fixed number of queries), seen as this person sees it (board members and staff: every
 * published initiative, both visibilities), with the numbers of computeCoverage as of `?cycle=`
 * (else as of the open cycle, or today) — the same as `GET /api/plans/<slug>/coverage` answers —
 * and what changed since the cycle before. `?listing=full` lists every initiative (the default is
 * a summary a board reads at any size). 400 for parameters it does not take, a malformed or
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
      error: `Unknown parameter ${names}: the report takes only ?section=<section slug>, ?cycle=<cycle id> and ?listing=full.`,
    }
  }
  const listings = query.getAll('listing')
  if (listings.length > 1 || (listings[0] && !isListing(listings[0]))) {
    return {
      status: 400,
      error: `?listing= is "full" (every initiative) or "summary" (the default), once.`,
    }
  }
  const listing = (listings[0] as ReportListing | undefined) ?? 'summary'
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
      listing,
      ...(cycle ? { cycle: cycle.id } : {}),
    }),
  }
}
