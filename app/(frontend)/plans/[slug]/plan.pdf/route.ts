import { createHash } from 'node:crypto'

import { unstable_cache } from 'next/cache'

import { getPlanOverview } from '@/lib/data/public'
import { cacheTags, PUBLIC_REVALIDATE_SECONDS } from '@/lib/data/tags'
import { env } from '@/lib/env'
import { PdfBusyError, pdfBusyResponse, renderPdf } from '@/lib/pdf/pool'

export const runtime = 'nodejs'

type Context = { params: Promise<{ slug: string }> }

/**
 * GET /plans/<slug>/plan.pdf — the published plan as a PDF, for anyone. The rendered file is
 * cached under the plan's tags and its coverage's (it shows no initiative, only the coverage
 * sentence), so it is re-rendered only after the plan or what it counts changes; browsers and
 * proxies must revalidate (ETag) so nobody keeps an outdated copy. It is rendered in the PDF
 * worker pool: 503 with `Retry-After` when every worker is busy and the queue is full.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params
  const bundle = await getPlanOverview(slug)
  if (!bundle) {
    return new Response('Not found: there is no published plan at this address.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }
  const { plan } = bundle
  const url = `${env().serverUrl}/plans/${plan.slug}`
  const render = unstable_cache(
    async () => (await renderPdf({ kind: 'plan', bundle, url })).toString('base64'),
    ['public', 'plan-pdf', String(plan.id), plan.slug, url],
    {
      tags: [
        cacheTags.plans,
        cacheTags.plan(plan.id),
        cacheTags.planCoverage(plan.id),
        cacheTags.sections,
      ],
      revalidate: PUBLIC_REVALIDATE_SECONDS,
    },
  )
  let pdf: Buffer
  try {
    pdf = Buffer.from(await render(), 'base64')
  } catch (err) {
    if (err instanceof PdfBusyError) return pdfBusyResponse(err)
    throw err
  }
  const etag = `"${createHash('sha256').update(pdf).digest('base64url').slice(0, 32)}"`
  const headers = {
    'Cache-Control': 'public, no-cache',
    ETag: etag,
  }
  if (request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers })
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...headers,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${plan.slug}.pdf"`,
      'Content-Length': String(pdf.length),
    },
  })
}
