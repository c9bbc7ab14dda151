/**
 * The Lodestar JSON export of a plan: the whole plan with its goal areas, objectives, the sections
 * its initiatives belong to, and those initiatives (drafts included), lossless. Documents refer
 * to each other by natural keys (section slug, objective code), so a file imported into another
 * database means the same thing there; `id`s are the exporting database's, for reference only.
 * Pure: built from documents the caller loaded (see load.ts).
 */
import type { ParsedPlan } from '@/lib/import/types'
import { isoDateTime } from '@/lib/format/dates'
import { idOf } from '@/lib/format/ids'
import { lexicalToParagraphs, type LexicalState } from '@/lib/richtext/lexical'
import type {
  Cycle,
  Goal,
  Initiative,
  Objective,
  Plan,
  ProgressUpdate,
  Section,
} from '@/payload-types'
import {
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  type ExportedGoal,
  type ExportedInitiative,
  type PlanExportDocument,
} from './schema'

export {
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  type ExportedGoal,
  type ExportedInitiative,
  type ExportedObjective,
  type ExportedPlan,
  type ExportedSection,
  type PlanExportDocument,
} from './schema'

/** What load.ts reads from the database for one plan (latest drafts included). */
export interface LoadedPlan {
  plan: Plan
  goals: Goal[]
  objectives: Objective[]
  sections: Section[]
  initiatives: Initiative[]
  /** the plan's reporting cycles and its initiatives' progress updates (absent: none) */
  cycles?: Cycle[]
  updates?: ProgressUpdate[]
}

/** A stored date as an ISO timestamp (lib/format/dates); one it cannot read is exported as it is. */
const isoDate = (value: unknown): string | null =>
  value == null || value === '' ? null : (isoDateTime(value) ?? String(value))

const richText = (value: unknown): LexicalState | null =>
  value && typeof value === 'object' ? (value as LexicalState) : null

const nullable = (value: string | null | undefined): string | null =>
  value == null || value === '' ? null : value

/** The export document of a loaded plan; initiatives in a stable order (title, section, creation). */
export function buildPlanExport(loaded: LoadedPlan): PlanExportDocument {
  const { plan } = loaded
  const goalById = new Map(loaded.goals.map((g) => [String(g.id), g]))
  const objectivesByGoal = new Map<string, Objective[]>()
  const codeById = new Map<string, string>()
  for (const objective of loaded.objectives) {
    const goal = goalById.get(String(idOf(objective.goal)))
    if (!goal) continue
    const list = objectivesByGoal.get(String(goal.id)) ?? []
    list.push(objective)
    objectivesByGoal.set(String(goal.id), list)
    codeById.set(String(objective.id), `${goal.number}.${objective.number}`)
  }
  const sectionSlug = new Map(loaded.sections.map((s) => [String(s.id), s.slug]))
  const cycleName = new Map((loaded.cycles ?? []).map((c) => [String(c.id), c.name]))
  const updatesOf = new Map<string, ProgressUpdate[]>()
  for (const update of loaded.updates ?? []) {
    const key = String(idOf(update.initiative))
    updatesOf.set(key, [...(updatesOf.get(key) ?? []), update])
  }

  const goals: ExportedGoal[] = [...loaded.goals]
    .sort((a, b) => a.number - b.number)
    .map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      description: nullable(goal.description),
      objectives: (objectivesByGoal.get(String(goal.id)) ?? [])
        .sort((a, b) => a.number - b.number)
        .map((objective) => ({
          id: objective.id,
          number: objective.number,
          code: `${goal.number}.${objective.number}`,
          text: objective.text,
        })),
    }))

  const usedSections = new Set<string>()
  const initiatives: { entry: ExportedInitiative; createdAt: string }[] = []
  for (const initiative of loaded.initiatives) {
    const section = sectionSlug.get(String(idOf(initiative.section)))
    if (!section) continue
    usedSections.add(section)
    const entry: ExportedInitiative = {
      id: initiative.id,
      title: initiative.title,
      section,
      objectives: (initiative.objectives ?? [])
        .map((o) => codeById.get(String(idOf(o))))
        .filter((code): code is string => code !== undefined),
      summary: nullable(initiative.summary),
      description: richText(initiative.description),
      status: initiative.status,
      visibility: initiative.visibility,
      startDate: isoDate(initiative.startDate),
      targetDate: isoDate(initiative.targetDate),
      completedDate: isoDate(initiative.completedDate),
      progress: initiative.progress ?? null,
      lead: nullable(initiative.lead),
      updates: (updatesOf.get(String(initiative.id)) ?? [])
        .map((u) => ({
          date: isoDate(u.submittedAt) ?? isoDate(u.createdAt) ?? '',
          note: nullable(u.note),
          status: u.status,
          progress: u.progress ?? null,
          cycle: u.cycle == null ? null : (cycleName.get(String(idOf(u.cycle))) ?? null),
        }))
        .sort((a, b) => compare(a.date, b.date)),
      _status: initiative._status === 'draft' ? 'draft' : 'published',
    }
    initiatives.push({ entry, createdAt: isoDate(initiative.createdAt) ?? '' })
  }
  initiatives.sort(
    (a, b) =>
      compare(a.entry.title, b.entry.title) ||
      compare(a.entry.section, b.entry.section) ||
      compare(a.createdAt, b.createdAt),
  )

  return {
    format: PLAN_EXPORT_FORMAT,
    version: PLAN_EXPORT_VERSION,
    plan: {
      id: plan.id,
      slug: plan.slug,
      title: plan.title,
      organization: plan.organization ?? '',
      startYear: plan.startYear,
      endYear: plan.endYear,
      adoptedOn: isoDate(plan.adoptedOn),
      adoptedBy: nullable(plan.adoptedBy),
      lastRevised: isoDate(plan.lastRevised),
      objectiveLabel: nullable(plan.objectiveLabel),
      preamble: richText(plan.preamble),
      vision: richText(plan.vision),
      mission: richText(plan.mission),
      values: (plan.values ?? []).map((v) => v.value),
      current: Boolean(plan.current),
      _status: plan._status === 'published' ? 'published' : 'draft',
    },
    goals,
    sections: loaded.sections
      .filter((s) => usedSections.has(s.slug))
      .sort((a, b) => compare(a.slug, b.slug))
      .map((section) => ({
        id: section.id,
        slug: section.slug,
        name: section.name,
        abbreviation: nullable(section.abbreviation),
        kind: section.kind,
        description: nullable(section.description),
      })),
    initiatives: initiatives.map(({ entry }) => entry),
    cycles: [...(loaded.cycles ?? [])]
      .map((cycle) => ({
        id: cycle.id,
        name: cycle.name,
        asOf: isoDate(cycle.asOf) ?? '',
        opensOn: isoDate(cycle.opensOn),
        dueOn: isoDate(cycle.dueOn),
        instructions: nullable(cycle.instructions),
        state: cycle.state,
        closedAt: isoDate(cycle.closedAt),
      }))
      .sort((a, b) => compare(a.asOf, b.asOf) || compare(a.closedAt ?? '~', b.closedAt ?? '~')),
  }
}

/** The document as the file is written: two-space indented JSON and a final newline. */
export function serializePlanExport(document: PlanExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Date part of an ISO timestamp ("2006-06-01T00:00:00.000Z" → "2006-06-01"). */
export function datePart(value: string | null | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined
}

/** The plan of an export document as the parsers give plans: paragraphs instead of rich text. */
export function parsedPlanOf(document: PlanExportDocument): ParsedPlan {
  const { plan } = document
  const meta = {
    organization: plan.organization || undefined,
    startYear: plan.startYear,
    endYear: plan.endYear,
    adoptedOn: datePart(plan.adoptedOn),
    adoptedBy: plan.adoptedBy ?? undefined,
    lastRevised: datePart(plan.lastRevised),
    objectiveLabel: plan.objectiveLabel ?? undefined,
  }
  return {
    title: plan.title,
    ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)),
    preamble: lexicalToParagraphs(plan.preamble),
    vision: lexicalToParagraphs(plan.vision),
    mission: lexicalToParagraphs(plan.mission),
    values: [...plan.values],
    goals: document.goals.map((goal) => ({
      number: goal.number,
      title: goal.title,
      description: goal.description
        ? goal.description
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter(Boolean)
        : [],
      objectives: goal.objectives.map((o) => ({ number: o.number, text: o.text })),
    })),
  }
}
