import { describe, expect, it } from 'vitest'

import { planToCsv, PLAN_CSV_HEADERS } from '@/lib/export/csv'
import {
  buildPlanExport,
  parsedPlanOf,
  serializePlanExport,
  type LoadedPlan,
  type PlanExportDocument,
} from '@/lib/export/document'
import { renderExport, parseExportFormat } from '@/lib/export/load'
import { checkPlanExport, readPlanExportJson } from '@/lib/import/json'
import { paragraphsToLexical } from '@/lib/richtext/lexical'
import type {
  Cycle,
  Goal,
  Initiative,
  Objective,
  Plan,
  ProgressUpdate,
  Section,
} from '@/payload-types'

const stamp = '2024-01-01T00:00:00.000Z'

/** Documents shaped as Payload returns them (depth 0), in a deliberately scrambled order. */
function loaded(): LoadedPlan {
  const plan: Plan = {
    id: 7,
    title: 'Example Plan 2020-2025',
    slug: 'example-plan-2020-2025',
    organization: 'Example Association',
    startYear: 2020,
    endYear: 2025,
    adoptedOn: '2020-06-01T00:00:00.000Z',
    adoptedBy: 'the Board',
    preamble: paragraphsToLexical(['First.', 'Second.']) as Plan['preamble'],
    vision: null,
    mission: paragraphsToLexical(['To serve.']) as Plan['mission'],
    values: [{ value: 'Access', id: 'row1' }],
    lastRevised: null,
    current: true,
    _status: 'published',
    updatedAt: stamp,
    createdAt: stamp,
  }
  const goals: Goal[] = [
    {
      id: 12,
      plan: 7,
      number: 2,
      title: 'Second goal',
      description: null,
      updatedAt: stamp,
      createdAt: stamp,
    },
    {
      id: 11,
      plan: 7,
      number: 1,
      title: 'First goal',
      description: 'Why.\n\nHow.',
      updatedAt: stamp,
      createdAt: stamp,
    },
  ]
  const objective = (id: number, goal: number, number: number, text: string): Objective => ({
    id,
    goal,
    number,
    text,
    plan: 7,
    updatedAt: stamp,
    createdAt: stamp,
  })
  const objectives = [
    objective(103, 11, 10, 'ten'),
    objective(101, 11, 1, 'one'),
    objective(102, 11, 2, 'two'),
    objective(201, 12, 1, 'two-one'),
  ]
  const sections: Section[] = [
    {
      id: 5,
      name: 'Serials Section',
      slug: 'serials',
      abbreviation: 'SS',
      kind: 'section',
      description: null,
      updatedAt: stamp,
      createdAt: stamp,
    },
    {
      id: 4,
      name: 'Acquisitions Section',
      slug: 'acquisitions',
      abbreviation: null,
      kind: 'section',
      description: 'Buys',
      updatedAt: stamp,
      createdAt: stamp,
    },
  ]
  const initiative = (
    over: Partial<Initiative> & Pick<Initiative, 'id' | 'title' | 'section' | 'objectives'>,
  ): Initiative => ({
    visibility: 'members',
    status: 'planned',
    plan: 7,
    summary: null,
    description: null,
    progress: 0,
    lead: null,
    startDate: null,
    targetDate: null,
    completedDate: null,
    _status: 'published',
    updatedAt: stamp,
    createdAt: stamp,
    ...over,
  })
  const initiatives = [
    initiative({
      id: 3,
      title: 'Zebra',
      section: 5,
      objectives: [103, 201],
      status: 'in-progress',
      progress: 40,
      startDate: '2021-02-01T00:00:00.000Z',
    }),
    initiative({
      id: 1,
      title: '=Formula-looking title',
      section: 4,
      objectives: [101],
      status: 'completed',
      progress: 100,
      completedDate: new Date('2022-05-06T00:00:00.000Z') as unknown as string,
      visibility: 'public',
      lead: 'Ann',
    }),
    initiative({
      id: 2,
      title: 'Draft idea',
      section: 5,
      objectives: [102],
      status: 'proposed',
      _status: 'draft',
      createdAt: '2023-01-01T00:00:00.000Z',
    }),
    initiative({
      id: 9,
      title: 'Draft idea',
      section: 5,
      objectives: [],
      status: 'proposed',
      _status: 'draft',
      createdAt: '2022-01-01T00:00:00.000Z',
    }),
  ]
  const cycles: Cycle[] = [
    {
      id: 11,
      plan: 7,
      name: 'Spring 2022',
      asOf: '2022-01-15T00:00:00.000Z',
      opensOn: null,
      dueOn: '2022-01-10T00:00:00.000Z',
      instructions: 'Report.',
      state: 'closed',
      closedAt: '2022-02-01T12:00:00.000Z',
      updatedAt: stamp,
      createdAt: stamp,
    },
  ]
  const updates: ProgressUpdate[] = [
    {
      id: 22,
      initiative: 1,
      cycle: null,
      status: 'completed',
      progress: 100,
      note: 'Done',
      submittedAt: '2022-05-06T00:00:00.000Z',
      updatedAt: stamp,
      createdAt: stamp,
    },
    {
      id: 21,
      initiative: 1,
      cycle: 11,
      status: 'in-progress',
      progress: 50,
      note: 'Half way',
      submittedAt: '2022-01-01T00:00:00.000Z',
      updatedAt: stamp,
      createdAt: stamp,
    },
  ]
  return { plan, goals, objectives, sections, initiatives, cycles, updates }
}

describe('buildPlanExport', () => {
  const document = buildPlanExport(loaded())

  it('holds the plan with plain values, rich text as stored and dates as ISO strings', () => {
    expect(document.format).toBe('lodestar-plan')
    expect(document.version).toBe(1)
    expect(document.plan).toEqual({
      id: 7,
      slug: 'example-plan-2020-2025',
      title: 'Example Plan 2020-2025',
      organization: 'Example Association',
      startYear: 2020,
      endYear: 2025,
      adoptedOn: '2020-06-01T00:00:00.000Z',
      adoptedBy: 'the Board',
      lastRevised: null,
      objectiveLabel: null,
      preamble: paragraphsToLexical(['First.', 'Second.']),
      vision: null,
      mission: paragraphsToLexical(['To serve.']),
      values: ['Access'],
      current: true,
      _status: 'published',
    })
  })

  it('orders goal areas and objectives by number and gives objectives their codes', () => {
    expect(document.goals.map((g) => [g.number, g.objectives.map((o) => o.code)])).toEqual([
      [1, ['1.1', '1.2', '1.10']],
      [2, ['2.1']],
    ])
    expect(document.goals[0]?.description).toBe('Why.\n\nHow.')
  })

  it('lists initiatives by title, section and age, naming sections by slug and objectives by code', () => {
    expect(
      document.initiatives.map((i) => [i.title, i.section, i.objectives, i._status, i.id]),
    ).toEqual([
      ['=Formula-looking title', 'acquisitions', ['1.1'], 'published', 1],
      ['Draft idea', 'serials', [], 'draft', 9],
      ['Draft idea', 'serials', ['1.2'], 'draft', 2],
      ['Zebra', 'serials', ['1.10', '2.1'], 'published', 3],
    ])
    const completed = document.initiatives[0]!
    expect(completed.completedDate).toBe('2022-05-06T00:00:00.000Z')
    // its progress updates, oldest first, with their cycle by name
    expect(completed.updates).toEqual([
      {
        date: '2022-01-01T00:00:00.000Z',
        note: 'Half way',
        status: 'in-progress',
        progress: 50,
        cycle: 'Spring 2022',
      },
      {
        date: '2022-05-06T00:00:00.000Z',
        note: 'Done',
        status: 'completed',
        progress: 100,
        cycle: null,
      },
    ])
    expect(document.cycles).toEqual([
      {
        id: 11,
        name: 'Spring 2022',
        asOf: '2022-01-15T00:00:00.000Z',
        opensOn: null,
        dueOn: '2022-01-10T00:00:00.000Z',
        instructions: 'Report.',
        state: 'closed',
        closedAt: '2022-02-01T12:00:00.000Z',
      },
    ])
  })

  it('includes the sections its initiatives belong to, by slug', () => {
    expect(document.sections.map((s) => s.slug)).toEqual(['acquisitions', 'serials'])
    expect(document.sections[0]).toEqual({
      id: 4,
      slug: 'acquisitions',
      name: 'Acquisitions Section',
      abbreviation: null,
      kind: 'section',
      description: 'Buys',
    })
  })

  it('serializes as indented JSON with a final newline that reads back as the same document', () => {
    const text = serializePlanExport(document)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "plan": {\n')
    const read = readPlanExportJson(text)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const withoutIds = JSON.parse(
      JSON.stringify(document, (key, value: unknown) => (key === 'id' ? undefined : value)),
    ) as PlanExportDocument
    expect(read.document).toEqual(withoutIds)
  })

  it('gives the plan as paragraphs (for StratML and the import preview)', () => {
    expect(parsedPlanOf(document)).toEqual({
      title: 'Example Plan 2020-2025',
      organization: 'Example Association',
      startYear: 2020,
      endYear: 2025,
      adoptedOn: '2020-06-01',
      adoptedBy: 'the Board',
      preamble: ['First.', 'Second.'],
      vision: [],
      mission: ['To serve.'],
      values: ['Access'],
      goals: [
        {
          number: 1,
          title: 'First goal',
          description: ['Why.', 'How.'],
          objectives: [
            { number: 1, text: 'one' },
            { number: 2, text: 'two' },
            { number: 10, text: 'ten' },
          ],
        },
        {
          number: 2,
          title: 'Second goal',
          description: [],
          objectives: [{ number: 1, text: 'two-one' }],
        },
      ],
    })
  })
})

describe('planToCsv', () => {
  const document = buildPlanExport(loaded())
  const csv = planToCsv(document)
  const lines = csv.split('\r\n')

  it('has one row per initiative × objective, ordered by objective code then title', () => {
    expect(lines[0]).toBe(PLAN_CSV_HEADERS.join(','))
    expect(lines).toHaveLength(1 + 4 + 1)
    expect(lines.slice(1, -1).map((line) => line.split(',')[3])).toEqual([
      '1.1',
      '1.2',
      '1.10',
      '2.1',
    ])
    expect(lines[lines.length - 1]).toBe('')
  })

  it('carries codes, section, status, dates, progress, visibility and publication', () => {
    expect(lines[1]).toBe(
      "example-plan-2020-2025,1,First goal,1.1,one,'=Formula-looking title,acquisitions,Acquisitions Section,completed,,,2022-05-06,100,public,yes,Ann",
    )
    expect(lines[2]).toBe(
      'example-plan-2020-2025,1,First goal,1.2,two,Draft idea,serials,Serials Section,proposed,,,,0,members,no (draft),',
    )
    expect(lines[3]).toContain(
      ',Zebra,serials,Serials Section,in-progress,2021-02-01,,,40,members,yes,',
    )
  })

  it('is only the header for a plan without initiatives', () => {
    expect(planToCsv({ ...document, initiatives: [] })).toBe(`${PLAN_CSV_HEADERS.join(',')}\r\n`)
  })
})

describe('renderExport', () => {
  const document = buildPlanExport(loaded())

  it.each([
    [
      'json',
      'example-plan-2020-2025.json',
      'application/json; charset=utf-8',
      '{\n  "format": "lodestar-plan"',
    ],
    [
      'stratml',
      'example-plan-2020-2025.stratml.xml',
      'application/xml; charset=utf-8',
      '<?xml version="1.0" encoding="UTF-8"?>',
    ],
    [
      'csv',
      'example-plan-2020-2025-initiatives.csv',
      'text/csv; charset=utf-8',
      // the byte-order mark first, so Excel reads "2020–2025" as UTF-8
      '\uFEFFPlan,Goal area,',
    ],
  ] as const)('%s → %s', (format, filename, contentType, start) => {
    const file = renderExport(document, format)
    expect(file.filename).toBe(filename)
    expect(file.contentType).toBe(contentType)
    expect(file.body.startsWith(start)).toBe(true)
  })

  it.each([
    ['json', 'json'],
    ['JSON', 'json'],
    ['xml', 'stratml'],
    ['csv', 'csv'],
    ['pdf', undefined],
    ['', undefined],
    [null, undefined],
  ])('parseExportFormat(%j) → %j', (value, format) => {
    expect(parseExportFormat(value)).toBe(format)
  })
})

describe('readPlanExportJson: a file that is not a good export is refused with what is wrong', () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(serializePlanExport(buildPlanExport(loaded()))) as Record<string, unknown>
  const messages = (value: unknown) => {
    const read = checkPlanExport(value)
    return read.ok ? [] : read.problems.map((p) => p.message)
  }

  it('accepts the export as written', () => {
    expect(messages(good())).toEqual([])
  })

  it('names the line of a JSON syntax error', () => {
    const read = readPlanExportJson('{\n  "format": "lodestar-plan",\n  "version": 1,\n  oops\n}')
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems[0]?.message).toMatch(/^The file is not valid JSON: /)
    expect(read.problems[0]?.line).toBe(4)
  })

  it.each([
    [[], /not a Lodestar plan export/],
    [{ format: 'other' }, /not a Lodestar plan export/],
    [{ format: 'lodestar-plan', version: 2 }, /version 2; this Lodestar reads version 1/],
  ])('%j', (value, message) => {
    expect(messages(value)[0]).toMatch(message)
  })

  it('says which field is wrong', () => {
    const doc = good()
    const plan = doc.plan as Record<string, unknown>
    plan.startYear = 2030
    plan.slug = 'Not A Slug'
    plan.adoptedOn = 'June 2020'
    const goals = doc.goals as Record<string, unknown>[]
    ;(goals[1] as Record<string, unknown>).number = 1
    const initiatives = doc.initiatives as Record<string, unknown>[]
    ;(initiatives[0] as Record<string, unknown>).status = 'started'
    ;(initiatives[1] as Record<string, unknown>).section = 'nowhere'
    ;(initiatives[3] as Record<string, unknown>).objectives = ['9.9']
    ;(initiatives[3] as Record<string, unknown>).progress = 140
    // fields first, then what spans fields (the plan's years), then what refers to what
    expect(messages(doc)).toEqual([
      'plan.slug: use lowercase letters, digits and single hyphens only',
      'plan.adoptedOn: must be a date such as "2006-06-01" or null',
      'plan.endYear: the plan cannot end before it starts',
      'initiatives[0].status: must be one of proposed, planned, in-progress, completed, deferred, cancelled',
      'initiatives[3].progress: must be a whole number from 0 to 100',
      'goals[1].number: goal area 1 appears twice',
      'goals[1].objectives[0].number: objective 1.1 appears twice',
      'initiatives[1].section: "nowhere" is not one of the sections listed in "sections"',
      'initiatives[3].objectives[0]: the plan has no objective 9.9',
    ])
  })

  it('applies the rules a published initiative is saved under, and not to drafts (issue 13, item 11)', () => {
    const doc = good()
    const initiatives = doc.initiatives as Record<string, unknown>[]
    Object.assign(initiatives[0]!, {
      status: 'completed',
      completedDate: null,
      _status: 'published',
    })
    Object.assign(initiatives[1]!, {
      objectives: ['1.1'],
      startDate: '2022-05-01',
      targetDate: '2021-01-01',
      _status: 'published',
    })
    expect(messages(doc)).toEqual([
      'initiatives[0].completedDate: a completed initiative needs its completion date.',
      'initiatives[1].targetDate: the target date cannot be before the start date.',
    ])
    // Payload saves a draft without validating it; the import does the same
    Object.assign(initiatives[0]!, { _status: 'draft' })
    Object.assign(initiatives[1]!, { _status: 'draft' })
    expect(messages(doc)).toEqual([])
  })

  it('refuses rich text that is not Lexical, or nested without end', () => {
    const doc = good()
    ;(doc.plan as Record<string, unknown>).vision = '<p>html</p>'
    let deep: Record<string, unknown> = { type: 'text', text: 'x' }
    for (let i = 0; i < 100; i++) deep = { type: 'paragraph', children: [deep] }
    ;(doc.plan as Record<string, unknown>).mission = { root: { type: 'root', children: [deep] } }
    expect(messages(doc)).toEqual([
      'plan.vision: must be rich text ({ "root": { "type": "root", "children": [...] } }) or null',
      'plan.mission: rich text is nested too deeply or is too large',
    ])
  })

  it('refuses an export without goal areas', () => {
    const doc = good()
    doc.goals = []
    doc.initiatives = []
    expect(messages(doc)).toEqual([
      'goals: the plan has no goal areas, so there is nothing to import',
    ])
  })

  it('refuses a published initiative without objectives, and stops listing after 25 problems', () => {
    const doc = good()
    ;(doc.initiatives as Record<string, unknown>[])[0]!.objectives = []
    expect(messages(doc)).toEqual([
      'initiatives[0].objectives: a published initiative serves at least one objective',
    ])
    doc.initiatives = Array.from({ length: 60 }, () => ({
      title: '',
      section: 'serials',
      status: 'planned',
      objectives: ['1.1'],
    }))
    expect(messages(doc)).toHaveLength(25)
  })
})
