import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { seededRandom } from '@/lib/format/random'
import { slugify } from '@/lib/format/slug'
import { parsePlanText, planSummaryCounts } from '@/lib/import/text'
import type { ParsedGoal, ParsedPlan } from '@/lib/import/types'

const read = (relative: string): string =>
  fs.readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8')

const fixture = (name: string): string => read(`tests/fixtures/plans/${name}`)

/** A goal as the parser should return it: objectives numbered 1…n in order. */
const goal = (number: number, title: string, objectives: string[], description: string[] = []) => ({
  number,
  title,
  description,
  objectives: objectives.map((text, i) => ({ number: i + 1, text })),
})

const emptyPlan: ParsedPlan = {
  title: '',
  preamble: [],
  vision: [],
  mission: [],
  values: [],
  goals: [],
}

/** The robustness inputs are the same every run. */
const random = seededRandom

describe('ALCTS Strategic Plan 2006-2011, the page as published', () => {
  const text = read('data/plans/alcts-strategic-plan-2006-2011.txt')
  const { plan, warnings } = parsePlanText(text)

  const PREAMBLE = [
    'The ALCTS Strategic Plan 2006-2011 positions the division to advance changing models of the library collections and technical services profession, new roles and skills for library staff, and the evolving nature of the library in the digital environment. The Plan emphasizes collaboration and partnerships; the need to educate, recruit, and retain staff; and a flexible and responsive approach to change.',
    'The plan was adopted by the ALCTS Executive Board in June 2006 in New Orleans and is the culmination of many discussions among ALCTS members and section leaders that began two years before. It will form the basic road map for ALCTS over the next five years.',
    'In the coming months the sections will begin populating the Strategic Plan with tactical initiatives. Additional information about formulating your future in ALCTS based on this new Strategic Plan will be forthcoming.',
  ]
  const VISION =
    'The Association for Library Collections and Technical Services (ALCTS) is the recognized dynamic leader and authority for principles, standards, best practices, continuing education, and new developments in the selection, management, and preservation of all information resources.'
  const MISSION =
    'To shape and respond nimbly to all matters related to the selection, identification, acquisition, organization, management, retrieval, and preservation of recorded knowledge through education, publication, and collaboration.'

  const GOALS: [number, string, string[]][] = [
    [
      1,
      'ALCTS provides leadership in the management of information',
      [
        'identifies trends and major issues',
        'responds to changing conditions',
        'provides expert direction in organizing, accessing, and exchanging information',
        'recruits for collections and technical services positions in libraries',
        'communicates with members and external constituencies',
        'advocates for the value and importance of technical services and collections within institutions and the profession',
      ],
    ],
    [
      2,
      'ALCTS defines best practices and develops and promotes national and international standards',
      [
        'recommends and participates in the development of standards and best practices',
        'communicates and promotes the application and use of standards and best practices',
        'encourages and recognizes innovation',
      ],
    ],
    [
      3,
      'ALCTS provides and facilitates continuing education and fosters life-long learning',
      [
        'monitors needs for continuing education and life-long learning',
        'develops innovative programs and publications that are responsive to the needs of the membership',
        'provides opportunities to exchange information and share experiences',
        'delivers cost-effective programming and publications via a wide range of methods and technologies',
        'collaborates with other organizations to develop and promote continuing education opportunities',
      ],
    ],
    [
      4,
      'ALCTS collaborates with organizations with similar or complementary interests',
      [
        'establishes and strengthens interaction and collaboration with other units within ALA',
        'communicates and collaborates with outside organizations in the library, information, standards, and metadata communities',
        'develops strong relationships with library and information science programs to influence the curriculum to support the interests of the Association',
        'encourages entrepreneurial efforts',
        'fosters dialog and exchange of ideas',
      ],
    ],
    [
      5,
      'ALCTS is a viable, vibrant membership organization',
      [
        'develops an agile, flexible organizational structure to promote a dynamic environment',
        'emphasizes the importance and value of diversity',
        'operates in an efficient, responsive, and fiscally sound manner',
        'engages members in the work of the Association through face-to-face and virtual activities',
        'maintains and disseminates information about the Association',
        'retains and recruits members',
        'nurtures leadership development',
      ],
    ],
  ]

  it('reads the title, organization, period, adoption and revision date', () => {
    expect(plan.title).toBe('ALCTS Strategic Plan 2006-2011')
    expect(plan.organization).toBe('Association for Library Collections and Technical Services')
    expect(plan.startYear).toBe(2006)
    expect(plan.endYear).toBe(2011)
    expect(plan.adoptedOn).toBe('2006-06-01')
    expect(plan.adoptedBy).toBe('ALCTS Executive Board, New Orleans')
    expect(plan.lastRevised).toBe('2010-01-29')
    expect(slugify(plan.title)).toBe('alcts-strategic-plan-2006-2011')
  })

  it('keeps the preamble, vision and mission paragraphs verbatim and has no values', () => {
    expect(plan.preamble).toEqual(PREAMBLE)
    expect(plan.vision).toEqual([VISION])
    expect(plan.mission).toEqual([MISSION])
    expect(plan.values).toEqual([])
  })

  it('finds 5 goal areas with 6, 3, 5, 5 and 7 objectives', () => {
    expect(plan.goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5])
    expect(plan.goals.map((g) => g.objectives.length)).toEqual([6, 3, 5, 5, 7])
    expect(planSummaryCounts(plan)).toEqual({ goals: 5, objectives: 26 })
  })

  it.each(GOALS)(
    'goal area %i: title and every objective exactly as published',
    (n, title, objectives) => {
      expect(plan.goals[n - 1]).toEqual(goal(n, title, objectives))
    },
  )

  it('ignores the page furniture without warnings', () => {
    expect(warnings).toEqual([])
    const all = JSON.stringify(plan)
    for (const furniture of [
      'Log In Help',
      'membership card',
      'alcts@ala.org',
      'Copyright',
      'keyword',
    ]) {
      expect(all).not.toContain(furniture)
    }
  })

  it('gives the same plan for CRLF line endings, tabs and a byte-order mark', () => {
    const windows = `\ufeff${text.replace(/\n/g, '\r\n').replace(/^ {2}(\d)/gm, '\t$1')}`
    expect(parsePlanText(windows)).toEqual({ plan, warnings })
  })

  it('prefers options.organization and still derives the same title', () => {
    const result = parsePlanText(text, {
      organization: 'Association for Library Collections and Technical Services',
    })
    expect(result.plan).toEqual(plan)
  })
})

describe('"GOAL 1. TITLE." headings with descriptions and "Objective n." lines', () => {
  it('parses the fixture completely', () => {
    expect(parsePlanText(fixture('goal-keyword.txt'))).toEqual({
      plan: {
        title: 'SEA Strategic Plan 2019–2024',
        organization: 'Society of Example Archivists',
        startYear: 2019,
        endYear: 2024,
        adoptedOn: '2019-06-21',
        preamble: [
          'The Society of Example Archivists (SEA) prepared this plan after a year of member consultation.',
        ],
        vision: ['Archives that every community can find, trust and use.'],
        mission: ['The Society supports archivists through education, advocacy and standards.'],
        values: ['Access', 'Integrity', 'Collaboration'],
        goals: [
          goal(
            1,
            'MEMBERSHIP.',
            ['Increase membership by ten percent.', 'Retain early-career members.'],
            ['SEA grows and serves a diverse membership.'],
          ),
          goal(
            2,
            'Advocacy',
            [
              'Publish an annual report on the state of archives',
              'Meet legislators in every region, at least once a year.',
            ],
            ['The Society speaks for archives and archivists.'],
          ),
          goal(3, 'Standards', ['Maintain descriptive standards']),
        ],
      },
      warnings: [],
    })
  })
})

describe('roman-numeral goal areas', () => {
  const expectedGoals = [
    goal(1, 'Shared Collections', [
      'Expand the shared print program',
      'Coordinate retention commitments',
    ]),
    goal(2, 'Digital Services', [
      'Launch a shared discovery layer',
      'Migrate the institutional repository',
    ]),
    goal(3, 'Workforce', ['Offer a leadership institute', 'Fund conference travel for new staff']),
    goal(4, 'Governance', []),
    goal(5, 'Sustainability', [], ['The consortium reviews its finances every year.']),
  ]

  it('parses 1., 1), a. and 3.1 objectives and goal areas without objectives', () => {
    expect(parsePlanText(fixture('roman.txt'))).toEqual({
      plan: {
        // the cover line above the bare title names the organization
        title: 'Midwest Library Consortium Strategic Plan 2020-2025',
        organization: 'Midwest Library Consortium',
        startYear: 2020,
        endYear: 2025,
        adoptedOn: '2020-03-03',
        adoptedBy: 'Board of Directors',
        preamble: [],
        vision: ['Every library in the region shares what it has.'],
        mission: [
          'We connect member libraries through shared collections, services and staff development.',
        ],
        values: [],
        goals: expectedGoals,
      },
      warnings: [],
    })
  })

  it('puts options.organization in front of a bare "Strategic Plan" title', () => {
    const { plan } = parsePlanText(fixture('roman.txt'), {
      organization: 'Midwest Regional Library Consortium',
    })
    expect(plan.organization).toBe('Midwest Regional Library Consortium')
    expect(plan.title).toBe('Midwest Regional Library Consortium Strategic Plan 2020-2025')
    expect(plan.goals).toEqual(expectedGoals)
  })
})

describe('numbered goal areas with 1.1 objectives (markdown headings)', () => {
  it('parses the fixture completely', () => {
    expect(parsePlanText(fixture('numbered-goals.txt'))).toEqual({
      plan: {
        title: 'Strategic Framework 2021–2026',
        startYear: 2021,
        endYear: 2026,
        preamble: ['Prepared by the planning committee.'],
        vision: [],
        mission: [],
        values: ['Inclusion', 'Stewardship', 'Curiosity'],
        goals: [
          goal(1, 'Advocacy and Public Awareness', [
            'Increase public awareness of the value of libraries',
            'Build coalitions with allied organizations',
          ]),
          goal(2, 'Education', [
            'Offer online courses',
            'Publish practical guides',
            'Mentor new professionals',
          ]),
          goal(3, 'Research', []),
        ],
      },
      warnings: [],
    })
  })
})

describe('warnings for text inside the plan body', () => {
  it('reports misplaced objectives, numbering problems and stray paragraphs by line', () => {
    const { plan, warnings } = parsePlanText(fixture('warnings.txt'))
    expect(warnings).toEqual([
      { line: 5, message: 'objective before any goal area: "1. An objective before any goal"' },
      { line: 9, message: 'objective 3 in goal 1 follows 1: numbering is not sequential' },
      { line: 10, message: 'duplicate objective number 3 in goal 1' },
      { line: 12, message: 'could not place text: "This paragraph sits between two goals."' },
      { line: 14, message: 'duplicate goal number 1' },
      { line: 17, message: 'goal 4 follows goal 1: numbering is not sequential' },
    ])
    // the contact line after the last goal area is page furniture: neither kept nor warned about
    expect(plan.goals.map((g) => [g.number, g.title, g.description])).toEqual([
      [1, 'Access', []],
      [1, 'A second goal one', []],
      [4, 'Outreach', []],
    ])
    expect(plan.goals[0]?.objectives.map((o) => o.number)).toEqual([1, 3, 3])
  })

  it.each([
    [
      'a stray paragraph before a later section',
      'Strategic Plan 2019-2024\n\nGoal 1. A\n  1. a\n\nStray words.\n\nValues\n  - Care\n',
      [{ line: 6, message: 'could not place text: "Stray words."' }],
    ],
    [
      'text after the last goal area (furniture)',
      'Strategic Plan 2019-2024\n\nGoal 1. A\n  1. a\n\nStray words.\nHome | Contact\n',
      [],
    ],
    [
      'text before the title (furniture)',
      'Menu\n• Home\n1. Log in\nStrategic Plan 2019-2024\n\nGoal 1. A\n  1. a\n',
      [],
    ],
    [
      'a goal area without a title',
      'Strategic Plan 2019-2024\n\nGoal 1.\n\n  1. a\n',
      [{ line: 3, message: 'goal 1 has no title' }],
    ],
    [
      'an objective code of another goal',
      'Strategic Plan 2019-2024\n\nGoal 1: A\n1.1 a\n2.2 b\n',
      [{ line: 5, message: 'objective 2.2 is listed under goal 1' }],
    ],
    [
      'a sub-item under an objective',
      'Strategic Plan 2019-2024\n\nGoal 1: A\n1. a\n   - detail\n2. b\n',
      [{ line: 5, message: 'could not place sub-item under goal 1: "- detail"' }],
    ],
    [
      'intro text under the Goals heading',
      'Strategic Plan 2019-2024\n\nGoals\n\nThe plan has one goal.\n\nGoal 1: A\n',
      [{ line: 5, message: 'could not place text: "The plan has one goal."' }],
    ],
    [
      'text between the title and an explicit Preamble',
      'Strategic Plan 2019-2024\n\nStray intro.\n\nPreamble\nWords.\n\nGoal 1: A\n',
      [{ line: 3, message: 'could not place text: "Stray intro."' }],
    ],
    [
      'no goal areas',
      'Strategic Plan 2019-2024\n\nVision\nWords.\n',
      [{ line: 2, message: 'no goal areas found' }],
    ],
  ])('%s', (_name, text, expected) => {
    expect(parsePlanText(text).warnings).toEqual(expected)
  })
})

describe('headings, markers and metadata lines', () => {
  const plan = (body: string) => parsePlanText(`Strategic Plan 2019-2024\n\n${body}\n`)

  it.each([
    ['Preamble', 'preamble'],
    ['PREAMBLE', 'preamble'],
    ['Introduction', 'preamble'],
    ['Vision', 'vision'],
    ['Our Vision', 'vision'],
    ['VISION STATEMENT', 'vision'],
    ['## Our Vision', 'vision'],
    ['Mission', 'mission'],
    ['mission statement:', 'mission'],
    ['Our Mission', 'mission'],
    ['II. Mission', 'mission'],
    ['**Mission**', 'mission'],
  ] as const)('"%s" starts the %s', (heading, section) => {
    const { plan: parsed, warnings } = plan(
      `${heading}\nFirst line\nwrapped.\n\nSecond.\n\nGoal 1: A`,
    )
    expect(parsed[section]).toEqual(['First line wrapped.', 'Second.'])
    expect(warnings).toEqual([])
  })

  it.each(['Values', 'Core Values', 'OUR VALUES', 'values:'])(
    '"%s" starts a list of values',
    (heading) => {
      const { plan: parsed } = plan(
        `${heading}\n• Integrity\n* Service to\n  members\n- Collaboration\n\nGoal 1: A`,
      )
      expect(parsed.values).toEqual(['Integrity', 'Service to members', 'Collaboration'])
    },
  )

  it.each([
    ['Vision: To be the best.', 'vision', ['To be the best.']],
    ['Mission: We help.', 'mission', ['We help.']],
    [
      'Core Values: Integrity, Service; Collaboration',
      'values',
      ['Integrity', 'Service', 'Collaboration'],
    ],
    [
      'Values: We value each other, and we say so.',
      'values',
      ['We value each other, and we say so.'],
    ],
  ] as const)('an inline heading "%s"', (line, section, expected) => {
    expect(plan(`${line}\n\nGoal 1: A`).plan[section]).toEqual(expected)
  })

  it.each([
    ['Goal 1: Advocacy', 'Advocacy'],
    ['GOAL 1. ADVOCACY.', 'ADVOCACY.'],
    ['goal 1 – Advocacy', 'Advocacy'],
    ['Goal 1 Advocacy', 'Advocacy'],
    ['Goal Area 1.\nAdvocacy', 'Advocacy'],
    ['Goal Area 1\n\nAdvocacy for\nlibraries', 'Advocacy for libraries'],
    ['Goal I: Advocacy', 'Advocacy'],
    ['Goal A: Advocacy', 'Advocacy'],
    ['Strategic Priority 1: Advocacy', 'Advocacy'],
    ['## Goal 1: Advocacy', 'Advocacy'],
    ['**Goal 1: Advocacy**', 'Advocacy'],
    ['**Goal 1:** Advocacy', 'Advocacy'],
    ['I. Advocacy', 'Advocacy'],
  ])('goal heading %j', (heading, title) => {
    const result = plan(`${heading}\n\n  1. Speak up`)
    expect(result.plan.goals).toEqual([goal(1, title, ['Speak up'])])
    expect(result.warnings).toEqual([])
  })

  it('keeps prose that starts with "Goal" in its paragraph', () => {
    const result = plan('Vision\nGoal 1 is to be the best.\n\nGoal 1: A')
    expect(result.plan.vision).toEqual(['Goal 1 is to be the best.'])
    expect(result.plan.goals).toHaveLength(1)
  })

  it.each([
    [['1. a', '2. b']],
    [['1) a', '2) b']],
    [['(1) a', '(2) b']],
    [['a. a', 'b. b']],
    [['(a) a', '(b) b']],
    [['A. a', 'B. b']],
    [['i. a', 'ii. b']],
    [['1.1 a', '1.2 b']],
    [['1.1. a', '1.2. b']],
    [['Objective 1. a', 'Objective 2. b']],
    [['Objective 1.1: a', 'Objective 1.2: b']],
    [['OBJECTIVE A - a', 'OBJECTIVE B - b']],
    [['• a', '• b']],
    [['- a', '- b']],
  ])('objective markers %j', (lines) => {
    const result = plan(`Goal 1: A\n${lines.map((l) => `  ${l}`).join('\n')}`)
    expect(result.plan.goals).toEqual([goal(1, 'A', ['a', 'b'])])
    expect(result.warnings).toEqual([])
  })

  it('skips an "Objectives:" label above the list', () => {
    const result = plan('Goal 1: A\nObjectives:\n  1. a\n  2. b\n\nGoal 2: B\nStrategies\n  - c')
    expect(result.plan.goals).toEqual([goal(1, 'A', ['a', 'b']), goal(2, 'B', ['c'])])
    expect(result.warnings).toEqual([])
  })

  it('reads "1. Title" + "1.1 …" as a goal area even right after the mission', () => {
    const result = parsePlanText(
      [
        'Home',
        'Strategic Plan',
        'About',
        '',
        'Strategic Plan 2019-2024',
        '',
        'Mission',
        'We help.',
        '',
        '1. Advocacy',
        '   1.1 Speak',
        '   1.2 Write',
        '2. Education',
        '   2.1 Teach',
        '',
        'Contact us: plans@example.org',
      ].join('\n'),
    )
    expect(result.plan.title).toBe('Strategic Plan 2019-2024')
    expect(result.plan.mission).toEqual(['We help.'])
    expect(result.plan.goals).toEqual([
      goal(1, 'Advocacy', ['Speak', 'Write']),
      goal(2, 'Education', ['Teach']),
    ])
    expect(result.warnings).toEqual([])
  })

  it('reads an unnumbered heading + "1.1 …" as a goal area, in any section', () => {
    const result = parsePlanText(
      [
        'ACME Association Strategic Plan 2020–2023',
        '',
        'Mission',
        'We serve.',
        '',
        'Membership',
        '1.1 Grow membership by ten percent.',
        '1.2 Retain members.',
        'Advocacy',
        '2.1 Speak for libraries.',
      ].join('\n'),
    )
    expect(result.plan.organization).toBe('ACME Association')
    expect(result.plan.mission).toEqual(['We serve.'])
    expect(result.plan.goals).toEqual([
      goal(1, 'Membership', ['Grow membership by ten percent.', 'Retain members.']),
      goal(2, 'Advocacy', ['Speak for libraries.']),
    ])
    expect(result.warnings).toEqual([])
  })

  it('reads unnumbered headings over "Strategy 1.1" items and keeps the wording', () => {
    const result = plan(
      'Strategic Priorities\n\n**Member Engagement**\n\nStrategy 1.1 Meet.\nStrategy 1.2 Publish.\n\n' +
        '## Advocacy\n\nStrategy 2.1 Lobby.',
    )
    expect(result.plan.goals).toEqual([
      goal(1, 'Member Engagement', ['Meet.', 'Publish.']),
      goal(2, 'Advocacy', ['Lobby.']),
    ])
    expect(result.plan.objectiveLabel).toBe('Strategy')
    expect(result.warnings).toEqual([])
  })

  it.each(['Our Priorities', 'Strategic Focus Areas', 'Pillars', 'STRATEGIC THEMES'])(
    'reads headings over bullets as goal areas under "%s"',
    (section) => {
      const result = plan(`${section}\n\nMembership\n- Grow\n\nAdvocacy\n- Speak`)
      expect(result.plan.goals).toEqual([
        goal(1, 'Membership', ['Grow']),
        goal(2, 'Advocacy', ['Speak']),
      ])
      expect(result.warnings).toEqual([])
    },
  )

  it('reads headings over lists as goal areas under a "Goals" heading only', () => {
    const goals = plan('Our Goals\n\nMembership\n\n1. Grow\n2. Keep\n\nAdvocacy\n- Speak\n- Write')
    expect(goals.plan.goals).toEqual([
      goal(1, 'Membership', ['Grow', 'Keep']),
      goal(2, 'Advocacy', ['Speak', 'Write']),
    ])
    expect(goals.warnings).toEqual([])
    // a list in the preamble stays prose; a heading over "2.1" is not goal 1; a sentence is no heading
    const prose = plan(
      'Preamble\n\nOur aims\n\n1. Grow\n\nGoals\n\nMembership\n2.1 Grow\n\nWe will grow.\n- a',
    )
    expect(prose.plan.goals).toEqual([])
    expect(prose.plan.preamble).toEqual(['Our aims', '1. Grow'])
  })

  it('never makes a wrapped objective line a heading', () => {
    const result = plan('Goals\n\nMembership\n\n1. Work with the Library of\nCongress\n2. Keep')
    expect(result.plan.goals).toEqual([
      goal(1, 'Membership', ['Work with the Library of Congress', 'Keep']),
    ])
  })

  it('skips a table of contents, with or without dot leaders', () => {
    for (const toc of [
      'Contents\n\nOur Mission 3\nGoal 1: Members 4\nGoal 2: Learning    5',
      'Goal 1: Members ........ 4\nGoal 2: Learning . . . . . 5',
      '**Table of Contents**\nGoal 1: Members 4\n\nGoal 2: Learning 5',
    ]) {
      const result = plan(
        `${toc}\n\nMission\nWe help.\n\nGoal 1: Members\n1. Grow\n\nGoal 2: Learning\n1. Teach 12`,
      )
      expect(result.plan.goals).toEqual([
        goal(1, 'Members', ['Grow']),
        goal(2, 'Learning', ['Teach 12']),
      ])
      expect(result.plan.mission).toEqual(['We help.'])
      expect(result.warnings).toEqual([])
    }
  })

  it('takes the organization from the cover line above a bare "Strategic Plan 2024–2027"', () => {
    const result = parsePlanText(
      'Northwest Museum Association\n\nStrategic Plan 2024–2027\n\nGoal 1: Members\n1. Grow\n',
    )
    expect(result.plan.organization).toBe('Northwest Museum Association')
    expect(result.plan.title).toBe('Northwest Museum Association Strategic Plan 2024–2027')
    // a navigation line or a sentence above the title is no organization
    for (const above of ['Member Login', 'Prepared for the Museum Association.', 'Draft 3']) {
      const other = parsePlanText(
        `${above}\n\nStrategic Plan 2024–2027\n\nGoal 1: Members\n1. Grow\n`,
      )
      expect(other.plan.organization).toBeUndefined()
    }
  })

  it('joins an objective wrapped over several lines', () => {
    const result = plan('Goal 1: A\n  1. first part\n     second part\n  2. b')
    expect(result.plan.goals[0]?.objectives.map((o) => o.text)).toEqual([
      'first part second part',
      'b',
    ])
  })

  it('takes the text of "Objective 1:" from the next line', () => {
    const result = plan('Goal 1: A\nObjective 1:\nGrow.\nObjective 2:\n\nShrink.')
    expect(result.plan.goals[0]?.objectives).toEqual([
      { number: 1, text: 'Grow.' },
      { number: 2, text: 'Shrink.' },
    ])
  })

  it.each([
    ['Strategic Plan 2019–2024', 'Strategic Plan 2019–2024', 2019, 2024],
    ['Strategic Plan 2019-2024', 'Strategic Plan 2019-2024', 2019, 2024],
    ['STRATEGIC PLAN 2019 - 2024', 'Strategic Plan 2019 - 2024', 2019, 2024],
    ['Strategic Plan, 2019–24', 'Strategic Plan, 2019–24', 2019, 2024],
    ['Strategic Plan FY2019–FY2024', 'Strategic Plan FY2019–FY2024', 2019, 2024],
    ['Strategic Plan 2019 to 2024', 'Strategic Plan 2019 to 2024', 2019, 2024],
    [
      'THE FRIENDS OF THE LIBRARY STRATEGIC PLAN 2019–2024',
      'The Friends of the Library Strategic Plan 2019–2024',
      2019,
      2024,
    ],
    ['Library Roadmap 2030-2035', 'Library Roadmap 2030-2035', 2030, 2035],
    ['Strategic Plan', 'Strategic Plan', undefined, undefined],
  ])('title line %j', (line, title, startYear, endYear) => {
    const { plan: parsed } = parsePlanText(`${line}\n\nGoal 1: A\n`)
    expect(parsed.title).toBe(title)
    expect(parsed.startYear).toBe(startYear)
    expect(parsed.endYear).toBe(endYear)
  })

  it('takes the period from its own line when the title has none', () => {
    const { plan: parsed } = parsePlanText('Strategic Plan\n2019–2024\n\nGoal 1: A\n')
    expect([parsed.title, parsed.startYear, parsed.endYear]).toEqual(['Strategic Plan', 2019, 2024])
  })

  it.each([
    ['Adopted June 21, 2019', '2019-06-21', undefined],
    ['Adopted: 21 June 2019', '2019-06-21', undefined],
    ['Adopted 2019-06-21', '2019-06-21', undefined],
    ['Adopted June 2019', '2019-06-01', undefined],
    ['Approved by the Board of Directors on June 21, 2019', '2019-06-21', 'Board of Directors'],
    ['Adopted by the Council, January 2020', '2020-01-01', 'Council'],
    ['Ratified by the membership on 3/15/2021', '2021-03-15', 'membership'],
    ['Approved by the Executive Board at Midwinter', undefined, 'Executive Board, Midwinter'],
    [
      'Preamble\nThe plan was adopted by the XYZ Board in June 2006 in New Orleans and guides us.',
      '2006-06-01',
      'XYZ Board, New Orleans',
    ],
    [
      'Preamble\nThe plan was adopted by the Board of Trustees in Washington, D.C. on Sept. 5, 2018.',
      '2018-09-05',
      'Board of Trustees, Washington',
    ],
  ])('adoption %j', (line, adoptedOn, adoptedBy) => {
    const { plan: parsed, warnings } = plan(`${line}\n\nGoal 1: A`)
    expect(parsed.adoptedOn).toBe(adoptedOn)
    expect(parsed.adoptedBy).toBe(adoptedBy)
    expect(warnings).toEqual([])
  })

  it.each([
    ['Last Revised: January 29, 2010', '2010-01-29'],
    ['Last updated March 5, 2021', '2021-03-05'],
    ['Revised: 2012-02-30', undefined],
    ['Page last modified on 1 April 2020', '2020-04-01'],
  ])('revision date %j', (line, lastRevised) => {
    expect(
      parsePlanText(`Strategic Plan 2019-2024\n\nGoal 1: A\n\n${line}\n`).plan.lastRevised,
    ).toBe(lastRevised)
  })

  it('detects the organization from "The Name (ABBR)" and names the plan after it', () => {
    const { plan: parsed } = parsePlanText(
      'STRATEGIC PLAN 2019-2024\n\nVision\nThe Library Leadership and Management Association (LLAMA) leads.\n\nGoal 1: A\n',
    )
    expect(parsed.organization).toBe('Library Leadership and Management Association')
    expect(parsed.title).toBe('LLAMA Strategic Plan 2019-2024')
  })
})

describe('robustness', () => {
  it('returns an empty plan with warnings for empty input', () => {
    expect(parsePlanText('')).toEqual({
      plan: emptyPlan,
      warnings: [
        { line: 1, message: 'no plan title found' },
        { line: 1, message: 'no goal areas found' },
      ],
    })
  })

  it.each([
    ['whitespace', ' \n\t\n\r\n  ', []],
    ['control characters', '\u0000\u0001\u0002\u001b[31m\u007f\ufffd', []],
    ['a lone heading', 'Goal', []],
    ['a lone goal', 'Goal 1.', [1]],
    ['a lone marker', '1.', []],
    ['a lone abbreviation', '(ALCTS)', []],
    ['a dangling adoption', 'adopted by', []],
    ['a title only', 'Strategic Plan', []],
    ['lone surrogates', '\ud800\udc00\ud800 Goal 1: \udfff', []],
  ])('never throws on %s, and says what is missing', (_name, text, goals) => {
    const result = parsePlanText(text)
    expect(result.plan.goals.map((g) => g.number)).toEqual(goals)
    expect(result.plan.goals.every((g) => g.objectives.length === 0)).toBe(true)
    // nothing here is a usable plan: the reader is told so
    expect(result.warnings.length).toBeGreaterThan(0)
  })

  it('does not treat a non-string as text', () => {
    expect(parsePlanText(undefined as unknown as string).plan).toEqual(emptyPlan)
  })

  it('survives binary garbage', () => {
    const next = random(7)
    const bytes = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(next() * 256)))
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
      const result = parsePlanText(text)
      expect(result.plan.goals.every((g) => Number.isInteger(g.number))).toBe(true)
    }
  })

  it('parses 100,000 lines of noise in well under a second', () => {
    const next = random(42)
    const tokens = [
      'Goal',
      '1.',
      '(ALCTS)',
      'adopted',
      'by',
      'the',
      'Board',
      'in',
      'June',
      '2006',
      '-',
      '•',
      'I.',
      'Vision',
      'Strategic',
      'Plan',
      '2019–2024',
      'a)',
      '1.1',
      'Objective',
      '    ',
      '\t',
      'The',
      'Association',
      'for',
      'x@y.org',
      'Last Revised:',
      'Goals',
      '',
      '(',
      ')',
      '.',
      ',',
    ]
    const lines: string[] = []
    for (let i = 0; i < 100_000; i++) {
      const words: string[] = []
      for (let j = Math.floor(next() * 8); j > 0; j--) {
        words.push(tokens[Math.floor(next() * tokens.length)] ?? '')
      }
      lines.push(words.join(next() < 0.5 ? ' ' : ''))
    }
    const text = lines.join('\n')
    // CPU time, not wall time: what the parser costs, whatever else the machine is running
    const started = process.cpuUsage()
    const result = parsePlanText(text)
    const used = process.cpuUsage(started)
    expect((used.user + used.system) / 1000).toBeLessThan(1000)
    expect(result.warnings.every((w) => w.line >= 1 && w.line <= 100_001)).toBe(true)
  })

  it.each([
    ['a long chain of dots', '1.'.repeat(200_000) + 'x'],
    ['a long run of spaces', `Goal 1${' '.repeat(200_000)}x\nStrategic Plan${' '.repeat(200_000)}`],
    ['many abbreviations', '(AB) '.repeat(200_000)],
    ['many adoption words', 'adopted by the '.repeat(100_000)],
    ['a long name before an abbreviation', 'The Association of '.repeat(50_000) + '(ALCTS)'],
    ['a million blank lines', '\n'.repeat(1_000_000)],
    ['a long run of spaces before a newline', `a${' '.repeat(200_000)}b\n${' '.repeat(200_000)}\n`],
    [
      '100,000 goal areas',
      Array.from({ length: 100_000 }, (_, i) => `Goal ${i % 999}: T\n  1. o`).join('\n'),
    ],
  ])(
    'stays linear on %s',
    (_name, text) => {
      // A quadratic path would take minutes here (measured: ~1 s when linear on a quiet machine);
      // the generous bound absorbs a busy 2-core CI machine without hiding a quadratic parse.
      const started = performance.now()
      parsePlanText(text)
      parsePlanText(text, { organization: 'The Big Organization' })
      expect(performance.now() - started).toBeLessThan(15_000)
    },
    30_000,
  )

  it('never throws on random plan-shaped documents', () => {
    const next = random(2024)
    const pieces = [
      'Goal 1.',
      'GOAL 2: X',
      'Goal Area 3.',
      'I. Title',
      'IV. T',
      '1. obj',
      '2) obj',
      '1.1 obj',
      '3.2.1 sub',
      'a. obj',
      'iv. obj',
      '• item',
      '- item',
      'Objective 1:',
      'Objective 2.3 x',
      'Vision',
      'Mission:',
      'Core Values: a, b',
      'Preamble',
      'Goals',
      'Strategic Plan 2019–2024',
      'Adopted by the Board in June 2006 in Paris',
      'Last revised: May 1, 2020',
      'Copyright ©',
      'text',
      'more text',
      '',
      '',
      '   ',
      'The Big Org (TBO) does',
      'x@y.org',
      '2019-2024',
    ]
    for (let doc = 0; doc < 300; doc++) {
      const lines: string[] = []
      for (let i = Math.floor(next() * 40); i > 0; i--) {
        const indent = next() < 0.3 ? '   ' : ''
        lines.push(indent + (pieces[Math.floor(next() * pieces.length)] ?? ''))
      }
      const text = lines.join('\n')
      const { plan, warnings } = parsePlanText(text)
      for (const g of plan.goals as ParsedGoal[]) {
        expect(Number.isInteger(g.number) && g.number > 0).toBe(true)
        expect(g.objectives.every((o) => Number.isInteger(o.number) && o.number > 0)).toBe(true)
      }
      expect(warnings.every((w) => w.line >= 1 && w.line <= lines.length + 1)).toBe(true)
    }
  })
})

describe('planSummaryCounts', () => {
  it.each([
    [[], { goals: 0, objectives: 0 }],
    [[goal(1, 'A', [])], { goals: 1, objectives: 0 }],
    [[goal(1, 'A', ['a', 'b']), goal(2, 'B', ['c'])], { goals: 2, objectives: 3 }],
  ])('%j', (goals, expected) => {
    expect(planSummaryCounts({ ...emptyPlan, goals })).toEqual(expected)
  })
})
