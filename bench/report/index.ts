/**
 * Benchmark of the board progress report (not part of `npm test`):
 *   npx tsx --conditions=production bench/report/index.ts [--base <checkout>] [cases…]
 *     (default: seed 5000 seed-full 500-full 5000-full)
 * For each case — the seeded ALCTS plan, and the same plan with 500 and 5,000 generated
 * initiatives; the default summary report, or with -full the full listing — a fresh Node process
 * renders the report with react-pdf (time of the first and a second render, peak memory), then,
 * for a full listing, headless Chromium prints the equivalent HTML to PDF
 * (`/usr/bin/chromium --headless --print-to-pdf`, time from launch to file, as a person would run
 * it). Prints a table with the ratios; the PDFs and HTML land in bench/out/. With `--base`, each
 * case is also rendered by another checkout of the repository (a `git worktree` of the commit
 * before a change, with its node_modules), in the same run: before and after side by side.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CaseResult } from './case'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUT = path.resolve('bench/out')
const CHROMIUM_TIMEOUT_MS = 20 * 60_000

function runCase(name: string, cwd = process.cwd(), out = OUT): CaseResult {
  const child = spawnSync(
    process.execPath,
    [
      // NODE_ENV is production: lexical's production build (see scripts/lib/run.ts)
      '--conditions=production',
      '--import',
      'tsx',
      '--import',
      './scripts/lib/server-only.mjs',
      'bench/report/case.ts',
      name,
      out,
    ],
    { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 1 << 24 },
  )
  if (child.status !== 0) {
    throw new Error(`case ${name} failed (${child.status}):\n${child.stderr}`)
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as CaseResult
}

function pagesOf(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
}

/**
 * Headless Chromium printing the HTML to PDF, run under GNU time: wall time of the whole command,
 * CPU time of its whole process tree, its largest process's peak memory, and the pages printed.
 */
function printWithChromium(
  html: string,
  name: string,
): { ms: number; cpuMs: number; peakMb: number; pages: number } | null {
  const pdf = path.join(OUT, `chromium-${name}.pdf`)
  const stats = path.join(OUT, `chromium-${name}.time`)
  fs.rmSync(pdf, { force: true })
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'))
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %U %S %M',
      '-o',
      stats,
      CHROMIUM,
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      `--user-data-dir=${profile}`,
      '--allow-file-access-from-files',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: CHROMIUM_TIMEOUT_MS },
  )
  fs.rmSync(profile, { recursive: true, force: true })
  if (!fs.existsSync(pdf)) {
    // seen once under heavy load: Chromium sat idle and never wrote the 5,000-initiative PDF
    process.stderr.write(`Chromium did not print ${name} (${result.signal ?? result.status}). `)
    return null
  }
  const [elapsed = 0, user = 0, system = 0, maxKb = 0] = fs
    .readFileSync(stats, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number)
  return {
    ms: elapsed * 1000,
    cpuMs: (user + system) * 1000,
    peakMb: maxKb / 1024,
    pages: pagesOf(pdf),
  }
}

const seconds = (ms: number | null): string =>
  ms == null || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`
const pad = (cells: string[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')

type Chromium = { ms: number; cpuMs: number; peakMb: number; pages: number }

const ratio = (a: number | null, b: number) =>
  a == null || Number.isNaN(b) ? '–' : `${(a / b).toFixed(2)}×`

/** One line of the table: a react-pdf run of a case (`label`: before or after) and Chromium's. */
function row(name: string, label: string, r: CaseResult, c: Chromium): string[] {
  const [size, full] = name.split('-')
  return [
    `${size === 'seed' ? 'seeded plan' : `${size} initiatives`}${full ? ', full listing' : ''}${label ? ` (${label})` : ''}`,
    String(r.initiatives),
    `${pagesOf(r.pdf)} / ${Number.isNaN(c.pages) ? '–' : c.pages}`,
    `${seconds(r.firstMs)} (${seconds(r.firstCpuMs)})`,
    r.warmMs == null ? '–' : `${seconds(r.warmMs)} (${seconds(r.warmCpuMs)})`,
    `${seconds(c.ms)} (${seconds(c.cpuMs)})`,
    `${r.peakMb.toFixed(0)} / ${Number.isNaN(c.peakMb) ? '–' : c.peakMb.toFixed(0)} MB`,
    `${ratio(r.firstMs, c.ms)} (${ratio(r.firstCpuMs, c.cpuMs)})`,
    `${ratio(r.warmMs, c.ms)} (${ratio(r.warmCpuMs, c.cpuMs)})`,
  ]
}

function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`)
  const args = process.argv.slice(2)
  const at = args.indexOf('--base')
  const base = at >= 0 ? path.resolve(args.splice(at, 2)[1] ?? '') : null
  if (base && !fs.existsSync(path.join(base, 'bench/report/case.ts'))) {
    throw new Error(`--base ${base} is not a checkout of this repository.`)
  }
  const cases = args.length > 0 ? args : ['seed', '5000', 'seed-full', '500-full', '5000-full']
  const rows: string[][] = []
  for (const name of cases) {
    const runs: { label: string; r: CaseResult }[] = []
    if (base) {
      process.stderr.write(`${name}: react-pdf before … `)
      runs.push({ label: 'before', r: runCase(name, base, path.join(OUT, 'base')) })
      process.stderr.write(`${seconds(runs[0]!.r.firstMs)}; `)
    }
    process.stderr.write(`${name}: react-pdf … `)
    runs.push({ label: base ? 'after' : '', r: runCase(name) })
    const r = runs.at(-1)!.r
    process.stderr.write(`${seconds(r.firstMs)}; chromium … `)
    const none = { ms: NaN, cpuMs: NaN, peakMb: NaN, pages: NaN }
    const c = (r.html ? printWithChromium(r.html, name) : null) ?? none
    process.stderr.write(`${seconds(c.ms)}\n`)
    for (const { label, r } of runs) rows.push(row(name, label, r, c))
  }
  const head = [
    'case',
    'initiatives',
    'pages r/c',
    'react-pdf 1st: wall (cpu)',
    'react-pdf warm: wall (cpu)',
    'chromium: wall (cpu)',
    'peak RSS r/c',
    '1st ÷ chromium',
    'warm ÷ chromium',
  ]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const load = os.loadavg()[0]!.toFixed(1)
  console.log(
    `\nBoard progress report: react-pdf vs headless Chromium (${os.cpus().length} cores, load ${load})\n`,
  )
  console.log(pad(head, widths))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(pad(row, widths))
  console.log(
    [
      '',
      'react-pdf: render of the report in a fresh Node process (model built beforehand): the first',
      'render (fonts load, code warms up) and a second one as a running server renders it; peak RSS of',
      'that process. chromium: one `chromium --headless --print-to-pdf` of the equivalent HTML, launch',
      'included, CPU over its whole process tree, peak RSS of its largest process. On a busy machine',
      'compare the CPU figures in brackets. A ratio below 1× means react-pdf is faster.',
    ].join('\n'),
  )
}

main()
