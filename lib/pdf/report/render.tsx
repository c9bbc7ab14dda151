import 'server-only'

import { renderToBuffer } from '@react-pdf/renderer'

import { loadFonts } from '@/lib/pdf/fonts'
import { joinReportParts } from './join'
import type { ProgressReportModel } from './model'
import { reportParts, ROWS_PER_PART } from './parts'
import { ProgressReport } from './ProgressReport'

/**
 * The board progress report as PDF bytes (embedded, subsetted fonts: text stays searchable). The
 * full listing renders in parts of about `rowsPerPart` table rows, one after the other, and joins
 * them (lib/pdf/report/parts.ts says why); the summary renders whole.
 */
export async function renderProgressReport(
  report: ProgressReportModel,
  { rowsPerPart = ROWS_PER_PART }: { rowsPerPart?: number } = {},
): Promise<Buffer> {
  await loadFonts()
  if (report.listing !== 'full') return renderToBuffer(<ProgressReport report={report} />)
  const parts = reportParts(report, rowsPerPart)
  const pdfs: Uint8Array[] = []
  for (const part of parts)
    pdfs.push(await renderToBuffer(<ProgressReport report={report} part={part} tablesLater />))
  return joinReportParts(report, parts, pdfs)
}
