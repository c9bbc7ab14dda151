import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { getPayloadClient } from '@/lib/data/payload'
import { progressReportPdf } from '@/lib/data/reportPdf'
import { PdfBusyError, pdfBusyResponse } from '@/lib/pdf/pool'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * GET /reports/<plan-slug>/progress.pdf[?section=<slug>] — the board progress report, for board
 * members and staff (401 signed out, 403 other members). Rendered in the PDF worker pool and kept
 * until the plan changes (lib/data/reportPdf.ts); `X-Report-Cache` says whether this download was
 * rendered for it (`miss`) or served from the cache (`hit`). 503 with `Retry-After` when every
 * worker is busy and the queue is full.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a board member to download the progress report.')
  if (!viewer.canReadReports) {
    return problem(403, 'Progress reports are for board members and staff.')
  }
  const { slug } = await params
  try {
    const result = await progressReportPdf(slug, request.nextUrl.searchParams, viewer.user)
    if (result.status !== 200) return problem(result.status, result.error)
    const { pdf, fileName, cached } = result
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Content-Length': String(pdf.length),
        'Cache-Control': 'no-store',
        'X-Report-Cache': cached ? 'hit' : 'miss',
      },
    })
  } catch (err) {
    if (err instanceof PdfBusyError) return pdfBusyResponse(err)
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `Progress report for plan "${slug}" failed` })
    return problem(500, 'The report could not be prepared just now. Try again in a moment.')
  }
}
