import 'server-only'

import { renderToBuffer } from '@react-pdf/renderer'

import type { PlanPdfData } from '@/lib/data/publicQueries'
import { loadFonts } from '@/lib/pdf/fonts'
import { PlanDocument } from './PlanDocument'

/** The plan as a PDF (text selectable and searchable: embedded, subsetted TrueType fonts). */
export async function renderPlanPdf(bundle: PlanPdfData, url: string): Promise<Buffer> {
  await loadFonts()
  return renderToBuffer(<PlanDocument bundle={bundle} url={url} />)
}
