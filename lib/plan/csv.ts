/**
 * CSV for what the dashboard shows: an RFC 4180 writer and the tables behind each coverage chart.
 * Pure; the route that serves a download adds headers (and a BOM if Excel needs one).
 */
import { statusTitle } from '@/lib/format/labels'
import { formatPercent, type PlanCoverage } from './coverage'
import { INITIATIVE_STATUSES } from './types'

export type CsvCell = string | number | null | undefined

export interface Table {
  headers: string[]
  rows: (string | number)[][]
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/

const csvCell = (value: CsvCell): string => {
  if (value == null) return ''
  // Numbers are data, not formulas: -3 stays -3.
  let text = typeof value === 'number' ? String(value) : value
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The byte-order mark a downloaded CSV starts with: without it Excel reads UTF-8 as its legacy
 * code page ("2006â€“2011" for "2006–2011", garbled accented names).
 */
export const CSV_BOM = '\uFEFF'

/** RFC 4180 CSV: CRLF after each record, quotes only where needed, formula-like text prefixed ' */
export const toCsv = (headers: string[], rows: CsvCell[][]): string =>
  [headers, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('')

const goalHeading = (n: number): string => `Goal Area ${n}`

/** One row per goal area: objectives, covered, coverage, active initiatives (coverage chart). */
export const coverageTable = (cov: PlanCoverage): Table => ({
  headers: ['Goal area', 'Title', 'Objectives', 'Covered', 'Coverage', 'Active initiatives'],
  rows: cov.goals.map((g) => [
    g.number,
    g.title,
    g.objectives,
    g.covered,
    formatPercent(g.coverage),
    g.initiatives,
  ]),
})

/** One row per goal area with its published initiatives by status (the status chart). */
export const statusTable = (cov: PlanCoverage): Table => ({
  headers: ['Goal area', ...INITIATIVE_STATUSES.map(statusTitle), 'Total'],
  rows: cov.goals.map((g) => {
    const counts = INITIATIVE_STATUSES.map((s) => g.byStatus[s])
    return [g.number, ...counts, counts.reduce((a, b) => a + b, 0)]
  }),
})

/** One row per plan year with the initiatives active in it (the timeline chart). */
export const yearsTable = (cov: PlanCoverage): Table => ({
  headers: ['Year', 'Active initiatives'],
  rows: cov.years.map((y) => [y.year, y.active]),
})

/**
 * One row per section, one column per goal area, cells = active initiatives (the section matrix).
 * Total counts each initiative once, so it can be less than the row's sum.
 */
export const sectionMatrixTable = (cov: PlanCoverage): Table => ({
  headers: ['Section', ...cov.goals.map((g) => goalHeading(g.number)), 'Total'],
  rows: cov.sections.map((s) => [
    s.name,
    ...cov.goals.map((g) => s.byGoal[String(g.number)] ?? 0),
    s.total,
  ]),
})
