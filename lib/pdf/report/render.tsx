import 'server-only'

import { renderToBuffer } from '@react-pdf/renderer'

import { registerFonts } from '@/lib/pdf/fonts'
import type { ProgressReportModel } from './model'
import { ProgressReport } from './ProgressReport'

/** The board progress report as PDF bytes (embedded, subsetted fonts: text stays searchable). */
export async function renderProgressReport(report: ProgressReportModel): Promise<Buffer> {
  registerFonts()
  return renderToBuffer(<ProgressReport report={report} />)
}
