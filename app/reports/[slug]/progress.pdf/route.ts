import { createHash } from 'node:crypto'

import { unstable_cache } from 'next/cache'
import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { getPayloadClient } from '@/lib/data/payload'
import { progressReportForQuery } from '@/lib/data/report'
import { reportFileName, type ProgressReportModel } from '@/lib/pdf/report/model'
import { renderProgressReport } from '@/lib/pdf/report/render'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

/**
 * Renders the report once per distinct content: the cache key is a hash of everything the PDF
 * prints (the generation time aside), so any change to the plan or its initiatives, or a new day,
 * renders afresh, while board members downloading the same report before a meeting share one.
 */
async function renderOnce(report: ProgressReportModel): Promise<Buffer> {
  const content = JSON.stringify({ ...report, generatedAt: null })
  const key = createHash('sha256').update(content).digest('base64url')
  const render = unstable_cache(
    async () => (await renderProgressReport(report)).toString('base64'),
    ['progress-report', key],
  )
  return Buffer.from(await render(), 'base64')
}

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * GET /reports/<plan-slug>/progress.pdf[?section=<slug>] — the board progress report, for board
 * members and staff (401 signed out, 403 other members). Read fresh on every request (it is
 * dated, and says what the plan looks like now); the rendering is shared by identical reports.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a board member to download the progress report.')
  if (!viewer.canReadReports) {
    return problem(403, 'Progress reports are for board members and staff.')
  }
  const { slug } = await params
  try {
    const result = await progressReportForQuery(slug, request.nextUrl.searchParams, viewer.user)
    if (result.status !== 200) return problem(result.status, result.error)
    const { report } = result
    const pdf = await renderOnce(report)
    const fileName = reportFileName(report.plan, report.asOf, report.section?.slug)
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Content-Length': String(pdf.length),
        'Cache-Control': 'no-store',
      },
    })
  } catch (err) {
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `Progress report for plan "${slug}" failed` })
    return problem(500, 'The report could not be prepared just now. Try again in a moment.')
  }
}
