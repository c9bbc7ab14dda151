import { redirect } from 'next/navigation'

import { loginPath } from '@/lib/auth/callback'
import { getViewer } from '@/lib/auth/viewer'
import { archivedReportFile } from '@/lib/data/archivedReports'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/**
 * GET /reports/archive/<id> — an archived board report as it was stored when its cycle closed
 * (the link in the board's email). Signed out: to the sign-in page and back; board members and
 * staff download it; other members get 403.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params
  const viewer = await getViewer()
  if (!viewer) redirect(loginPath(`/reports/archive/${encodeURIComponent(id)}`))
  if (!viewer.canReadReports)
    return problem(403, 'Archived reports are for board members and staff.')
  const file = await archivedReportFile(id, viewer.user)
  if (!file) return problem(404, 'No such archived report.')
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Content-Length': String(file.data.length),
      'Cache-Control': 'private, no-store',
    },
  })
}
