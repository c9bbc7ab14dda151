import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { coverageWithHistoryForQuery } from '@/lib/data/cycles'
import { getPayloadClient } from '@/lib/data/payload'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

const HEADERS = { 'Cache-Control': 'private, no-store' }

const problem = (status: number, error: string) =>
  Response.json({ error }, { status, headers: HEADERS })

/**
 * GET /api/plans/<slug>/coverage?section=<slug>&status=<status>…&visibility=<v>&cycle=<id>
 * The coverage numbers for the signed-in member or staff user (docs/architecture.md, "Routes"), now or
 * as of a reporting cycle (then with `asOf`), always with the number of `stale` initiatives.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a member to see coverage.')
  const { slug } = await params
  try {
    const result = await coverageWithHistoryForQuery(
      slug,
      request.nextUrl.searchParams,
      viewer.user,
    )
    if (result.status !== 200) return problem(result.status, result.error)
    return Response.json(result.coverage, { headers: HEADERS })
  } catch (err) {
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `Coverage for plan "${slug}" failed` })
    return problem(500, 'Coverage could not be computed just now. Try again in a moment.')
  }
}
