import { getViewer } from '@/lib/auth/viewer'
import { toViewerSummary } from '@/lib/account/viewerSummary'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

/**
 * GET /api/viewer — who is signed in (a member through next-auth, or staff through the Payload
 * admin cookie), for the header's account slot: `{ name, kind, isBoard }` or `null`. Per person,
 * so never cached anywhere.
 */
export async function GET(): Promise<Response> {
  const viewer = await getViewer()
  return Response.json(toViewerSummary(viewer), {
    headers: { 'Cache-Control': 'private, no-store' },
  })
}
