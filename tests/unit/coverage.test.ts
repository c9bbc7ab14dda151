import { describe, expect, it } from 'vitest'

import { pick, seededRandom } from '@/lib/format/random'
import {
  activeYearSpan,
  computeCoverage,
  coverageSummarySentence,
  formatPercent,
  fraction,
  gapsSentence,
  highestCoverageSentence,
  isActiveStatus,
  lowestCoverageSentence,
  statusSentence,
  yearOf,
  yearsSentence,
  type Audience,
  type CoverageInput,
  type CoverageOptions,
  type GoalCoverage,
  type ObjectiveCoverage,
  type PlanCoverage,
  type SectionCoverage,
  type StatusCounts,
  type YearActivity,
} from '@/lib/plan/coverage'
import {
  ACTIVE_STATUSES,
  INITIATIVE_STATUSES,
  VISIBILITIES,
  type GoalSummary,
  type Id,
  type InitiativeStatus,
  type InitiativeSummary,
  type ObjectiveSummary,
} from '@/lib/plan/types'

const counts = (partial: Partial<StatusCounts> = {}): StatusCounts => ({
  proposed: 0,
  planned: 0,
  'in-progress': 0,
  completed: 0,
  deferred: 0,
  cancelled: 0,
  ...partial,
})

const goal = (id: Id, number: number): GoalSummary => ({ id, number, title: `Goal ${number}` })

const objective = (id: Id, goalId: Id, goalNumber: number, number: number): ObjectiveSummary => ({
  id,
  goal: goalId,
  number,
  text: `Objective ${goalNumber}.${number}`,
  code: `${goalNumber}.${number}`,
})

const initiative = (
  id: Id,
  section: Id,
  objectives: Id[],
  status: InitiativeStatus,
  extra: Partial<InitiativeSummary> = {},
): InitiativeSummary => ({
  id,
  title: `Initiative ${id}`,
  section,
  objectives,
  status,
  visibility: 'public',
  published: true,
  ...extra,
})

/*
 * The tiny plan (2006–2008). Goal areas: 1 (objectives 1.1, 1.2), 2 (2.1, 2.2, 2.3), 3 (none).
 * Sections: acq (10), cat (11), pres (12). Objective ids: 1.1=101 1.2=102 2.1=201 2.2=202 2.3=203.
 *   A acq  [1.1, 2.1]  in-progress public   2006-03 → target 2007-06        active, 2006–2007
 *   B acq  [1.1]       completed   members  2005 → done 2006 (target 2009) active, 2006 (clipped)
 *   C cat  [2.2]       planned     public   no dates                       active, 2006–2008
 *   D cat  [1.2]       proposed    public                                  not active
 *   E cat  [2.3]       cancelled   members                                 not active
 *   F pres [2.3]       deferred    public                                  not active
 *   G pres [2.3]       in-progress public   draft                          nowhere
 *   H pres [999]       in-progress public   objective of another plan      nowhere
 *   I pres [2.1, 999]  planned     public   start 2010, no end             active, no plan year
 */
const tinyPlan = (): CoverageInput => ({
  plan: {
    id: 1,
    slug: 'tiny',
    title: 'Tiny Plan',
    organization: 'Org',
    startYear: 2006,
    endYear: 2008,
  },
  // Out of order on purpose: the result follows goal and objective numbers.
  goals: [goal(3, 3), goal(1, 1), goal(2, 2)],
  objectives: [
    objective(203, 2, 2, 3),
    objective(102, 1, 1, 2),
    objective(101, 1, 1, 1),
    objective(201, 2, 2, 1),
    objective(202, 2, 2, 2),
  ],
  sections: [
    { id: 10, slug: 'acq', name: 'Acquisitions' },
    { id: 11, slug: 'cat', name: 'Cataloging' },
    { id: 12, slug: 'pres', name: 'Preservation' },
  ],
  initiatives: [
    initiative('A', 10, [101, 201], 'in-progress', {
      startDate: '2006-03-01T12:00:00.000Z',
      targetDate: '2007-06-30T12:00:00.000Z',
    }),
    initiative('B', 10, [101], 'completed', {
      visibility: 'members',
      startDate: '2005-01-01',
      targetDate: '2009-01-01',
      completedDate: '2006-05-01',
    }),
    initiative('C', 11, [202], 'planned'),
    initiative('D', 11, [102], 'proposed'),
    initiative('E', 11, [203], 'cancelled', { visibility: 'members' }),
    initiative('F', 12, [203], 'deferred'),
    initiative('G', 12, [203], 'in-progress', { published: false }),
    initiative('H', 12, [999], 'in-progress'),
    initiative('I', 12, [201, 999], 'planned', { startDate: '2010-02-01' }),
  ],
})

/** Every id of the input as a string, as MongoDB would give them. */
const withStringIds = (input: CoverageInput): CoverageInput => ({
  plan: { ...input.plan, id: String(input.plan.id) },
  goals: input.goals.map((g) => ({ ...g, id: String(g.id) })),
  objectives: input.objectives.map((o) => ({ ...o, id: String(o.id), goal: String(o.goal) })),
  sections: input.sections.map((s) => ({ ...s, id: String(s.id) })),
  initiatives: input.initiatives.map((i) => ({
    ...i,
    id: String(i.id),
    section: String(i.section),
    objectives: i.objectives.map(String),
  })),
})

/** Documents keep numeric ids but references arrive as strings (and the other way round). */
const withMixedIds = (input: CoverageInput): CoverageInput => ({
  ...input,
  goals: input.goals.map((g) => ({ ...g, id: String(g.id) })),
  objectives: input.objectives.map((o) => ({ ...o, goal: Number(o.goal) })),
  initiatives: input.initiatives.map((i) => ({
    ...i,
    section: String(i.section),
    objectives: i.objectives.map(String),
  })),
})

const goalRow = (cov: PlanCoverage, number: number): GoalCoverage => {
  const found = cov.goals.find((g) => g.number === number)
  if (!found) throw new Error(`no goal area ${number}`)
  return found
}

// The plain definition computeCoverage counts in one pass (the code before issue #16 made it
// one pass): filters, sets and a scan per goal area and per section. Its helpers as exported.
const key = (id: Id): string => String(id)
const dedupe = <T extends { id: Id }>(items: T[]): T[] => {
  const seen = new Set<string>()
  return items.filter((item) => {
    const id = key(item.id)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}
const emptyStatusCounts = (): StatusCounts =>
  Object.fromEntries(INITIATIVE_STATUSES.map((s) => [s, 0])) as StatusCounts
const normaliseFilters = (
  filters: CoverageOptions['filters'],
): NonNullable<CoverageOptions['filters']> => {
  const out: NonNullable<CoverageOptions['filters']> = {}
  if (filters?.section) out.section = filters.section
  if (filters?.status && filters.status.length > 0) out.status = [...new Set(filters.status)]
  if (filters?.visibility) out.visibility = filters.visibility
  return out
}

const plainCoverage = (input: CoverageInput, options: CoverageOptions = {}): PlanCoverage => {
  const { plan } = input
  const audience: Audience = options.audience ?? 'members'
  const filters = normaliseFilters(options.filters)

  const goals = dedupe(input.goals).sort((a, b) => a.number - b.number)
  const goalIds = new Set(goals.map((g) => key(g.id)))
  const objectives = dedupe(input.objectives)
    .filter((o) => goalIds.has(key(o.goal)))
    .sort((a, b) => a.number - b.number)
  const objectiveGoal = new Map(objectives.map((o) => [key(o.id), key(o.goal)]))

  const filterSection = filters.section
    ? input.sections.find((s) => s.slug === filters.section)
    : undefined
  const sections = filters.section ? (filterSection ? [filterSection] : []) : input.sections

  // Initiatives in view, each with the plan objectives it serves (distinct; unknown ids dropped).
  const inView = dedupe(input.initiatives)
    .filter((i) => i.published)
    .filter((i) => audience === 'members' || i.visibility === 'public')
    .filter((i) => !filters.visibility || i.visibility === filters.visibility)
    .filter((i) => !filters.status || filters.status.includes(i.status))
    .filter((i) => !filters.section || (filterSection && key(filterSection.id) === key(i.section)))
    .map((i) => ({
      initiative: i,
      objectives: new Set(i.objectives.map(key).filter((id) => objectiveGoal.has(id))),
    }))
    .filter(({ objectives: served }) => served.size > 0)
    .map(({ initiative, objectives: served }) => ({
      initiative,
      objectives: served,
      goals: new Set([...served].map((id) => objectiveGoal.get(id) ?? '')),
      active: ACTIVE_STATUSES.includes(initiative.status),
    }))
  const active = inView.filter((v) => v.active)

  const activePerObjective = new Map<string, number>()
  for (const v of active) {
    for (const id of v.objectives) activePerObjective.set(id, (activePerObjective.get(id) ?? 0) + 1)
  }

  const byStatus = emptyStatusCounts()
  for (const v of inView) byStatus[v.initiative.status] += 1

  const goalCoverage: GoalCoverage[] = goals.map((goal) => {
    const goalKey = key(goal.id)
    const objectiveCoverage = objectives
      .filter((o) => key(o.goal) === goalKey)
      .map((o): ObjectiveCoverage => {
        const n = activePerObjective.get(key(o.id)) ?? 0
        return { code: o.code, number: o.number, text: o.text, covered: n > 0, initiatives: n }
      })
    const serving = inView.filter((v) => v.goals.has(goalKey))
    const goalStatus = emptyStatusCounts()
    for (const v of serving) goalStatus[v.initiative.status] += 1
    const covered = objectiveCoverage.filter((o) => o.covered).length
    return {
      number: goal.number,
      title: goal.title,
      objectives: objectiveCoverage.length,
      covered,
      coverage: fraction(covered, objectiveCoverage.length),
      initiatives: serving.filter((v) => v.active).length,
      byStatus: goalStatus,
      objectiveCoverage,
    }
  })

  const sectionCoverage: SectionCoverage[] = sections.map((section) => {
    const own = active.filter((v) => key(v.initiative.section) === key(section.id))
    const byGoal: Record<string, number> = {}
    for (const goal of goals) {
      byGoal[String(goal.number)] = own.filter((v) => v.goals.has(key(goal.id))).length
    }
    return { slug: section.slug, name: section.name, byGoal, total: own.length }
  })

  const years: YearActivity[] = []
  for (let year = plan.startYear; year <= plan.endYear; year++) years.push({ year, active: 0 })
  for (const v of active) {
    const span = activeYearSpan(v.initiative, plan)
    if (!span) continue
    for (const entry of years) {
      if (entry.year >= span[0] && entry.year <= span[1]) entry.active += 1
    }
  }

  const covered = objectives.filter((o) => activePerObjective.has(key(o.id))).length
  return {
    plan: {
      slug: plan.slug,
      title: plan.title,
      startYear: plan.startYear,
      endYear: plan.endYear,
      ...(plan.objectiveLabel?.trim() ? { objectiveLabel: plan.objectiveLabel.trim() } : {}),
    },
    view: { audience, filters },
    objectives: { total: objectives.length, covered },
    coverage: fraction(covered, objectives.length),
    initiatives: {
      active: active.length,
      completed: active.filter((v) => v.initiative.status === 'completed').length,
      total: inView.length,
    },
    byStatus,
    sectionsEngaged: new Set(active.map((v) => key(v.initiative.section))).size,
    goals: goalCoverage,
    sections: sectionCoverage,
    years,
    gaps: goalCoverage.flatMap((g) =>
      g.objectiveCoverage.filter((o) => !o.covered).map((o) => o.code),
    ),
  }
}

describe('computeCoverage counts what the plain definition counts', () => {
  /** A random plan: duplicate and unknown ids, numeric and text ids, odd dates, every status. */
  const randomPlan = (seed: number): { input: CoverageInput; options: CoverageOptions } => {
    const next = seededRandom(seed)
    const int = (n: number) => Math.floor(next() * n)
    const id = (n: number): Id => (next() < 0.5 ? n : String(n))
    const goals: GoalSummary[] = Array.from({ length: 1 + int(4) }, (_, g) => ({
      id: id(g + 1),
      number: next() < 0.1 ? 1 : g + 1,
      title: `Goal ${g + 1}`,
    }))
    if (next() < 0.2) goals.push({ ...goals[0]!, title: 'duplicate' })
    const objectives: ObjectiveSummary[] = Array.from({ length: int(10) }, (_, o) => ({
      id: id(100 + o),
      goal: next() < 0.1 ? 99 : goals[int(goals.length)]!.id,
      number: 1 + int(5),
      text: `Objective ${o}`,
      code: `O${o}`,
    }))
    const sections = Array.from({ length: 1 + int(4) }, (_, n) => ({
      id: id(500 + n),
      slug: `s${n}`,
      name: `Section ${n}`,
      abbreviation: null,
    }))
    const date = () =>
      pick(next, [null, undefined, '', 'soon', `${2003 + int(12)}-06-30`, `${2003 + int(12)}`])
    const initiatives: InitiativeSummary[] = Array.from({ length: int(80) }, (_, n) => ({
      id: id(next() < 0.05 ? 1000 : 1000 + n),
      title: `Initiative ${n}`,
      section: next() < 0.1 ? 599 : sections[int(sections.length)]!.id,
      objectives: Array.from({ length: int(4) }, () =>
        next() < 0.1 ? 'unknown' : objectives.length > 0 ? pick(next, objectives).id : 1,
      ),
      status: pick(next, INITIATIVE_STATUSES),
      visibility: pick(next, VISIBILITIES),
      published: next() < 0.85,
      startDate: date(),
      targetDate: date(),
      completedDate: date(),
    }))
    const statuses = INITIATIVE_STATUSES.filter(() => next() < 0.3)
    const options: CoverageOptions = {
      audience: pick(next, ['members', 'public'] as Audience[]),
      filters: {
        ...(next() < 0.3 ? { section: next() < 0.8 ? pick(next, sections).slug : 'nowhere' } : {}),
        ...(next() < 0.3 ? { status: [...statuses, ...statuses] } : {}),
        ...(next() < 0.3 ? { visibility: pick(next, VISIBILITIES) } : {}),
      },
    }
    const plan = { id: 1, slug: 'p', title: 'P', organization: 'O', startYear: 2006, endYear: 2011 }
    return { input: { plan, goals, objectives, sections, initiatives }, options }
  }

  it('over 500 random plans, views and audiences', () => {
    let counted = 0
    for (let seed = 1; seed <= 500; seed++) {
      const { input, options } = randomPlan(seed)
      const cov = computeCoverage(input, options)
      expect(cov, `seed ${seed}`).toEqual(plainCoverage(input, options))
      counted += cov.initiatives.active
    }
    // the random plans are not all empty views
    expect(counted).toBeGreaterThan(1000)
  })
})

describe('computeCoverage on the tiny plan (every number by hand)', () => {
  const cov = computeCoverage(tinyPlan())

  it('reports the plan, the view and the totals', () => {
    expect(cov.plan).toEqual({ slug: 'tiny', title: 'Tiny Plan', startYear: 2006, endYear: 2008 })
    expect(cov.view).toEqual({ audience: 'members', filters: {} })
    expect(cov.objectives).toEqual({ total: 5, covered: 3 })
    expect(cov.coverage).toBeCloseTo(0.6)
    expect(cov.initiatives).toEqual({ active: 4, completed: 1, total: 7 })
    expect(cov.byStatus).toEqual(
      counts({
        proposed: 1,
        planned: 2,
        'in-progress': 1,
        completed: 1,
        deferred: 1,
        cancelled: 1,
      }),
    )
    expect(cov.sectionsEngaged).toBe(3)
    expect(cov.gaps).toEqual(['1.2', '2.3'])
  })

  it('breaks down every goal area, in number order', () => {
    expect(cov.goals.map((g) => g.number)).toEqual([1, 2, 3])
    expect(goalRow(cov, 1)).toEqual({
      number: 1,
      title: 'Goal 1',
      objectives: 2,
      covered: 1,
      coverage: 0.5,
      initiatives: 2,
      byStatus: counts({ proposed: 1, 'in-progress': 1, completed: 1 }),
      objectiveCoverage: [
        { code: '1.1', number: 1, text: 'Objective 1.1', covered: true, initiatives: 2 },
        { code: '1.2', number: 2, text: 'Objective 1.2', covered: false, initiatives: 0 },
      ],
    })
    expect(goalRow(cov, 2)).toEqual({
      number: 2,
      title: 'Goal 2',
      objectives: 3,
      covered: 2,
      coverage: 2 / 3,
      initiatives: 3,
      byStatus: counts({ planned: 2, 'in-progress': 1, deferred: 1, cancelled: 1 }),
      objectiveCoverage: [
        { code: '2.1', number: 1, text: 'Objective 2.1', covered: true, initiatives: 2 },
        { code: '2.2', number: 2, text: 'Objective 2.2', covered: true, initiatives: 1 },
        { code: '2.3', number: 3, text: 'Objective 2.3', covered: false, initiatives: 0 },
      ],
    })
  })

  it('gives an empty goal area coverage 0, not NaN', () => {
    expect(goalRow(cov, 3)).toEqual({
      number: 3,
      title: 'Goal 3',
      objectives: 0,
      covered: 0,
      coverage: 0,
      initiatives: 0,
      byStatus: counts(),
      objectiveCoverage: [],
    })
  })

  it('builds the section × goal-area matrix from active initiatives only', () => {
    expect(cov.sections).toEqual([
      { slug: 'acq', name: 'Acquisitions', byGoal: { '1': 2, '2': 1, '3': 0 }, total: 2 },
      { slug: 'cat', name: 'Cataloging', byGoal: { '1': 0, '2': 1, '3': 0 }, total: 1 },
      { slug: 'pres', name: 'Preservation', byGoal: { '1': 0, '2': 1, '3': 0 }, total: 1 },
    ])
  })

  it('counts active initiatives per plan year (clipped, missing dates defaulted)', () => {
    expect(cov.years).toEqual([
      { year: 2006, active: 3 },
      { year: 2007, active: 2 },
      { year: 2008, active: 1 },
    ])
  })

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(cov))).toEqual(cov)
  })
})

describe('computeCoverage ids: numbers (SQLite), strings (MongoDB) and a mix', () => {
  const reference = computeCoverage(tinyPlan())
  it.each([
    ['all strings', withStringIds(tinyPlan())],
    ['mixed references', withMixedIds(tinyPlan())],
  ])('%s give the same numbers', (_, input) => {
    expect(computeCoverage(input)).toEqual(reference)
  })
})

describe('computeCoverage audience and filters', () => {
  type Expected = {
    active: number
    completed: number
    total: number
    covered: number
    gaps: string[]
    sections: string[]
    years: number[]
  }
  const cases: [string, CoverageOptions, Expected][] = [
    [
      'public audience drops members-only B and E',
      { audience: 'public' },
      {
        active: 3,
        completed: 0,
        total: 5,
        covered: 3,
        gaps: ['1.2', '2.3'],
        sections: ['acq', 'cat', 'pres'],
        years: [2, 2, 1],
      },
    ],
    [
      'section filter keeps that section and its row only',
      { filters: { section: 'cat' } },
      {
        active: 1,
        completed: 0,
        total: 3,
        covered: 1,
        gaps: ['1.1', '1.2', '2.1', '2.3'],
        sections: ['cat'],
        years: [1, 1, 1],
      },
    ],
    [
      'unknown section slug matches nothing',
      { filters: { section: 'nope' } },
      {
        active: 0,
        completed: 0,
        total: 0,
        covered: 0,
        gaps: ['1.1', '1.2', '2.1', '2.2', '2.3'],
        sections: [],
        years: [0, 0, 0],
      },
    ],
    [
      'status filter',
      { filters: { status: ['proposed', 'planned'] } },
      {
        active: 2,
        completed: 0,
        total: 3,
        covered: 2,
        gaps: ['1.1', '1.2', '2.3'],
        sections: ['acq', 'cat', 'pres'],
        years: [1, 1, 1],
      },
    ],
    [
      'an empty status list is no filter',
      { filters: { status: [] } },
      {
        active: 4,
        completed: 1,
        total: 7,
        covered: 3,
        gaps: ['1.2', '2.3'],
        sections: ['acq', 'cat', 'pres'],
        years: [3, 2, 1],
      },
    ],
    [
      'visibility filter (members-only initiatives)',
      { filters: { visibility: 'members' } },
      {
        active: 1,
        completed: 1,
        total: 2,
        covered: 1,
        gaps: ['1.2', '2.1', '2.2', '2.3'],
        sections: ['acq', 'cat', 'pres'],
        years: [1, 0, 0],
      },
    ],
    [
      'public audience asking for members-only sees nothing',
      { audience: 'public', filters: { visibility: 'members' } },
      {
        active: 0,
        completed: 0,
        total: 0,
        covered: 0,
        gaps: ['1.1', '1.2', '2.1', '2.2', '2.3'],
        sections: ['acq', 'cat', 'pres'],
        years: [0, 0, 0],
      },
    ],
    [
      'filters combine',
      { audience: 'public', filters: { section: 'acq', status: ['in-progress', 'completed'] } },
      {
        active: 1,
        completed: 0,
        total: 1,
        covered: 2,
        gaps: ['1.2', '2.2', '2.3'],
        sections: ['acq'],
        years: [1, 1, 0],
      },
    ],
  ]

  it.each(cases)('%s', (_, options, expected) => {
    const cov = computeCoverage(tinyPlan(), options)
    expect({
      active: cov.initiatives.active,
      completed: cov.initiatives.completed,
      total: cov.initiatives.total,
      covered: cov.objectives.covered,
      gaps: cov.gaps,
      sections: cov.sections.map((s) => s.slug),
      years: cov.years.map((y) => y.active),
    }).toEqual(expected)
    expect(cov.objectives.total).toBe(5)
  })

  it('public audience counts per section and per objective without members-only work', () => {
    const cov = computeCoverage(tinyPlan(), { audience: 'public' })
    expect(cov.sections[0]).toEqual({
      slug: 'acq',
      name: 'Acquisitions',
      byGoal: { '1': 1, '2': 1, '3': 0 },
      total: 1,
    })
    expect(goalRow(cov, 1).objectiveCoverage[0]?.initiatives).toBe(1)
    expect(goalRow(cov, 2).byStatus).toEqual(counts({ planned: 2, 'in-progress': 1, deferred: 1 }))
  })

  it('echoes the normalised filters it applied', () => {
    const cov = computeCoverage(tinyPlan(), {
      audience: 'public',
      filters: { section: '', status: ['planned', 'planned'], visibility: 'public' },
    })
    expect(cov.view).toEqual({
      audience: 'public',
      filters: { status: ['planned'], visibility: 'public' },
    })
  })
})

describe('computeCoverage counting rules', () => {
  const base = (initiatives: InitiativeSummary[]): CoverageInput => ({ ...tinyPlan(), initiatives })

  it.each<[string, InitiativeSummary[], { g1: number; g2: number; acq: Record<string, number> }]>([
    [
      'an initiative serving two goal areas counts once in each',
      [initiative('X', 10, [101, 201], 'planned')],
      { g1: 1, g2: 1, acq: { '1': 1, '2': 1, '3': 0 } },
    ],
    [
      'an initiative serving three objectives of one area counts once in it',
      [initiative('X', 10, [201, 202, 203], 'planned')],
      { g1: 0, g2: 1, acq: { '1': 0, '2': 1, '3': 0 } },
    ],
    [
      'the same objective listed twice counts once',
      [initiative('X', 10, [101, 101, '101'], 'planned')],
      { g1: 1, g2: 0, acq: { '1': 1, '2': 0, '3': 0 } },
    ],
    [
      'the same initiative listed twice counts once',
      [initiative('X', 10, [101], 'planned'), initiative('X', 10, [101], 'planned')],
      { g1: 1, g2: 0, acq: { '1': 1, '2': 0, '3': 0 } },
    ],
  ])('%s', (_, initiatives, expected) => {
    const cov = computeCoverage(base(initiatives))
    expect(goalRow(cov, 1).initiatives).toBe(expected.g1)
    expect(goalRow(cov, 2).initiatives).toBe(expected.g2)
    expect(cov.sections[0]?.byGoal).toEqual(expected.acq)
    expect(cov.sections[0]?.total).toBe(1)
    expect(cov.initiatives.active).toBe(1)
    expect(goalRow(cov, 1).objectiveCoverage[0]?.initiatives ?? 0).toBe(expected.g1 ? 1 : 0)
  })

  it.each<[InitiativeStatus, boolean]>([
    ['proposed', false],
    ['planned', true],
    ['in-progress', true],
    ['completed', true],
    ['deferred', false],
    ['cancelled', false],
  ])('status %s: active %s, always in byStatus when published', (status, active) => {
    expect(isActiveStatus(status)).toBe(active)
    const cov = computeCoverage(base([initiative('X', 10, [101], status)]))
    expect(cov.initiatives).toEqual({
      active: active ? 1 : 0,
      completed: status === 'completed' ? 1 : 0,
      total: 1,
    })
    expect(goalRow(cov, 1).byStatus).toEqual(counts({ [status]: 1 }))
    expect(cov.byStatus).toEqual(counts({ [status]: 1 }))
    expect(cov.objectives.covered).toBe(active ? 1 : 0)
    expect(goalRow(cov, 1).initiatives).toBe(active ? 1 : 0)
    expect(cov.sections[0]?.total).toBe(active ? 1 : 0)
    expect(cov.sectionsEngaged).toBe(active ? 1 : 0)
    expect(cov.years.map((y) => y.active)).toEqual(active ? [1, 1, 1] : [0, 0, 0])
  })

  it.each<InitiativeStatus>(['planned', 'in-progress', 'completed', 'proposed'])(
    'a %s draft counts nowhere',
    (status) => {
      const cov = computeCoverage(base([initiative('X', 10, [101], status, { published: false })]))
      expect(cov.initiatives).toEqual({ active: 0, completed: 0, total: 0 })
      expect(cov.byStatus).toEqual(counts())
      expect(goalRow(cov, 1).byStatus).toEqual(counts())
      expect(cov.objectives.covered).toBe(0)
      expect(cov.sectionsEngaged).toBe(0)
      expect(cov.years.map((y) => y.active)).toEqual([0, 0, 0])
    },
  )

  it('ignores objectives of other goal areas/plans and initiatives serving only those', () => {
    const input = base([
      initiative('X', 10, [999], 'planned'),
      initiative('Y', 10, [101, 998], 'planned'),
    ])
    input.objectives.push(objective(998, 77, 9, 1)) // belongs to a goal area not in this plan
    const cov = computeCoverage(input)
    expect(cov.objectives.total).toBe(5)
    expect(cov.initiatives).toEqual({ active: 1, completed: 0, total: 1 })
    expect(cov.goals.map((g) => g.number)).toEqual([1, 2, 3])
    expect(cov.gaps).toEqual(['1.2', '2.1', '2.2', '2.3'])
  })

  it('counts initiatives of a section missing from the list everywhere but the matrix', () => {
    const cov = computeCoverage(base([initiative('X', 99, [101], 'planned')]))
    expect(cov.objectives.covered).toBe(1)
    expect(cov.sectionsEngaged).toBe(1)
    expect(cov.sections.map((s) => s.total)).toEqual([0, 0, 0])
  })

  it('handles a plan with nothing in it', () => {
    const cov = computeCoverage({
      plan: { id: 1, slug: 'p', title: 'P', organization: 'O', startYear: 2020, endYear: 2020 },
      goals: [],
      objectives: [],
      sections: [],
      initiatives: [],
    })
    expect(cov).toMatchObject({
      objectives: { total: 0, covered: 0 },
      coverage: 0,
      initiatives: { active: 0, completed: 0, total: 0 },
      sectionsEngaged: 0,
      goals: [],
      sections: [],
      years: [{ year: 2020, active: 0 }],
      gaps: [],
    })
  })
})

describe('yearOf', () => {
  it.each<[string | null | undefined, number | undefined]>([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['2008', 2008],
    ['2008-06-30', 2008],
    ['2008-06-30T12:00:00.000Z', 2008],
    // The stored calendar date wins over the reader's time zone.
    ['2008-12-31T23:00:00.000Z', 2008],
    ['June 30, 2009 UTC', 2009],
  ])('%s → %s', (date, year) => {
    expect(yearOf(date)).toBe(year)
  })
})

describe('activeYearSpan (plan 2006–2011)', () => {
  const plan = { startYear: 2006, endYear: 2011 }
  it.each<[string, Partial<InitiativeSummary>, [number, number] | undefined]>([
    ['no dates: the whole plan', {}, [2006, 2011]],
    ['start only: start to plan end', { startDate: '2008-01-01' }, [2008, 2011]],
    ['target only: plan start to target', { targetDate: '2009-01-01' }, [2006, 2009]],
    [
      'completed wins over target',
      { startDate: '2007-01-01', targetDate: '2010-01-01', completedDate: '2008-03-01' },
      [2007, 2008],
    ],
    [
      'spanning beyond the plan is clipped',
      { startDate: '2003-01-01', targetDate: '2015-01-01' },
      [2006, 2011],
    ],
    ['ended before the plan', { startDate: '2003-01-01', completedDate: '2005-01-01' }, undefined],
    ['starts after the plan, no end', { startDate: '2012-01-01' }, undefined],
    ['ends before the plan, no start', { targetDate: '2004-01-01' }, undefined],
    [
      'dates the wrong way round are swapped',
      { startDate: '2010-01-01', completedDate: '2008-01-01' },
      [2008, 2010],
    ],
    ['unreadable dates count as missing', { startDate: 'tbd', targetDate: 'later' }, [2006, 2011]],
    ['one-year initiative', { startDate: '2009-02-01', targetDate: '2009-11-01' }, [2009, 2009]],
  ])('%s', (_, dates, span) => {
    expect(activeYearSpan(dates, plan)).toEqual(span)
  })

  it('returns nothing for a plan whose years are reversed', () => {
    expect(activeYearSpan({}, { startYear: 2011, endYear: 2006 })).toBeUndefined()
  })
})

describe('fraction', () => {
  it.each<[number, number, number]>([
    [0, 0, 0],
    [3, 0, 0],
    [0, 4, 0],
    [2, 5, 0.4],
    [5, 5, 1],
  ])('%s ÷ %s = %s', (part, whole, result) => {
    expect(fraction(part, whole)).toBe(result)
  })
})

describe('formatPercent', () => {
  it.each<[number, string]>([
    [0, '0%'],
    [-0, '0%'],
    [-0.001, '0%'],
    [0.4, '40%'],
    [2 / 3, '67%'],
    [0.285, '29%'],
    [0.5, '50%'],
    [1, '100%'],
    [0.996, '99%'],
    [0.003, '1%'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '–'],
  ])('%s → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text)
  })
})

/** A PlanCoverage whose goal areas 1, 2, … have the given [objectives, covered] counts. */
const coverageOf = (goals: [number, number][], extra: Partial<PlanCoverage> = {}): PlanCoverage => {
  const goalRows = goals.map(([objectives, covered], index): GoalCoverage => ({
    number: index + 1,
    title: `Goal ${index + 1}`,
    objectives,
    covered,
    coverage: fraction(covered, objectives),
    initiatives: covered,
    byStatus: counts(),
    objectiveCoverage: [],
  }))
  const total = goals.reduce((sum, [o]) => sum + o, 0)
  const covered = goals.reduce((sum, [, c]) => sum + c, 0)
  return {
    plan: { slug: 'p', title: 'P', startYear: 2006, endYear: 2011 },
    view: { audience: 'members', filters: {} },
    objectives: { total, covered },
    coverage: fraction(covered, total),
    initiatives: { active: 0, completed: 0, total: 0 },
    byStatus: counts(),
    sectionsEngaged: 0,
    goals: goalRows,
    sections: [],
    years: [],
    gaps: Array.from({ length: total - covered }, (_, i) => `x.${i}`),
    ...extra,
  }
}

describe('lowestCoverageSentence / highestCoverageSentence', () => {
  it.each<[string, [number, number][], string, string]>([
    [
      'a clear lowest and highest',
      [
        [6, 5],
        [3, 3],
        [5, 2],
      ],
      'Goal Area 3 has the lowest coverage: 40%',
      'Goal Area 2 has the highest coverage: 100%',
    ],
    [
      'ties are named together',
      [
        [5, 2],
        [5, 5],
        [5, 2],
        [4, 4],
      ],
      'Goal Areas 1 and 3 have the lowest coverage: 40%',
      'Goal Areas 2 and 4 have the highest coverage: 100%',
    ],
    [
      'three-way tie',
      [
        [2, 1],
        [4, 2],
        [6, 3],
        [1, 1],
      ],
      'Goal Areas 1, 2 and 3 have the lowest coverage: 50%',
      'Goal Area 4 has the highest coverage: 100%',
    ],
    [
      'ties by displayed percent',
      [
        [3, 1],
        [1000, 333],
        [2, 2],
      ],
      'Goal Areas 1 and 2 have the lowest coverage: 33%',
      'Goal Area 3 has the highest coverage: 100%',
    ],
    [
      'an empty goal area is not ranked',
      [
        [4, 2],
        [0, 0],
        [2, 2],
      ],
      'Goal Area 1 has the lowest coverage: 50%',
      'Goal Area 3 has the highest coverage: 100%',
    ],
    [
      'all the same',
      [
        [5, 2],
        [5, 2],
      ],
      'All goal areas have the same coverage: 40%',
      'All goal areas have the same coverage: 40%',
    ],
    [
      'all zero',
      [
        [5, 0],
        [3, 0],
      ],
      'No goal area has an objective with an active initiative yet',
      'No goal area has an objective with an active initiative yet',
    ],
    [
      'a single goal area',
      [[4, 1]],
      'Goal Area 1 has 25% coverage',
      'Goal Area 1 has 25% coverage',
    ],
    [
      'only empty goal areas',
      [[0, 0]],
      'No goal area has objectives yet',
      'No goal area has objectives yet',
    ],
    ['no goal areas', [], 'The plan has no goal areas yet', 'The plan has no goal areas yet'],
  ])('%s', (_, goals, lowest, highest) => {
    const cov = coverageOf(goals)
    expect(lowestCoverageSentence(cov)).toBe(lowest)
    expect(highestCoverageSentence(cov)).toBe(highest)
  })
})

describe('coverageSummarySentence / gapsSentence', () => {
  it.each<[[number, number][], string, string]>([
    [
      [[26, 18]],
      '18 of 26 objectives have active initiatives',
      '8 of 26 objectives have no active initiative',
    ],
    [
      [[26, 25]],
      '25 of 26 objectives have active initiatives',
      '1 of 26 objectives has no active initiative',
    ],
    [
      [[26, 1]],
      '1 of 26 objectives has active initiatives',
      '25 of 26 objectives have no active initiative',
    ],
    [
      [[26, 26]],
      '26 of 26 objectives have active initiatives',
      'Every objective has at least one active initiative',
    ],
    [
      [[26, 0]],
      '0 of 26 objectives have active initiatives',
      'No objective has an active initiative yet',
    ],
    [
      [[1, 1]],
      '1 of 1 objective has active initiatives',
      'Every objective has at least one active initiative',
    ],
    [[], 'The plan has no objectives yet', 'The plan has no objectives yet'],
  ])('%j', (goals, summary, gaps) => {
    const cov = coverageOf(goals)
    expect(coverageSummarySentence(cov)).toBe(summary)
    expect(gapsSentence(cov)).toBe(gaps)
  })

  it('speaks of the tiny plan', () => {
    const cov = computeCoverage(tinyPlan())
    expect(coverageSummarySentence(cov)).toBe('3 of 5 objectives have active initiatives')
    expect(gapsSentence(cov)).toBe('2 of 5 objectives have no active initiative')
    expect(lowestCoverageSentence(cov)).toBe('Goal Area 1 has the lowest coverage: 50%')
    expect(highestCoverageSentence(cov)).toBe('Goal Area 2 has the highest coverage: 67%')
  })
})

describe('statusSentence', () => {
  it.each<[string, Partial<StatusCounts>, PlanCoverage['view']['filters'], string]>([
    [
      'several statuses in lifecycle order',
      { 'in-progress': 10, completed: 12, planned: 3, cancelled: 1 },
      {},
      'Of 26 initiatives, 3 are planned, 10 in progress, 12 completed and 1 cancelled',
    ],
    [
      'singular first count',
      { proposed: 1, completed: 2 },
      {},
      'Of 3 initiatives, 1 is proposed and 2 completed',
    ],
    ['one status', { completed: 4 }, {}, 'All 4 initiatives are completed'],
    ['one initiative', { 'in-progress': 1 }, {}, 'The only initiative is in progress'],
    ['none published', {}, {}, 'No initiatives have been published yet'],
    ['none matching filters', {}, { section: 'acq' }, 'No initiatives match these filters'],
  ])('%s', (_, byStatus, filters, sentence) => {
    const statusCounts = counts(byStatus)
    const total = Object.values(statusCounts).reduce((a, b) => a + b, 0)
    const cov = coverageOf([], {
      byStatus: statusCounts,
      initiatives: { active: 0, completed: 0, total },
      view: { audience: 'members', filters },
    })
    expect(statusSentence(cov)).toBe(sentence)
  })

  it('speaks of the tiny plan', () => {
    expect(statusSentence(computeCoverage(tinyPlan()))).toBe(
      'Of 7 initiatives, 1 is proposed, 2 planned, 1 in progress, 1 completed, 1 deferred and 1 cancelled',
    )
  })
})

describe('yearsSentence', () => {
  const years = (start: number, actives: number[]): PlanCoverage =>
    coverageOf([], {
      plan: { slug: 'p', title: 'P', startYear: start, endYear: start + actives.length - 1 },
      years: actives.map((active, i) => ({ year: start + i, active })),
    })
  it.each<[string, PlanCoverage, string]>([
    ['a single peak', years(2006, [3, 12, 5, 0, 0, 1]), 'Active initiatives peak in 2007 at 12'],
    [
      'tied peaks',
      years(2006, [3, 12, 12, 0, 12, 1]),
      'Active initiatives peak in 2007, 2008 and 2010 at 12',
    ],
    ['flat', years(2006, [4, 4, 4]), '4 active initiatives in every year of 2006–2008'],
    ['flat at one', years(2006, [1, 1]), '1 active initiative in every year of 2006–2007'],
    ['none', years(2006, [0, 0, 0, 0, 0, 0]), 'No active initiatives fall within 2006–2011'],
    ['one-year plan', years(2020, [2]), 'Active initiatives peak in 2020 at 2'],
    ['one-year plan, none', years(2020, [0]), 'No active initiatives fall within 2020'],
    ['no years', coverageOf([], { years: [] }), 'The plan period has no years'],
  ])('%s', (_, cov, sentence) => {
    expect(yearsSentence(cov)).toBe(sentence)
  })

  it('speaks of the tiny plan', () => {
    expect(yearsSentence(computeCoverage(tinyPlan()))).toBe('Active initiatives peak in 2006 at 3')
  })
})
