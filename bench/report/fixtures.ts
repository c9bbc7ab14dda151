/**
 * Report inputs without a database: the seeded ALCTS plan exactly as `npm run seed` stores it
 * (parsed from the same text, the same sections and sample initiatives), and the same plan with
 * any number of generated initiatives. Deterministic, so runs compare.
 */
import fs from 'node:fs'
import path from 'node:path'

import { seededRandom } from '@/lib/format/random'
import { parsePlanText } from '@/lib/import/text'
import type { CoverageInput } from '@/lib/plan/coverage'
import {
  INITIATIVE_STATUSES,
  type GoalSummary,
  type InitiativeStatus,
  type InitiativeSummary,
  type ObjectiveSummary,
  type SectionSummary,
} from '@/lib/plan/types'
import { SEED_SECTIONS } from '@/lib/seed/demoData'
import { SEED_PLAN_FILE, SEED_PLAN_SLUG } from '@/lib/seed/index'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'

type PlanParts = Omit<CoverageInput, 'initiatives'>

function seededPlan(): PlanParts {
  const text = fs.readFileSync(path.resolve(process.cwd(), SEED_PLAN_FILE), 'utf8')
  const parsed = parsePlanText(text).plan
  const goals: GoalSummary[] = parsed.goals.map((g) => ({
    id: `g${g.number}`,
    number: g.number,
    title: g.title,
  }))
  const objectives: ObjectiveSummary[] = parsed.goals.flatMap((g) =>
    g.objectives.map((o) => ({
      id: `o${g.number}.${o.number}`,
      goal: `g${g.number}`,
      number: o.number,
      text: o.text,
      code: `${g.number}.${o.number}`,
    })),
  )
  const sections: SectionSummary[] = SEED_SECTIONS.map((s, i) => ({
    id: i + 1,
    slug: s.slug,
    name: s.name,
    abbreviation: s.abbreviation,
  }))
  return {
    plan: {
      id: 1,
      slug: SEED_PLAN_SLUG,
      title: parsed.title,
      organization: parsed.organization ?? 'Association',
      startYear: parsed.startYear ?? 2006,
      endYear: parsed.endYear ?? 2011,
    },
    goals,
    objectives,
    sections,
  }
}

/** The seeded plan and its 34 sample initiatives (two of them drafts). */
export function seededInput(): CoverageInput {
  const parts = seededPlan()
  const sectionId = new Map(parts.sections.map((s) => [s.slug, s.id]))
  const initiatives: InitiativeSummary[] = SAMPLE_INITIATIVES.map((s, i) => ({
    id: i + 1,
    title: s.title,
    section: sectionId.get(s.section) ?? 0,
    objectives: s.objectives.map((code) => `o${code}`),
    status: s.status,
    visibility: s.visibility,
    published: !s.draft,
    startDate: s.startDate ?? null,
    targetDate: s.targetDate ?? null,
    completedDate: s.completedDate ?? null,
    progress: s.progress,
  }))
  return { ...parts, initiatives }
}

const VERBS = ['Review', 'Survey', 'Pilot', 'Publish', 'Coordinate', 'Assess', 'Launch', 'Update']
const TOPICS = [
  'e-resource licensing practices',
  'cataloging workflows for digital collections',
  'preservation of audiovisual materials',
  'serials pricing and budgets',
  'continuing education webinars',
  'mentoring for new technical services librarians',
  'metadata standards liaison work',
  'regional group programming',
]

/** The seeded plan with `count` generated initiatives (mixed statuses, 1–3 objectives each). */
export function generatedInput(count: number): CoverageInput {
  const parts = seededPlan()
  const next = seededRandom(count) // the same documents every run
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const initiatives: InitiativeSummary[] = Array.from({ length: count }, (_, i) => {
    const status: InitiativeStatus = pick(INITIATIVE_STATUSES)
    const served = new Set<string>()
    const n = 1 + Math.floor(next() * 3)
    while (served.size < n) served.add(String(pick(parts.objectives).id))
    const startYear = parts.plan.startYear + Math.floor(next() * 5)
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0')
    return {
      id: i + 1,
      title: `${pick(VERBS)} ${pick(TOPICS)} (${i + 1})`,
      section: pick(parts.sections).id,
      objectives: [...served],
      status,
      visibility: next() < 0.6 ? 'public' : 'members',
      published: next() > 0.05,
      startDate: `${startYear}-${month}-01`,
      targetDate: `${startYear + 1}-${month}-28`,
      completedDate: status === 'completed' ? `${startYear + 1}-${month}-15` : null,
      progress: status === 'completed' ? 100 : Math.floor(next() * 100),
    }
  })
  return { ...parts, initiatives }
}
