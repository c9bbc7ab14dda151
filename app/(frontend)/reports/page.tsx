import type { Metadata } from 'next'

import { requireViewer } from '@/lib/auth/viewer'
import { listArchivedReports } from '@/lib/data/archivedReports'
import { formatDate } from '@/lib/format/dates'

export const metadata: Metadata = { title: 'Report archive', robots: { index: false } }
export const dynamic = 'force-dynamic'

/** /reports: the board reports archived as each cycle closed (board members and staff). */
export default async function ReportsPage() {
  const viewer = await requireViewer('/reports')
  if (!viewer.canReadReports) {
    return (
      <div className="container">
        <h1>Report archive</h1>
        <p>The report archive is for board members and staff.</p>
      </div>
    )
  }
  const reports = await listArchivedReports(viewer.user)
  return (
    <div className="container">
      <h1>Report archive</h1>
      <p className="muted">
        The board’s progress report as of each closed cycle, stored when the cycle closed and never
        changed since.
      </p>
      {reports.length === 0 ? (
        <p>No cycle has closed yet.</p>
      ) : (
        <ul>
          {reports.map((report) => (
            <li key={report.id}>
              <a href={`/reports/archive/${encodeURIComponent(String(report.id))}`}>
                {report.title}
              </a>{' '}
              <span className="muted">(closed {formatDate(report.closedAt)}, PDF)</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
