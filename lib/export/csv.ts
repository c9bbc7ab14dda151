/**
 * A plan's initiatives as CSV: one row per initiative × objective it serves, ordered by objective
 * code, then initiative title. Built from the JSON export document, with lib/plan/csv.ts's writer
 * (RFC 4180, formula-like cells defused). Pure.
 */
import { toCsv, type CsvCell } from '@/lib/plan/csv'
import type { PlanExportDocument } from './document'

export const PLAN_CSV_HEADERS = [
  'Plan',
  'Goal area',
  'Goal area title',
  'Objective',
  'Objective text',
  'Initiative',
  'Section',
  'Section name',
  'Status',
  'Start date',
  'Target date',
  'Completed date',
  'Progress (%)',
  'Visibility',
  'Published',
  'Lead',
]

const day = (value: string | null): string => (value ? value.slice(0, 10) : '')

/** "1.10" after "1.9": codes compared part by part as numbers. */
function compareCodes(a: string, b: string): number {
  const [ag = 0, ao = 0] = a.split('.').map(Number)
  const [bg = 0, bo = 0] = b.split('.').map(Number)
  return ag - bg || ao - bo
}

/** The CSV text (CRLF line ends, no byte-order mark) of a plan's initiatives per objective. */
export function planToCsv(document: PlanExportDocument): string {
  const objectives = new Map<string, { goal: number; goalTitle: string; text: string }>()
  for (const goal of document.goals) {
    for (const objective of goal.objectives) {
      objectives.set(`${goal.number}.${objective.number}`, {
        goal: goal.number,
        goalTitle: goal.title,
        text: objective.text,
      })
    }
  }
  const sections = new Map(document.sections.map((s) => [s.slug, s.name]))

  const rows: { code: string; title: string; cells: CsvCell[] }[] = []
  for (const initiative of document.initiatives) {
    for (const code of initiative.objectives) {
      const objective = objectives.get(code)
      if (!objective) continue
      rows.push({
        code,
        title: initiative.title,
        cells: [
          document.plan.slug,
          objective.goal,
          objective.goalTitle,
          code,
          objective.text,
          initiative.title,
          initiative.section,
          sections.get(initiative.section) ?? '',
          initiative.status,
          day(initiative.startDate),
          day(initiative.targetDate),
          day(initiative.completedDate),
          initiative.progress,
          initiative.visibility,
          initiative._status === 'published' ? 'yes' : 'no (draft)',
          initiative.lead,
        ],
      })
    }
  }
  rows.sort(
    (a, b) => compareCodes(a.code, b.code) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  )
  return toCsv(
    PLAN_CSV_HEADERS,
    rows.map((row) => row.cells),
  )
}
