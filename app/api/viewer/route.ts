import { carriesCredentials } from '@/lib/auth/cookies'
import { getViewer } from '@/lib/auth/viewer'
import { toViewerSummary } from '@/lib/account/viewerSummary'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * GET /api/viewer — who is signed in (a member through next-auth, or staff through the Payload
 * admin cookie), for the header's account slot: `{ name, kind, isBoard }` or `null`. Per person,
 * so never cached anywhere. Every public page view asks it, most of them signed out: a request
 * with no credentials at all is answered `null` without loading Payload (it cost about twice a
 * cached page; bench/public-pages/README.md).
 */
export async function GET(request: Request): Promise<Response> {
  const viewer = carriesCredentials(request.headers) ? await getViewer() : null
  return Response.json(toViewerSummary(viewer), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}
