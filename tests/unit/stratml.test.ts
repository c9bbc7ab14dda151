import fs from 'node:fs'

import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { escapeXml, planToStratML, STRATML_NAMESPACE } from '@/lib/export/stratml'
import { decodeEntities, parseStratML } from '@/lib/import/stratml'
import { parsePlanText } from '@/lib/import/text'
import type { ParsedPlan } from '@/lib/import/types'

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/plans/${name}`, 'utf8')

/** A StratML Part 1 plan as other tools write it: prefixed namespace, identifiers, stakeholders. */
const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<stratml:StrategicPlan xmlns:stratml="${STRATML_NAMESPACE}"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <stratml:Name>Society of Example Archivists Strategic Plan 2019–2024</stratml:Name>
  <stratml:Description>The plan sets out where the Society goes next.

It was written with the members.</stratml:Description>
  <stratml:OtherInformation>Adopted on 2019-06-21 by the SEA Council, Chicago.</stratml:OtherInformation>
  <stratml:StrategicPlanCore>
    <stratml:Organization>
      <stratml:Name>Society of Example Archivists</stratml:Name>
      <stratml:Acronym>SEA</stratml:Acronym>
      <stratml:Identifier>_sea</stratml:Identifier>
      <stratml:Stakeholder><stratml:Name>Members</stratml:Name></stratml:Stakeholder>
    </stratml:Organization>
    <stratml:Vision>
      <stratml:Description>Archives that every community can find, trust &amp; use.</stratml:Description>
    </stratml:Vision>
    <stratml:Mission>
      <stratml:Description>To support archivists through education &#x26; advocacy.</stratml:Description>
    </stratml:Mission>
    <stratml:Value><stratml:Name>Access</stratml:Name></stratml:Value>
    <stratml:Value>
      <stratml:Name>Integrity</stratml:Name>
      <stratml:Description>We say what we do.</stratml:Description>
    </stratml:Value>
    <stratml:Goal>
      <stratml:Name>Membership</stratml:Name>
      <stratml:Description>SEA grows and serves a diverse membership.</stratml:Description>
      <stratml:Identifier>_g1</stratml:Identifier>
      <stratml:SequenceIndicator>1</stratml:SequenceIndicator>
      <stratml:Objective>
        <stratml:Name>Grow</stratml:Name>
        <stratml:Description>Increase membership by ten percent.</stratml:Description>
        <stratml:SequenceIndicator>1.1</stratml:SequenceIndicator>
      </stratml:Objective>
      <stratml:Objective>
        <stratml:Description>Retain early-career members.</stratml:Description>
        <stratml:SequenceIndicator>1.2</stratml:SequenceIndicator>
      </stratml:Objective>
    </stratml:Goal>
    <stratml:Goal>
      <stratml:Name>Advocacy</stratml:Name>
      <stratml:Description/>
      <stratml:SequenceIndicator>II</stratml:SequenceIndicator>
      <stratml:Objective>
        <stratml:Name>Meet legislators in every region</stratml:Name>
        <stratml:SequenceIndicator>b</stratml:SequenceIndicator>
      </stratml:Objective>
    </stratml:Goal>
  </stratml:StrategicPlanCore>
  <stratml:AdministrativeInformation>
    <stratml:StartDate>2019-07-01</stratml:StartDate>
    <stratml:EndDate>2024-06-30</stratml:EndDate>
    <stratml:PublicationDate>2020-01-15</stratml:PublicationDate>
    <stratml:Source>https://example.org/plan</stratml:Source>
  </stratml:AdministrativeInformation>
</stratml:StrategicPlan>
`

const plan = (overrides: Partial<ParsedPlan> = {}): ParsedPlan => ({
  title: 'Plan 2020-2025',
  organization: 'Example Association',
  startYear: 2020,
  endYear: 2025,
  preamble: [],
  vision: [],
  mission: [],
  values: [],
  goals: [
    { number: 1, title: 'Goal', description: [], objectives: [{ number: 1, text: 'Objective' }] },
  ],
  ...overrides,
})

describe('parseStratML: a Part 1 plan', () => {
  const { plan: read, warnings, error } = parseStratML(SAMPLE)

  it('reads the plan, its organization, vision, mission, values and dates', () => {
    expect(error).toBeUndefined()
    expect(warnings).toEqual([])
    expect(read).toMatchObject({
      title: 'Society of Example Archivists Strategic Plan 2019–2024',
      organization: 'Society of Example Archivists',
      startYear: 2019,
      endYear: 2024,
      adoptedOn: '2019-06-21',
      adoptedBy: 'the SEA Council, Chicago',
      lastRevised: '2020-01-15',
      preamble: [
        'The plan sets out where the Society goes next.',
        'It was written with the members.',
      ],
      vision: ['Archives that every community can find, trust & use.'],
      mission: ['To support archivists through education & advocacy.'],
      values: ['Access', 'Integrity: We say what we do.'],
    })
  })

  it('reads goals and objectives with their sequence indicators (numbers, roman numerals, letters, codes)', () => {
    expect(read.goals).toEqual([
      {
        number: 1,
        title: 'Membership',
        description: ['SEA grows and serves a diverse membership.'],
        objectives: [
          { number: 1, text: 'Grow: Increase membership by ten percent.' },
          { number: 2, text: 'Retain early-career members.' },
        ],
      },
      {
        number: 2,
        title: 'Advocacy',
        description: [],
        objectives: [{ number: 2, text: 'Meet legislators in every region' }],
      },
    ])
  })

  it('keeps its keys in ParsedPlan order, as the text parser does', () => {
    expect(Object.keys(read)).toEqual([
      'title',
      'organization',
      'startYear',
      'endYear',
      'adoptedOn',
      'adoptedBy',
      'lastRevised',
      'preamble',
      'vision',
      'mission',
      'values',
      'goals',
    ])
  })
})

describe('parseStratML: what real files do', () => {
  const wrap = (core: string, head = '<Name>P 2020-2022</Name>') =>
    `<StrategicPlan xmlns="${STRATML_NAMESPACE}">${head}<StrategicPlanCore>${core}</StrategicPlanCore></StrategicPlan>`

  it('numbers goals and objectives by position when they have no SequenceIndicator', () => {
    const { plan: read, warnings } = parseStratML(
      wrap(
        '<Goal><Name>A</Name><Objective><Name>x</Name></Objective><Objective><Name>y</Name></Objective></Goal><Goal><Name>B</Name></Goal>',
      ),
    )
    expect(read.goals.map((g) => [g.number, g.title, g.objectives.map((o) => o.number)])).toEqual([
      [1, 'A', [1, 2]],
      [2, 'B', []],
    ])
    expect(warnings).toEqual([])
    expect(read).toMatchObject({ startYear: 2020, endYear: 2022 })
  })

  it.each([
    ['3', 3],
    ['Goal 4', 4],
    ['IV', 4],
    ['ix', 9],
    ['c', 3],
    ['l', 12],
    ['7.', 7],
  ])('reads the goal SequenceIndicator "%s" as %i', (indicator, number) => {
    const { plan: read } = parseStratML(
      wrap(`<Goal><Name>A</Name><SequenceIndicator>${indicator}</SequenceIndicator></Goal>`),
    )
    expect(read.goals[0]?.number).toBe(number)
  })

  it('warns, with the line, about a SequenceIndicator that is no number and about a misfiled objective', () => {
    const xml = [
      `<StrategicPlan xmlns="${STRATML_NAMESPACE}"><Name>P</Name><StrategicPlanCore>`,
      '<Goal><Name>A</Name><SequenceIndicator>first</SequenceIndicator>',
      '<Objective><Name>x</Name><SequenceIndicator>2.1</SequenceIndicator></Objective>',
      '</Goal></StrategicPlanCore></StrategicPlan>',
    ].join('\n')
    const { plan: read, warnings } = parseStratML(xml)
    expect(read.goals[0]?.number).toBe(1)
    expect(warnings).toEqual([
      {
        line: 2,
        message: 'goal SequenceIndicator "first" is not a number: numbered 1 by its position',
      },
      { line: 3, message: 'objective 2.1 is listed under goal 1' },
    ])
  })

  it('turns XHTML paragraphs inside a description into paragraphs, and keeps CDATA literal', () => {
    const { plan: read } = parseStratML(
      wrap(
        '<Vision><Description><p xmlns="http://www.w3.org/1999/xhtml">One <b>bold</b> idea.</p><p>Two.</p></Description></Vision>' +
          '<Mission><Description><![CDATA[Keep &amp; as written <x>]]></Description></Mission><Goal><Name>A</Name></Goal>',
      ),
    )
    expect(read.vision).toEqual(['One bold idea.', 'Two.'])
    expect(read.mission).toEqual(['Keep &amp; as written <x>'])
  })

  it('warns about goals without names, empty objectives, extra organizations and unknown elements', () => {
    const xml = [
      `<StrategicPlan xmlns="${STRATML_NAMESPACE}"><Name>P</Name><StrategicPlanCore>`,
      '<Organization><Name>First</Name></Organization>',
      '<Organization><Name>Second</Name></Organization>',
      '<Goal><Description>no name</Description><Objective><SequenceIndicator>1</SequenceIndicator></Objective>',
      '<Widget>?</Widget></Goal>',
      '</StrategicPlanCore></StrategicPlan>',
    ].join('\n')
    const { plan: read, warnings } = parseStratML(xml)
    expect(read.organization).toBe('First')
    expect(read.goals[0]?.objectives).toEqual([])
    expect(warnings).toEqual([
      { line: 3, message: 'the plan names 2 organizations; only the first, "First", is kept' },
      { line: 4, message: 'goal 1 has no <Name>: no title' },
      { line: 4, message: 'objective 1.1 has no name or description: left out' },
      { line: 5, message: '<Widget> is not part of StratML Part 1: left out' },
    ])
  })

  it('reads a Part 2 PerformancePlanOrReport the same way', () => {
    const xml = `<PerformancePlanOrReport xmlns="urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"><Name>R</Name><StrategicPlanCore><Goal><Name>A</Name><Objective><Name>x</Name><PerformanceIndicator/></Objective></Goal></StrategicPlanCore></PerformancePlanOrReport>`
    const { plan: read, warnings, error } = parseStratML(xml)
    expect(error).toBeUndefined()
    expect(warnings).toEqual([])
    expect(read.goals[0]?.objectives).toEqual([{ number: 1, text: 'x' }])
  })

  it('warns when there is no core or no goal, without failing', () => {
    expect(parseStratML(`<StrategicPlan><Name>P</Name></StrategicPlan>`).warnings).toEqual([
      { line: 1, message: 'the plan has no <StrategicPlanCore>: no goal areas found' },
    ])
    expect(parseStratML(wrap('<Vision><Description>v</Description></Vision>')).warnings).toEqual([
      { line: 1, message: 'no goal areas found (no <Goal> elements)' },
    ])
  })
})

describe('parseStratML: unusable or hostile XML gives a message, never an exception', () => {
  it.each([
    ['', 'The StratML document is empty.'],
    ['   \n ', 'The StratML document is empty.'],
    ['<StrategicPlan><Name>x</StrategicPlan>', /^The XML is not well-formed \(line 1\): /],
    ['<a><b></a>', /^The XML is not well-formed/],
    ['not xml at all', /^The XML is not well-formed/],
    ['<Plan><Name>x</Name></Plan>', /its root element is <Plan>/],
  ])('%j', (xml, message) => {
    const result = parseStratML(xml)
    expect(result.error?.message).toMatch(message)
    expect(result.plan.goals).toEqual([])
  })

  it('refuses a DOCTYPE outright, naming its line (entity expansion, external entities)', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<StrategicPlan><Name>&lol2;</Name></StrategicPlan>`
    const result = parseStratML(bomb)
    expect(result.error).toEqual({
      line: 2,
      message: expect.stringMatching(/DOCTYPE/) as unknown as string,
    })
    expect(result.plan.title).toBe('')
    const xxe = `<!DOCTYPE StrategicPlan [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><StrategicPlan><Name>&xxe;</Name></StrategicPlan>`
    expect(parseStratML(xxe).error?.message).toMatch(/refuses DTDs and entities/)
  })

  it('leaves undeclared entities as they are written', () => {
    const result = parseStratML(
      `<StrategicPlan><Name>A &nbsp; B &unknown;</Name><StrategicPlanCore><Goal><Name>G</Name></Goal></StrategicPlanCore></StrategicPlan>`,
    )
    expect(result.plan.title).toBe('A &nbsp; B &unknown;')
  })

  it('refuses nesting deeper than any plan needs', () => {
    const deep = `<StrategicPlan>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</StrategicPlan>`
    expect(parseStratML(deep).error?.message).toMatch(/nests elements more than 40 levels/)
  })

  it('refuses more than 2 MB', () => {
    const big = `<StrategicPlan><Name>${'x'.repeat(2 * 1024 * 1024)}</Name></StrategicPlan>`
    expect(parseStratML(big).error?.message).toMatch(/plans over 2 MB are refused/)
  })

  it.each([undefined, null, 42, {}])('takes a non-string (%j) as empty', (value) => {
    expect(parseStratML(value as unknown as string).error?.message).toBe(
      'The StratML document is empty.',
    )
  })
})

describe('decodeEntities', () => {
  it.each([
    ['a &amp; b', 'a & b'],
    ['&lt;x&gt; &quot;q&quot; &apos;s&apos;', `<x> "q" 's'`],
    ['&#233;t&#xE9;', 'été'],
    ['&amp;lt;', '&lt;'],
    ['&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'],
    ['&copy; &foo', '&copy; &foo'],
    ['no entities', 'no entities'],
  ])('%j → %j', (input, output) => {
    expect(decodeEntities(input)).toBe(output)
  })
})

describe('planToStratML', () => {
  const alcts = parsePlanText(
    fs.readFileSync('data/plans/alcts-strategic-plan-2006-2011.txt', 'utf8'),
  ).plan

  it('writes well-formed XML in the schema’s element order', () => {
    const xml = planToStratML(alcts)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core"',
      ),
    ).toBe(true)
    const order = [
      '<Name>',
      '<Description>',
      '<OtherInformation>',
      '<StrategicPlanCore>',
      '<Organization>',
      '<Vision>',
      '<Mission>',
      '<Goal>',
      '<AdministrativeInformation>',
      '<StartDate>2006-01-01</StartDate>',
      '<EndDate>2011-12-31</EndDate>',
    ]
    const positions = order.map((tag) => xml.indexOf(tag))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(xml).toContain('<Acronym>ALCTS</Acronym>')
    expect(xml).toContain('<SequenceIndicator>4.2</SequenceIndicator>')
    // Goal → Name, Description (required, even empty), SequenceIndicator, then objectives
    expect(xml).toMatch(
      /<Goal>\n\s+<Name>ALCTS provides leadership in the management of information<\/Name>\n\s+<Description\/>\n\s+<SequenceIndicator>1<\/SequenceIndicator>\n\s+<Objective>/,
    )
  })

  it('reads back as the same plan (the ALCTS plan and each fixture shape)', () => {
    for (const source of [
      alcts,
      ...['goal-keyword.txt', 'numbered-goals.txt', 'roman.txt'].map(
        (f) => parsePlanText(fixture(f)).plan,
      ),
    ]) {
      const back = parseStratML(planToStratML(source))
      expect(back.error).toBeUndefined()
      expect(back.plan).toEqual(source)
    }
  })

  it('escapes markup and drops characters XML cannot carry', () => {
    const tricky = plan({
      title: 'R&D <plan> "2020" it’s ünïcödé 😀',
      values: ['a < b & c > d'],
      goals: [
        {
          number: 1,
          title: 'x\u0001y\uFFFE',
          description: ['one', 'two'],
          objectives: [{ number: 3, text: '&amp; stays' }],
        },
      ],
    })
    const xml = planToStratML(tricky)
    expect(XMLValidator.validate(xml)).toBe(true)
    const back = parseStratML(xml).plan
    expect(back.title).toBe(tricky.title)
    expect(back.values).toEqual(['a < b & c > d'])
    expect(back.goals[0]).toEqual({
      number: 1,
      title: 'xy',
      description: ['one', 'two'],
      objectives: [{ number: 3, text: '&amp; stays' }],
    })
    expect(escapeXml('\ud800x')).toBe('x')
  })

  it('leaves out what the plan does not have', () => {
    const xml = planToStratML(
      plan({ organization: undefined, startYear: undefined, endYear: undefined }),
    )
    expect(xml).not.toContain('<Organization>')
    expect(xml).not.toContain('<Vision>')
    expect(xml).not.toContain('<AdministrativeInformation>')
    expect(xml).not.toContain('<OtherInformation>')
  })

  it('carries adoption and revision dates and the objectives’ wording through OtherInformation', () => {
    const source = plan({
      adoptedOn: '2019-06-21',
      adoptedBy: 'the Council',
      lastRevised: '2021-03-02',
    })
    const xml = planToStratML(source)
    expect(xml).toContain(
      '<OtherInformation>Adopted on 2019-06-21 by the Council.\n\nLast revised on 2021-03-02.</OtherInformation>',
    )
    expect(xml).toContain('<PublicationDate>2021-03-02</PublicationDate>')
    expect(parseStratML(xml).plan).toEqual(source)
    const worded = plan({ objectiveLabel: 'Key Initiative' })
    const wordedXml = planToStratML(worded)
    expect(wordedXml).toContain(
      '<OtherInformation>Objectives in this plan are called “Key Initiative”.</OtherInformation>',
    )
    expect(parseStratML(wordedXml).plan).toEqual(worded)
    const adoptedOnly = plan({ adoptedOn: '2019-06-21' })
    expect(parseStratML(planToStratML(adoptedOnly)).plan).toEqual(adoptedOnly)
  })
})
