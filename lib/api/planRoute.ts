import type { NextRequest } from 'next/server'

import { getViewer, type Viewer } from '@/lib/auth/viewer'
import { getPayloadClient } from '@/lib/data/payload'

const HEADERS = { 'Cache-Control': 'private, no-store' }

const problem = (status: number, error: string) =>
  Response.json({ error }, { status, headers: HEADERS })

/** What a plan route answers: its JSON body, or the lookup's refusal with the reader's message. */
export type PlanAnswer = { body: unknown } | { status: 400 | 404; error: string }

/**
 * A signed-in reader's JSON about one plan (`GET /api/plans/<slug>/…`, docs/architecture.md,
 * "Routes"): 401 when signed out, the lookup's 400/404 with its message, a logged 500 when it
 * fails; private and never stored by a cache. `answer` reads as the viewer (lib/data).
 */
export function planJsonRoute(options: {
  /** the 401 message */
  signIn: string
  /** the 500 message */
  failed: string
  /** the log line's subject, e.g. "Coverage for plan" */
  logAs: string
  answer: (slug: string, request: NextRequest, viewer: Viewer) => Promise<PlanAnswer>
}) {
  return async function GET(
    request: NextRequest,
    { params }: { params: Promise<{ slug: string }> },
  ): Promise<Response> {
    const viewer = await getViewer()
    if (!viewer) return problem(401, options.signIn)
    const { slug } = await params
    try {
      const answer = await options.answer(slug, request, viewer)
      if ('error' in answer) return problem(answer.status, answer.error)
      return Response.json(answer.body, { headers: HEADERS })
    } catch (err) {
      const payload = await getPayloadClient()
      payload.logger.error({ err, msg: `${options.logAs} "${slug}" failed` })
      return problem(500, options.failed)
    }
  }
}
