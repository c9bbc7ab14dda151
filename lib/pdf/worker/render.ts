/**
 * The PDF worker's entry (a worker thread of the pool in lib/pdf/pool.ts): renders one job with
 * react-pdf and hands the bytes back. Bundled with its dependencies into one file by
 * scripts/build-pdf-worker.mjs, so a worker loads the same code under `next start`, the
 * standalone server, the job runner and the tests, without Next's bundler or a TypeScript loader.
 */
import os from 'node:os'

import { renderPlanPdf } from '@/lib/pdf/plan/render'
import { renderProgressReport } from '@/lib/pdf/report/render'
import { PDF_WORKER_NICENESS, type PdfJob } from './job'

// On Linux a thread's niceness is its own (setpriority on the calling thread); elsewhere it would
// lower the whole server, so it is left alone there.
if (process.platform === 'linux') os.setPriority(0, PDF_WORKER_NICENESS)

/** Renders the job; the bytes travel back to the calling thread. */
export default async function render(job: PdfJob): Promise<Uint8Array> {
  const pdf =
    job.kind === 'progress-report'
      ? await renderProgressReport(job.report)
      : await renderPlanPdf(job.bundle, job.url)
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
}
