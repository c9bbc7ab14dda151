import 'server-only'

import { reportFileName } from '@/lib/pdf/report/model'
import { renderPdf } from '@/lib/pdf/pool'
import { getDashboardPlan, readerOf, type CoverageUser } from './coverage'
import { progressReportForQuery, REPORT_PARAMS } from './report'
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from './tags'
import { sharedCache } from './viewCache'

export type ProgressReportPdfResult =
  | { status: 200; pdf: Buffer; fileName: string; cached: boolean }
  | { status: 400 | 404; error: string }

type Stored = { status: 200; pdf: string; fileName: string } | { status: 400 | 404; error: string }

/**
 * The board progress report as PDF bytes for (plan, kind of reader, parameters, day: board members
 * and staff read under different rules, see readerOf), rendered in the PDF
 * worker pool once and then served from Next's data cache until a change expires the plan's tags
 * (the tags that expire its pages: `plans`, `plan:<id>`, `sections`) or the day turns (the report
 * is dated). Each request still looks the plan up as this person (404 when they may not see it),
 * so a cached report never reaches someone who could not have had it made. Kept by sharedCache
 * (keys without the function's text), so the report route and any other caller share one entry.
 * Throws PdfBusyError when the pool is full.
 */
export async function progressReportPdf(
  slug: string,
  query: URLSearchParams,
  user: CoverageUser,
  now: Date = new Date(),
): Promise<ProgressReportPdfResult> {
  const plan = await getDashboardPlan(slug, user)
  if (!plan) return { status: 404, error: `No plan "${slug}".` }
  // the parameters as the report reads them, in a fixed order; unknown ones are answered 400 below
  const params = [...query.entries()]
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join('&')
  let rendered = false
  const load = sharedCache(
    async (): Promise<Stored> => {
      rendered = true
      const result = await progressReportForQuery(slug, query, user, now)
      if (result.status !== 200) return result
      const { report } = result
      const pdf = await renderPdf({ kind: 'progress-report', report })
      const fileName = reportFileName(report.plan, report.asOf, report.section?.slug)
      return { status: 200, pdf: pdf.toString('base64'), fileName }
    },
    [
      'progress-report',
      String(plan.id),
      readerOf(user),
      params,
      now.toISOString().slice(0, 10),
      // a new parameter the report learns (e.g. ?cycle=) changes what a key means
      REPORT_PARAMS.join(','),
    ],
    {
      // the report speaks as of the open cycle, else the latest: a cycle that opens or closes
      // (plan:<id>:history) changes it without touching an initiative
      tags: [
        cacheTags.plans,
        cacheTags.plan(plan.id),
        cacheTags.planWork(plan.id),
        cacheTags.sections,
        cacheTags.planHistory(plan.id),
      ],
      revalidate: PUBLIC_REVALIDATE_SECONDS,
    },
  )
  const stored = await load()
  if (stored.status !== 200) return stored
  return {
    status: 200,
    pdf: Buffer.from(stored.pdf, 'base64'),
    fileName: stored.fileName,
    cached: !rendered,
  }
}
