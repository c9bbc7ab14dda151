/** The preview the admin's import view shows: what was read, and whether it can be imported. */
import type { ImportProblem } from './check'
import type { ImportFormat } from './input'
import type { PlanReading } from './index'
import { planSummaryCounts } from './text'
import type { ParsedPlan, ParseWarning } from './types'

export interface ImportPreview {
  ok: boolean
  format: ImportFormat
  slug: string
  /** another plan already has this address */
  slugTaken: boolean
  plan: ParsedPlan
  counts: { goals: number; objectives: number; sections: number; initiatives: number }
  warnings: ParseWarning[]
  problems: ImportProblem[]
  notes: string[]
  /** for a Word document or PDF: the text read from it, which line numbers count in */
  text?: string
}

/** What the import-preview endpoint answers. */
export function previewOf(reading: PlanReading, slugTaken: boolean): ImportPreview {
  // a problem already says what these warnings say
  const covered = new Set(reading.problems.map((p) => p.line).filter((line) => line !== undefined))
  const repeats = /^(?:no goal areas found|no plan title found)/
  return {
    ok: reading.problems.length === 0,
    format: reading.format,
    slug: reading.slug,
    slugTaken,
    plan: reading.plan,
    counts: {
      ...planSummaryCounts(reading.plan),
      sections: reading.document?.sections.length ?? 0,
      initiatives: reading.document?.initiatives.length ?? 0,
    },
    warnings: reading.warnings.filter((w) => !(repeats.test(w.message) && covered.has(w.line))),
    problems: reading.problems,
    notes: reading.notes,
    ...(reading.text === undefined ? {} : { text: reading.text }),
  }
}

/** What the import endpoint answers when it created the plan (201). */
export interface ImportCreated {
  message: string
  doc: { id: string | number; slug: string; title: string }
  goals: number
  objectives: number
  sections: number
  initiatives: number
}
