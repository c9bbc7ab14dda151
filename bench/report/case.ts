/**
 * One benchmark case in a process of its own (so peak memory is the case's own): builds the report
 * for the seeded plan or a generated one, renders it with react-pdf (a first render, which loads
 * fonts and warms up, then a second), writes the PDF and the equivalent HTML, and prints one JSON
 * line. Run by bench/report/index.ts; by hand:
 *   NODE_ENV=production node --conditions=production --import tsx --import ./scripts/lib/server-only.mjs \
 *     bench/report/case.ts <case> <outDir>
 * where <case> is seed, 500, 5000 (the default summary report) or the same with -full (every
 * initiative listed, the HTML printed by Chromium is the same full listing).
 */
import fs from 'node:fs'
import path from 'node:path'

import { buildProgressReport } from '@/lib/pdf/report/model'
import { renderProgressReport } from '@/lib/pdf/report/render'
import { generatedInput, seededInput } from './fixtures'
import { reportHtml } from './html'

export interface CaseResult {
  name: string
  initiatives: number
  /** ms to build the model from the summaries (computeCoverage included) */
  modelMs: number
  /** ms of the first render in a fresh process (fonts loaded, code warmed) */
  firstMs: number
  /** CPU ms (user + system) of the first render */
  firstCpuMs: number
  /** ms of a second render of the same report */
  warmMs: number | null
  /** CPU ms of the second render */
  warmCpuMs: number | null
  /** peak resident memory of the process, MB */
  peakMb: number
  bytes: number
  pdf: string
  /** the equivalent HTML, only for a full listing (null for a summary) */
  html: string | null
}

async function main() {
  const [name = 'seed', outDir = 'bench/out'] = process.argv.slice(2)
  const [size = 'seed', listingName = 'summary'] = name.split('-')
  const count = size === 'seed' ? 0 : Number(size)
  const listing = listingName === 'full' ? 'full' : 'summary'
  if (
    (size !== 'seed' && !(Number.isInteger(count) && count > 0)) ||
    !['summary', 'full'].includes(listingName)
  ) {
    throw new Error(
      `Unknown case "${name}": seed or a number of initiatives, then -full for the full listing.`,
    )
  }
  const input = count ? generatedInput(count) : seededInput()
  const now = new Date()

  let started = performance.now()
  const report = buildProgressReport(input, { audience: 'members', now, listing })
  const modelMs = performance.now() - started

  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }

  started = performance.now()
  let cpu = process.cpuUsage()
  const pdf = await renderProgressReport(report)
  const firstMs = performance.now() - started
  const firstCpuMs = cpuMs(cpu)

  // a second render shows the steady state of a running server; skipped when the first is long
  let warmMs: number | null = null
  let warmCpuMs: number | null = null
  if (firstCpuMs < 30_000) {
    started = performance.now()
    cpu = process.cpuUsage()
    await renderProgressReport(report)
    warmMs = performance.now() - started
    warmCpuMs = cpuMs(cpu)
  }

  fs.mkdirSync(outDir, { recursive: true })
  const pdfFile = path.resolve(outDir, `report-${name}.pdf`)
  const htmlFile = path.resolve(outDir, `report-${name}.html`)
  fs.writeFileSync(pdfFile, pdf)
  // the HTML is the full listing: only a full report is the same document
  if (listing === 'full') fs.writeFileSync(htmlFile, reportHtml(report))

  const result: CaseResult = {
    name,
    initiatives: input.initiatives.length,
    modelMs,
    firstMs,
    firstCpuMs,
    warmMs,
    warmCpuMs,
    peakMb: process.resourceUsage().maxRSS / 1024,
    bytes: pdf.length,
    pdf: pdfFile,
    html: listing === 'full' ? htmlFile : null,
  }
  console.log(JSON.stringify(result))
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
