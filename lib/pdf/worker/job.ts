import type { PlanPdfData } from '@/lib/data/publicQueries'
import type { ProgressReportModel } from '@/lib/pdf/report/model'

/** One PDF to render in a worker: plain data only (it is copied to the worker thread). */
export type PdfJob =
  | { kind: 'progress-report'; report: ProgressReportModel }
  | { kind: 'plan'; bundle: PlanPdfData; url: string }

/**
 * The niceness of a PDF worker thread. A render is seconds of CPU that one person waits for; the
 * server's own thread answers everyone else. At niceness 10 the kernel gives the server's thread
 * about nine tenths of a core they share, so pages and the dashboard stay quick while a report
 * renders, and the report still gets every cycle nobody else wants.
 */
export const PDF_WORKER_NICENESS = 10
