/**
 * One entry for every way a plan comes in: text, StratML or a Lodestar JSON export → what was
 * read, the warnings (with line numbers), and the problems that would stop the import. Pure: the
 * CLI, the admin's preview and the import endpoint all call this, then store.ts to write.
 */
import { parsedPlanOf, type PlanExportDocument } from '@/lib/export/document'
import { planNotes, planProblems, type ImportProblem } from './check'
import { detectFormat, textProblem, type ImportFormat } from './input'
import { readPlanExportJson } from './json'
import { slugify } from '@/lib/format/slug'
import { parseStratML } from './stratml'
import { parsePlanText } from './text'
import type { ParsedPlan, ParseWarning } from './types'

export interface ReadPlanOptions {
  /** the format; detected from the file name or the first characters when not given */
  format?: ImportFormat
  filename?: string
  /** the organization's full name, when a text plan does not spell it out */
  organization?: string
  /** checks for publishing too (a published plan needs an organization) */
  publish?: boolean
}

export interface PlanReading {
  format: ImportFormat
  plan: ParsedPlan
  warnings: ParseWarning[]
  /** what stops the import; it goes ahead only when this is empty */
  problems: ImportProblem[]
  /** what the import fills in by itself */
  notes: string[]
  /** the web address the plan gets (from the title, or the export's own slug) */
  slug: string
  /** the whole export, for a JSON file (sections and initiatives come with it) */
  document?: PlanExportDocument
  /** for a Word document or PDF: the text read from it (warnings' line numbers count in it) */
  text?: string
}

const EMPTY_PLAN: ParsedPlan = {
  title: '',
  preamble: [],
  vision: [],
  mission: [],
  values: [],
  goals: [],
}

/** Reads a plan in any of the three formats; never throws. */
export function readPlan(text: string, options: ReadPlanOptions = {}): PlanReading {
  const format = options.format ?? detectFormat(text, options.filename)
  const unusable = textProblem(text)
  if (unusable) {
    return {
      format,
      plan: EMPTY_PLAN,
      warnings: [],
      problems: [{ message: unusable.message }],
      notes: [],
      slug: '',
    }
  }

  if (format === 'json') {
    const reading = readPlanExportJson(text)
    if (!reading.ok) {
      return {
        format,
        plan: EMPTY_PLAN,
        warnings: [],
        problems: reading.problems,
        notes: [],
        slug: '',
      }
    }
    const document = reading.document
    if (options.organization?.trim() && !document.plan.organization) {
      document.plan.organization = options.organization.trim()
    }
    const plan = parsedPlanOf(document)
    return {
      format,
      plan,
      warnings: [],
      problems: planProblems(plan, [], { publish: options.publish }),
      notes: planNotes(plan),
      slug: document.plan.slug || slugify(plan.title),
      document,
    }
  }

  let plan: ParsedPlan
  let warnings: ParseWarning[]
  const problems: ImportProblem[] = []
  if (format === 'stratml') {
    const result = parseStratML(text)
    plan = result.plan
    warnings = result.warnings
    if (result.error) {
      return {
        format,
        plan,
        warnings: warnings.filter((w) => w.message !== result.error?.message),
        problems: [result.error],
        notes: [],
        slug: '',
      }
    }
    if (options.organization?.trim() && !plan.organization) {
      plan = { ...plan, organization: options.organization.trim() }
    }
  } else {
    const result = parsePlanText(text, { organization: options.organization })
    plan = result.plan
    warnings = result.warnings
  }
  problems.push(...planProblems(plan, warnings, { publish: options.publish }))
  return {
    format,
    plan,
    warnings,
    problems,
    notes: planNotes(plan),
    slug: slugify(plan.title),
  }
}
