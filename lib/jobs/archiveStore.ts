import os from 'node:os'
import path from 'node:path'

/**
 * Where archived report files live on local disk: REPORT_ARCHIVE_DIR, else data/reports beside
 * the SQLite database. Each test process gets a folder of its own under the system's temp dir.
 */
export function archiveDirectory(): string {
  const configured = process.env.REPORT_ARCHIVE_DIR?.trim()
  if (configured) return path.resolve(configured)
  if (process.env.VITEST) return path.join(os.tmpdir(), `lodestar-reports-${process.pid}`)
  return path.resolve('data', 'reports')
}
