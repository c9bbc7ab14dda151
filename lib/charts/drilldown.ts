/**
 * Drill-down of one goal area: its objectives and the initiatives serving each, for the same
 * audience and filters as `computeCoverage` (published only; public view sees public only).
 * Pure. An objective's `active` count here always equals its count in `computeCoverage`.
 */
import {
  isActiveStatus,
  type CoverageFilters,
  type CoverageInput,
  type CoverageOptions,
} from '@/lib/plan/coverage'
import type { InitiativeStatus, Visibility } from '@/lib/plan/types'
import type { Table } from '@/lib/plan/csv'
import { statusLabel } from '@/lib/format/labels'

export interface DrillInitiative {
  title: string
  section: string
  status: InitiativeStatus
  visibility: Visibility
  progress: number | null
  active: boolean
  /** planned or in progress with no update in the latest closed cycle (lib/plan findStale) */
  stale: boolean
}

export interface DrillObjective {
  code: string
  text: string
  covered: boolean
  /** active initiatives serving the objective (the coverage count) */
  active: number
  /** every initiative in view serving it: active first, then by title */
  initiatives: DrillInitiative[]
}

export interface GoalDrillDown {
  number: number
  title: string
  objectives: DrillObjective[]
}

const key = (id: string | number): string => String(id)

/** Whether an initiative is in view for these options (the rules of computeCoverage). */
const inView = (
  i: CoverageInput['initiatives'][number],
  audience: 'public' | 'members',
  filters: CoverageFilters,
  sectionId: string | undefined,
): boolean =>
  i.published &&
  (audience === 'members' || i.visibility === 'public') &&
  (!filters.visibility || i.visibility === filters.visibility) &&
  (!filters.status || filters.status.length === 0 || filters.status.includes(i.status)) &&
  (!filters.section || (sectionId !== undefined && key(i.section) === sectionId))

export interface DrillDownOptions extends CoverageOptions {
  /** ids (as text) of the stale initiatives, as findStale says for the same moment */
  stale?: ReadonlySet<string>
}

/**
 * The goal area numbered `goalNumber` with its objectives and their initiatives; undefined if none.
 * For the numbers as of a cycle, pass the initiatives as of it (lib/plan `initiativesAsOf`).
 */
export function goalDrillDown(
  input: CoverageInput,
  goalNumber: number,
  options: DrillDownOptions = {},
): GoalDrillDown | undefined {
  const goal = input.goals.find((g) => g.number === goalNumber)
  if (!goal) return undefined
  const audience = options.audience ?? 'members'
  const filters = options.filters ?? {}
  const sectionId = filters.section
    ? input.sections.find((s) => s.slug === filters.section)?.id
    : undefined
  const sectionName = new Map(input.sections.map((s) => [key(s.id), s.name]))

  const objectives = input.objectives
    .filter((o) => key(o.goal) === key(goal.id))
    .sort((a, b) => a.number - b.number)
  const serving = new Map<string, DrillInitiative[]>(objectives.map((o) => [key(o.id), []]))
  const seen = new Set<string>()
  for (const i of input.initiatives) {
    if (seen.has(key(i.id))) continue
    seen.add(key(i.id))
    if (!inView(i, audience, filters, sectionId === undefined ? undefined : key(sectionId)))
      continue
    const row: DrillInitiative = {
      title: i.title,
      section: sectionName.get(key(i.section)) ?? '',
      status: i.status,
      visibility: i.visibility,
      progress: i.progress ?? null,
      active: isActiveStatus(i.status),
      stale: options.stale?.has(key(i.id)) ?? false,
    }
    for (const objective of new Set(i.objectives.map(key))) serving.get(objective)?.push(row)
  }

  return {
    number: goal.number,
    title: goal.title,
    objectives: objectives.map((o) => {
      const initiatives = (serving.get(key(o.id)) ?? []).sort(
        (a, b) => Number(b.active) - Number(a.active) || a.title.localeCompare(b.title),
      )
      const active = initiatives.filter((i) => i.active).length
      return { code: o.code, text: o.text, covered: active > 0, active, initiatives }
    }),
  }
}

/**
 * The drill-down as one table: a row per (objective, initiative), or per objective without any;
 * "Stale" says `stale` for stale work.
 */
export const drillDownTable = (drill: GoalDrillDown): Table => ({
  headers: ['Objective', 'Covered', 'Initiative', 'Section', 'Status', 'Progress', 'Stale'],
  rows: drill.objectives.flatMap((o) =>
    o.initiatives.length === 0
      ? [[o.code, 'no', '', '', '', '', '']]
      : o.initiatives.map((i) => [
          o.code,
          o.covered ? 'yes' : 'no',
          i.title,
          i.section,
          statusLabel(i.status),
          i.progress == null ? '' : `${i.progress}%`,
          i.stale ? 'stale' : '',
        ]),
  ),
})
