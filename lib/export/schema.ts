/**
 * The Lodestar JSON export format as one zod schema: the export's types (`ExportedPlan`, …) are
 * inferred from it, and the importer validates a file with it, naming the field that is wrong
 * ("initiatives[3].status: must be one of …"). The initiative rules the collections apply
 * (lib/plan/rules) run here too, so a file the preview accepts is a file the import stores. Pure.
 */
import { z } from 'zod'

import { SLUG_PATTERN } from '@/lib/format/slug'

import {
  INITIATIVE_STATUSES,
  SECTION_KINDS,
  VISIBILITIES,
  type Id,
  type InitiativeStatus,
} from '@/lib/plan/types'
import { CYCLE_STATES } from '@/lib/plan/cycles'
import { checkCompletedDate, checkTargetDate } from '@/lib/plan/rules'
import type { LexicalState } from '@/lib/richtext/lexical'

export const PLAN_EXPORT_FORMAT = 'lodestar-plan'
export const PLAN_EXPORT_VERSION = 1

const SLUG_MESSAGE = 'use lowercase letters, digits and single hyphens only'
const MAX_TEXT = 100_000
/** Rich text deeper or larger than this is not something the admin's editor wrote. */
const MAX_RICH_TEXT_DEPTH = 30
const MAX_RICH_TEXT_NODES = 50_000
const DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A field read by a function of the raw value; an absent key reads as null (zod would otherwise
 * call a missing key whose output is not optional an error).
 */
const field = <T>(read: (value: unknown, ctx: z.RefinementCtx) => T) =>
  z.preprocess((value) => value ?? null, z.unknown().transform(read))

// ---- field kinds --------------------------------------------------------------------------------

/** Text; `required` also refuses blank text. */
const text = (max = MAX_TEXT, required = false) => {
  const base = z
    .string({ error: required ? 'must be text' : 'must be text or null' })
    .max(max, { error: `is longer than ${max} characters` })
  return required ? base.refine((value) => value.trim() !== '', 'must not be empty') : base
}

/** Text, null or absent; empty text reads as null. */
const optionalText = (max = MAX_TEXT) =>
  text(max)
    .nullish()
    .transform((value) => value || null)

/** One message for every way a number can be wrong, as people read it. */
const integer = (min: number, max: number) =>
  z.custom<number>(
    (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
    { error: `must be a whole number from ${min} to ${max}` },
  )

/** "2006-06-01" or a full ISO timestamp → the ISO timestamp; null, absent or "" → null. */
function readDate(value: unknown, ctx: z.RefinementCtx): string | null {
  if (value == null || value === '') return null
  if (typeof value !== 'string' || !DATE.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a date such as "2006-06-01" or null' })
    return null
  }
  const parsed = new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value)
  if (Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'is not a real date' })
    return null
  }
  return parsed.toISOString()
}

const date = field(readDate)

/** A date that must be there (an update's date); "" when it is wrong, with the problem said. */
const requiredDate = field((value, ctx): string => {
  if (value == null) {
    ctx.addIssue({ code: 'custom', message: 'is required' })
    return ''
  }
  return readDate(value, ctx) ?? ''
})

const oneOf = <const T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { error: `must be one of ${options.join(', ')}` })

/** A list of at most `max` entries; `optional` lists may be null or absent (→ []). */
const list = <T extends z.ZodType>(item: T, max: number, optional = true) => {
  const array = z.array(item, { error: 'must be a list' }).check((ctx) => {
    if (ctx.value.length > max) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `has ${ctx.value.length} entries; at most ${max} are accepted`,
      })
    }
  })
  return optional ? z.preprocess((value) => value ?? [], array) : array
}

const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.object(shape, { error: 'must be an object' })

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Lexical rich text as the admin stores it: { root: { type: 'root', children: [...] } }, or null. */
const richText = field((value, ctx): LexicalState | null => {
  if (value == null) return null
  const root = isRecord(value) ? value.root : undefined
  if (!isRecord(root) || root.type !== 'root' || !Array.isArray(root.children)) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be rich text ({ "root": { "type": "root", "children": [...] } }) or null',
    })
    return null
  }
  let nodes = 0
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!
    nodes++
    if (depth > MAX_RICH_TEXT_DEPTH || nodes > MAX_RICH_TEXT_NODES) {
      ctx.addIssue({ code: 'custom', message: 'rich text is nested too deeply or is too large' })
      return null
    }
    if (!isRecord(node) || typeof node.type !== 'string') {
      ctx.addIssue({ code: 'custom', message: 'every rich-text node needs a "type"' })
      return null
    }
    if (node.children !== undefined) {
      if (!Array.isArray(node.children)) {
        ctx.addIssue({ code: 'custom', message: 'rich-text "children" must be a list' })
        return null
      }
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 })
    }
  }
  return value as unknown as LexicalState
})

/** The exporting database's id, for reference only: an import reads past it and never keeps it. */
const id = field((): Id | undefined => undefined)

const slug = (required: boolean) =>
  required
    ? text(96, true).refine((value) => !value.trim() || SLUG_PATTERN.test(value), SLUG_MESSAGE)
    : text(96)
        .nullish()
        .transform((value) => value ?? '')
        .refine((value) => !value || SLUG_PATTERN.test(value), SLUG_MESSAGE)

// ---- the document -------------------------------------------------------------------------------

export const exportedPlanSchema = object({
  id,
  slug: slug(false),
  title: text(500, true),
  organization: text(500)
    .nullish()
    .transform((value) => value ?? ''),
  startYear: integer(1900, 2200),
  endYear: integer(1900, 2200),
  adoptedOn: date,
  adoptedBy: optionalText(500),
  lastRevised: date,
  /** what the plan calls its objectives ("Strategy"); null: "Objective" */
  objectiveLabel: optionalText(40),
  preamble: richText,
  vision: richText,
  mission: richText,
  values: list(text(2000, true), 200),
  current: field((value) => value === true),
  _status: field((value): 'draft' | 'published' => (value === 'published' ? 'published' : 'draft')),
}).superRefine(
  (plan, ctx) => {
    // runs even when another field failed: the years may still be as the file had them
    const { startYear, endYear } = isRecord(plan) ? plan : {}
    if (typeof startYear === 'number' && typeof endYear === 'number' && endYear < startYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['endYear'],
        message: 'the plan cannot end before it starts',
      })
    }
  },
  { when: () => true },
)

export const exportedObjectiveSchema = object({
  id,
  number: integer(1, 999),
  /** `<goal>.<objective>`, derived; an import recomputes it */
  code: z.string().optional(),
  text: text(10_000, true),
})

export const exportedGoalSchema = object({
  id,
  number: integer(1, 99),
  title: text(2000, true),
  description: optionalText(),
  objectives: list(exportedObjectiveSchema, 999),
}).transform((goal) => ({
  ...goal,
  objectives: goal.objectives.map((objective) => ({
    ...objective,
    code: `${goal.number}.${objective.number}`,
  })),
}))

export const exportedSectionSchema = object({
  id,
  slug: slug(true),
  name: text(500, true),
  abbreviation: optionalText(50),
  kind: z.preprocess((value) => value ?? 'section', oneOf(SECTION_KINDS)),
  description: optionalText(),
})

export const exportedUpdateSchema = object({
  date: requiredDate,
  note: optionalText(),
  status: oneOf(INITIATIVE_STATUSES)
    .nullish()
    .transform((value) => value ?? null),
  progress: integer(0, 100)
    .nullish()
    .transform((value) => value ?? null),
  /** the cycle's name; null between cycles */
  cycle: optionalText(200),
})

/** A reporting cycle of the plan (docs/architecture.md, "Progress cycles"). */
export const exportedCycleSchema = object({
  id,
  name: text(200, true),
  asOf: requiredDate,
  opensOn: date,
  dueOn: date,
  instructions: optionalText(),
  state: oneOf(CYCLE_STATES),
  closedAt: date,
})

export const exportedInitiativeSchema = object({
  id,
  title: text(1000, true),
  /** section slug */
  section: text(96, true),
  /** objective codes, e.g. ["1.3", "2.1"] */
  objectives: list(text(16, true), 999),
  summary: optionalText(),
  description: richText,
  status: oneOf(INITIATIVE_STATUSES),
  visibility: z.preprocess((value) => value ?? 'members', oneOf(VISIBILITIES)),
  startDate: date,
  targetDate: date,
  completedDate: date,
  progress: integer(0, 100)
    .nullish()
    .transform((value) => value ?? null),
  lead: optionalText(500),
  /**
   * Its progress updates, oldest first: `date` is when it was submitted; status, progress and the
   * cycle's name are absent in files from before reporting cycles (the initiative's then apply).
   */
  updates: list(exportedUpdateSchema, 1000),
  _status: field((value): 'draft' | 'published' => (value === 'draft' ? 'draft' : 'published')),
})

export type ExportedPlan = z.output<typeof exportedPlanSchema>
export type ExportedObjective = z.output<typeof exportedObjectiveSchema> & { code: string }
export type ExportedGoal = z.output<typeof exportedGoalSchema>
export type ExportedSection = z.output<typeof exportedSectionSchema>
export type ExportedInitiative = z.output<typeof exportedInitiativeSchema>
export type ExportedCycle = z.output<typeof exportedCycleSchema>

/**
 * What refers to what inside one export (goal and objective numbers unique, initiatives naming
 * listed sections and existing objectives) and the rules a published initiative is saved under.
 * Reads the file as it is, beside the schema, so that one pass names every problem even when
 * other fields are wrong (zod skips refinements after a wrong type); `fieldProblems` is how many
 * the schema found.
 */
export function referenceProblems(
  document: unknown,
  fieldProblems: number,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  const value = isRecord(document) ? document : {}
  const fail = (path: (string | number)[], message: string) => problems.push({ path, message })
  const records = (entry: unknown): Record<string, unknown>[] =>
    Array.isArray(entry) ? entry.map((item) => (isRecord(item) ? item : {})) : []

  const goals = records(value.goals)
  const goalNumbers = new Set<unknown>()
  const codes = new Set<string>()
  goals.forEach((goal, i) => {
    if (goalNumbers.has(goal.number)) {
      fail(['goals', i, 'number'], `goal area ${String(goal.number)} appears twice`)
    }
    goalNumbers.add(goal.number)
    records(goal.objectives).forEach((objective, j) => {
      const code = `${String(goal.number)}.${String(objective.number)}`
      if (codes.has(code)) {
        fail(['goals', i, 'objectives', j, 'number'], `objective ${code} appears twice`)
      }
      codes.add(code)
    })
  })

  const slugs = new Set<unknown>()
  records(value.sections).forEach((section, i) => {
    if (slugs.has(section.slug)) {
      fail(['sections', i, 'slug'], `section "${String(section.slug)}" appears twice`)
    }
    slugs.add(section.slug)
  })

  records(value.initiatives).forEach((initiative, i) => {
    const at = (field: string) => ['initiatives', i, field]
    if (!slugs.has(initiative.section)) {
      fail(
        at('section'),
        `"${String(initiative.section)}" is not one of the sections listed in "sections"`,
      )
    }
    const served = Array.isArray(initiative.objectives) ? initiative.objectives : []
    served.forEach((code, j) => {
      if (typeof code === 'string' && !codes.has(code)) {
        fail(['initiatives', i, 'objectives', j], `the plan has no objective ${code}`)
      }
    })
    if (initiative._status === 'draft') return
    if (served.length === 0) {
      fail(at('objectives'), 'a published initiative serves at least one objective')
    }
    // the rules collections/Initiatives validates a published initiative with (lib/plan/rules)
    const dateOf = (field: unknown) => (typeof field === 'string' ? field : null)
    const completed = checkCompletedDate(
      initiative.status as InitiativeStatus,
      dateOf(initiative.completedDate),
    )
    if (completed !== true) fail(at('completedDate'), lowerFirst(completed))
    const target = checkTargetDate(dateOf(initiative.startDate), dateOf(initiative.targetDate))
    if (target !== true) fail(at('targetDate'), lowerFirst(target))
  })

  if (goals.length === 0 && Array.isArray(value.goals) && fieldProblems + problems.length === 0) {
    fail(['goals'], 'the plan has no goal areas, so there is nothing to import')
  }
  return problems
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1)
}

export const planExportSchema = object({
  format: z.literal(PLAN_EXPORT_FORMAT),
  version: z.literal(PLAN_EXPORT_VERSION),
  plan: exportedPlanSchema,
  goals: list(exportedGoalSchema, 99, false),
  sections: list(exportedSectionSchema, 1000),
  initiatives: list(exportedInitiativeSchema, 10_000),
  /** reporting cycles, oldest first (absent in files from before cycles) */
  cycles: list(exportedCycleSchema, 1000),
})

/**
 * The whole check of an export: the schema, then what refers to what. Problems carry the path of
 * the field they are about.
 */
export function checkPlanExportDocument(
  data: unknown,
):
  | { ok: true; document: PlanExportDocument }
  | { ok: false; problems: { path: (string | number)[]; message: string }[] } {
  const result = planExportSchema.safeParse(data)
  const fieldProblems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: issue.path.filter((part) => typeof part !== 'symbol'),
        message: issue.message,
      }))
  const problems = [...fieldProblems, ...referenceProblems(data, fieldProblems.length)]
  if (result.success && problems.length === 0) return { ok: true, document: result.data }
  return { ok: false, problems }
}

export type PlanExportDocument = z.output<typeof planExportSchema>
