import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { cyclesForPlan } from '@/lib/data/cycles'
import { getPayloadClient } from '@/lib/data/payload'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

const HEADERS = { 'Cache-Control': 'private, no-store' }

const problem = (status: number, error: string) =>
  Response.json({ error }, { status, headers: HEADERS })

/**
 * GET /api/plans/<slug>/cycles — the plan's reporting cycles, oldest first, each with its
 * coverage as of the cycle and its completion (docs/architecture.md, "Routes"): members, board,
 * staff.
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a member to see the reporting cycles.')
  const { slug } = await params
  try {
    const result = await cyclesForPlan(slug, viewer.user)
    if (result.status !== 200) return problem(result.status, result.error)
    return Response.json(result.cycles, { headers: HEADERS })
  } catch (err) {
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `Cycles of plan "${slug}" failed` })
    return problem(500, 'The cycles could not be listed just now. Try again in a moment.')
  }
}
