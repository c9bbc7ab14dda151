import type { PlanPdfData } from '@/lib/data/publicQueries'
import type { ProgressReportModel } from '@/lib/pdf/report/model'

/** One PDF to render in a worker: plain data only (it is copied to the worker thread). */
export type PdfJob =
  | { kind: 'progress-report'; report: ProgressReportModel }
  | { kind: 'plan'; bundle: PlanPdfData; url: string }
