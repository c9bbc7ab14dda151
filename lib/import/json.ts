/**
 * Reads a Lodestar JSON export (lib/export/document.ts) back: checks every field and says where
 * a wrong one is ("initiatives[3].status: …"), so nothing half-valid reaches the database. Pure.
 */
import {
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  type ExportedGoal,
  type ExportedInitiative,
  type ExportedPlan,
  type ExportedSection,
  type PlanExportDocument,
} from '@/lib/export/document'
import {
  INITIATIVE_STATUSES,
  SECTION_KINDS,
  VISIBILITIES,
  type InitiativeStatus,
  type SectionKind,
  type Visibility,
} from '@/lib/plan/types'
import type { LexicalState } from '@/lib/richtext/lexical'
import type { ImportProblem } from './check'

export type JsonReading =
  { ok: true; document: PlanExportDocument } | { ok: false; problems: ImportProblem[] }

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_PROBLEMS = 25
const MAX_TEXT = 100_000
/** Rich text deeper or larger than this is not something the admin's editor wrote. */
const MAX_RICH_TEXT_DEPTH = 30
const MAX_RICH_TEXT_NODES = 50_000

type Json = unknown
type Obj = Record<string, Json>

const isObject = (value: Json): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

class Checker {
  readonly problems: ImportProblem[] = []

  fail(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ message: `${path}: ${message}` })
  }

  text(value: Json, path: string, options: { required?: boolean; max?: number } = {}): string {
    const max = options.max ?? MAX_TEXT
    if (typeof value !== 'string') {
      this.fail(path, options.required ? 'must be text' : 'must be text or null')
      return ''
    }
    if (options.required && !value.trim()) this.fail(path, 'must not be empty')
    if (value.length > max) this.fail(path, `is longer than ${max} characters`)
    return value
  }

  optionalText(value: Json, path: string, max?: number): string | null {
    if (value == null) return null
    return this.text(value, path, { max }) || null
  }

  integer(value: Json, path: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, `must be a whole number from ${min} to ${max}`)
      return min
    }
    return value
  }

  date(value: Json, path: string): string | null {
    if (value == null || value === '') return null
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
    ) {
      this.fail(path, 'must be a date such as "2006-06-01" or null')
      return null
    }
    const date = new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value)
    if (Number.isNaN(date.getTime())) {
      this.fail(path, 'is not a real date')
      return null
    }
    return date.toISOString()
  }

  oneOf<T extends string>(value: Json, path: string, options: readonly T[]): T {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${options.join(', ')}`)
      return options[0] as T
    }
    return value as T
  }

  array(value: Json, path: string, max: number): Json[] {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be a list')
      return []
    }
    if (value.length > max) {
      this.fail(path, `has ${value.length} entries; at most ${max} are accepted`)
      return []
    }
    return value
  }

  object(value: Json, path: string): Obj {
    if (!isObject(value)) {
      this.fail(path, 'must be an object')
      return {}
    }
    return value
  }

  /** Lexical rich text as the admin stores it: { root: { type: 'root', children: [...] } }. */
  richText(value: Json, path: string): LexicalState | null {
    if (value == null) return null
    if (
      !isObject(value) ||
      !isObject(value.root) ||
      value.root.type !== 'root' ||
      !Array.isArray(value.root.children)
    ) {
      this.fail(
        path,
        'must be rich text ({ "root": { "type": "root", "children": [...] } }) or null',
      )
      return null
    }
    let nodes = 0
    const stack: { node: Json; depth: number }[] = [{ node: value.root, depth: 0 }]
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!
      nodes++
      if (depth > MAX_RICH_TEXT_DEPTH || nodes > MAX_RICH_TEXT_NODES) {
        this.fail(path, 'rich text is nested too deeply or is too large')
        return null
      }
      if (!isObject(node) || typeof node.type !== 'string') {
        this.fail(path, 'every rich-text node needs a "type"')
        return null
      }
      if (node.children !== undefined) {
        if (!Array.isArray(node.children)) {
          this.fail(path, 'rich-text "children" must be a list')
          return null
        }
        for (const child of node.children) stack.push({ node: child, depth: depth + 1 })
      }
    }
    return value as unknown as LexicalState
  }
}

/** "…at position 120 (line 5 column 3)" → 5; the line of a JSON.parse error when it says. */
function errorLine(message: string, text: string): number | undefined {
  const line = /line (\d+)/.exec(message)
  if (line) return Number(line[1])
  const position = /position (\d+)/.exec(message)
  if (!position) return undefined
  const end = Math.min(Number(position[1]), text.length)
  let count = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** Parses and checks a Lodestar JSON plan export. */
export function readPlanExportJson(text: string): JsonReading {
  let data: Json
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    return {
      ok: false,
      problems: [
        {
          line: errorLine(err.message, text),
          message: `The file is not valid JSON: ${err.message}`,
        },
      ],
    }
  }
  return checkPlanExport(data)
}

/** Checks an already parsed value against the export format. */
export function checkPlanExport(data: Json): JsonReading {
  const check = new Checker()
  if (!isObject(data) || data.format !== PLAN_EXPORT_FORMAT) {
    return {
      ok: false,
      problems: [
        {
          message: `This JSON is not a Lodestar plan export (it needs "format": "${PLAN_EXPORT_FORMAT}"). Export a plan from Lodestar, or import the plan's text or StratML instead.`,
        },
      ],
    }
  }
  if (data.version !== PLAN_EXPORT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          message: `This export has version ${JSON.stringify(data.version)}; this Lodestar reads version ${PLAN_EXPORT_VERSION}.`,
        },
      ],
    }
  }

  const plan = planOf(check, check.object(data.plan, 'plan'))
  const goals = check
    .array(data.goals, 'goals', 99)
    .map((goal, i) => goalOf(check, goal, `goals[${i}]`))
  const sections = check
    .array(data.sections ?? [], 'sections', 1000)
    .map((section, i) => sectionOf(check, section, `sections[${i}]`))
  const initiatives = check
    .array(data.initiatives ?? [], 'initiatives', 10_000)
    .map((initiative, i) => initiativeOf(check, initiative, `initiatives[${i}]`))

  const goalNumbers = new Set<number>()
  const codes = new Set<string>()
  goals.forEach((goal, i) => {
    if (goalNumbers.has(goal.number))
      check.fail(`goals[${i}].number`, `goal area ${goal.number} appears twice`)
    goalNumbers.add(goal.number)
    goal.objectives.forEach((objective, j) => {
      const code = `${goal.number}.${objective.number}`
      if (codes.has(code))
        check.fail(`goals[${i}].objectives[${j}].number`, `objective ${code} appears twice`)
      codes.add(code)
    })
  })
  const slugs = new Set<string>()
  sections.forEach((section, i) => {
    if (slugs.has(section.slug))
      check.fail(`sections[${i}].slug`, `section "${section.slug}" appears twice`)
    slugs.add(section.slug)
  })
  initiatives.forEach((initiative, i) => {
    if (!slugs.has(initiative.section)) {
      check.fail(
        `initiatives[${i}].section`,
        `"${initiative.section}" is not one of the sections listed in "sections"`,
      )
    }
    initiative.objectives.forEach((code, j) => {
      if (!codes.has(code))
        check.fail(`initiatives[${i}].objectives[${j}]`, `the plan has no objective ${code}`)
    })
    if (initiative._status === 'published' && initiative.objectives.length === 0) {
      check.fail(
        `initiatives[${i}].objectives`,
        'a published initiative serves at least one objective',
      )
    }
  })
  if (goals.length === 0 && check.problems.length === 0) {
    check.fail('goals', 'the plan has no goal areas, so there is nothing to import')
  }

  if (check.problems.length > 0) return { ok: false, problems: check.problems }
  return {
    ok: true,
    document: {
      format: PLAN_EXPORT_FORMAT,
      version: PLAN_EXPORT_VERSION,
      plan,
      goals,
      sections,
      initiatives,
    },
  }
}

function planOf(check: Checker, data: Obj): ExportedPlan {
  const startYear = check.integer(data.startYear, 'plan.startYear', 1900, 2200)
  const endYear = check.integer(data.endYear, 'plan.endYear', 1900, 2200)
  if (endYear < startYear) check.fail('plan.endYear', 'the plan cannot end before it starts')
  const slug = data.slug == null ? '' : check.text(data.slug, 'plan.slug', { max: 96 })
  if (slug && !SLUG.test(slug))
    check.fail('plan.slug', 'use lowercase letters, digits and single hyphens only')
  return {
    slug,
    title: check.text(data.title, 'plan.title', { required: true, max: 500 }),
    organization:
      data.organization == null
        ? ''
        : check.text(data.organization, 'plan.organization', { max: 500 }),
    startYear,
    endYear,
    adoptedOn: check.date(data.adoptedOn, 'plan.adoptedOn'),
    adoptedBy: check.optionalText(data.adoptedBy, 'plan.adoptedBy', 500),
    lastRevised: check.date(data.lastRevised, 'plan.lastRevised'),
    preamble: check.richText(data.preamble, 'plan.preamble'),
    vision: check.richText(data.vision, 'plan.vision'),
    mission: check.richText(data.mission, 'plan.mission'),
    values: check
      .array(data.values ?? [], 'plan.values', 200)
      .map((value, i) => check.text(value, `plan.values[${i}]`, { required: true, max: 2000 })),
    current: data.current === true,
    _status: data._status === 'published' ? 'published' : 'draft',
  }
}

function goalOf(check: Checker, value: Json, path: string): ExportedGoal {
  const data = check.object(value, path)
  const number = check.integer(data.number, `${path}.number`, 1, 99)
  return {
    number,
    title: check.text(data.title, `${path}.title`, { required: true, max: 2000 }),
    description: check.optionalText(data.description, `${path}.description`),
    objectives: check.array(data.objectives ?? [], `${path}.objectives`, 999).map((item, j) => {
      const objective = check.object(item, `${path}.objectives[${j}]`)
      const objectiveNumber = check.integer(
        objective.number,
        `${path}.objectives[${j}].number`,
        1,
        999,
      )
      return {
        number: objectiveNumber,
        code: `${number}.${objectiveNumber}`,
        text: check.text(objective.text, `${path}.objectives[${j}].text`, {
          required: true,
          max: 10_000,
        }),
      }
    }),
  }
}

function sectionOf(check: Checker, value: Json, path: string): ExportedSection {
  const data = check.object(value, path)
  const slug = check.text(data.slug, `${path}.slug`, { required: true, max: 96 })
  if (slug && !SLUG.test(slug))
    check.fail(`${path}.slug`, 'use lowercase letters, digits and single hyphens only')
  return {
    slug,
    name: check.text(data.name, `${path}.name`, { required: true, max: 500 }),
    abbreviation: check.optionalText(data.abbreviation, `${path}.abbreviation`, 50),
    kind: check.oneOf<SectionKind>(data.kind ?? 'section', `${path}.kind`, SECTION_KINDS),
    description: check.optionalText(data.description, `${path}.description`),
  }
}

function initiativeOf(check: Checker, value: Json, path: string): ExportedInitiative {
  const data = check.object(value, path)
  const progress =
    data.progress == null ? null : check.integer(data.progress, `${path}.progress`, 0, 100)
  return {
    title: check.text(data.title, `${path}.title`, { required: true, max: 1000 }),
    section: check.text(data.section, `${path}.section`, { required: true, max: 96 }),
    objectives: check
      .array(data.objectives ?? [], `${path}.objectives`, 999)
      .map((code, j) => check.text(code, `${path}.objectives[${j}]`, { required: true, max: 16 })),
    summary: check.optionalText(data.summary, `${path}.summary`),
    description: check.richText(data.description, `${path}.description`),
    status: check.oneOf<InitiativeStatus>(data.status, `${path}.status`, INITIATIVE_STATUSES),
    visibility: check.oneOf<Visibility>(
      data.visibility ?? 'members',
      `${path}.visibility`,
      VISIBILITIES,
    ),
    startDate: check.date(data.startDate, `${path}.startDate`),
    targetDate: check.date(data.targetDate, `${path}.targetDate`),
    completedDate: check.date(data.completedDate, `${path}.completedDate`),
    progress,
    lead: check.optionalText(data.lead, `${path}.lead`, 500),
    updates: check.array(data.updates ?? [], `${path}.updates`, 1000).map((item, j) => {
      const update = check.object(item, `${path}.updates[${j}]`)
      const date = check.date(update.date, `${path}.updates[${j}].date`)
      if (date === null && update.date == null)
        check.fail(`${path}.updates[${j}].date`, 'is required')
      return {
        date: date ?? '',
        note: check.text(update.note, `${path}.updates[${j}].note`, { required: true }),
      }
    }),
    _status: data._status === 'draft' ? 'draft' : 'published',
  }
}
