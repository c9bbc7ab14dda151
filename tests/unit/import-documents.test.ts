/**
 * Word and PDF plans (issue 14): each fixture is made here, by the libraries an association's
 * tools use (the `docx` package writes real Word files; Chromium and react-pdf print real PDFs),
 * then read back through the same entry the CLI and the admin use, and checked for the exact
 * goals, objectives, codes and labels.
 */
import { deflateRawSync } from 'node:zlib'

import { Document as PdfDocument, Page, renderToBuffer, Text, View } from '@react-pdf/renderer'
import { HeadingLevel, Paragraph, TabStopType } from 'docx'
import { createElement as h } from 'react'
import { describe, expect, it } from 'vitest'

import { zipEntries } from '@/lib/import/docx'
import { MAX_PDF_PAGES } from '@/lib/import/pdf'
import { readPlanBytes } from '@/lib/import/file'
import type { ParsedPlan } from '@/lib/import/types'

import {
  chromiumPdf,
  docxFile,
  handWrittenPdf,
  heading,
  numbered,
  para,
  table,
  strategiesPlan,
} from '@/tests/fixtures/documents'

/** goal number → [title, objective codes and texts] */
function outline(plan: ParsedPlan) {
  return plan.goals.map((goal) => ({
    goal: `${goal.number} ${goal.title}`,
    objectives: goal.objectives.map((o) => `${goal.number}.${o.number} ${o.text}`),
  }))
}

const EXPECTED = [
  {
    goal: '1 Membership',
    objectives: ['1.1 Welcome new members', '1.2 Keep the members we have'],
  },
  {
    goal: '2 Advocacy',
    objectives: [
      '2.1 Speak for libraries in the legislature',
      '2.2 Publish the annual state of libraries report',
      '2.3 Train members to meet their representatives',
    ],
  },
]
const TITLE = 'Prairie Library Association Strategic Plan 2022–2025'

async function read(bytes: Uint8Array) {
  const result = await readPlanBytes(bytes)
  if (!result.ok) throw new Error(result.message)
  return result.reading
}

// ---- Word ---------------------------------------------------------------------------------------

/** A zip of one entry whose sizes say what the test wants (`unpacked` may lie about `data`). */
function zipOfOne(entry: { name: string; data: Buffer; method: 0 | 8; unpacked: number }) {
  const name = Buffer.from(entry.name)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(entry.method, 8)
  local.writeUInt32LE(entry.data.length, 18)
  local.writeUInt32LE(entry.unpacked, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(entry.method, 10)
  central.writeUInt32LE(entry.data.length, 20)
  central.writeUInt32LE(entry.unpacked, 24)
  central.writeUInt16LE(name.length, 28)
  const head = Buffer.concat([local, name, entry.data])
  const dirEntry = Buffer.concat([central, name])
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(dirEntry.length, 12)
  end.writeUInt32LE(head.length, 16)
  return new Uint8Array(Buffer.concat([head, dirEntry, end]))
}

describe('Word documents', () => {
  it('reads Word’s automatic numbering by level: goals at level 1, objectives at level 2', async () => {
    const reading = await read(
      await docxFile([
        heading(TITLE, HeadingLevel.TITLE),
        heading('Mission'),
        para('To connect the libraries of the prairie.'),
        heading('Goals and Objectives'),
        numbered('Membership', 0),
        numbered('Welcome new members', 1),
        numbered('Keep the members we have', 1),
        numbered('Advocacy', 0),
        numbered('Speak for libraries in the legislature', 1),
        numbered('Publish the annual state of libraries report', 1),
        numbered('Train members to meet their representatives', 1),
      ]),
    )
    expect(reading.format).toBe('docx')
    expect(reading.problems).toEqual([])
    expect(reading.plan).toMatchObject({
      title: TITLE,
      organization: 'Prairie Library Association',
      startYear: 2022,
      endYear: 2025,
      mission: ['To connect the libraries of the prairie.'],
    })
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.objectiveLabel).toBeUndefined()
  })

  it('reads goal headings with their strategies as a numbered list, and keeps the word "Strategy"', async () => {
    const reading = await read(
      await docxFile(
        strategiesPlan(TITLE, [
          'Speak for libraries in the legislature',
          'Publish the annual state of libraries report',
          'Train members to meet their representatives',
        ]),
      ),
    )
    expect(reading.problems).toEqual([])
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.objectiveLabel).toBe('Strategy')
  })

  it('reads "Pillar" headings with "Action 1.1" paragraphs, and the organization after the title', async () => {
    const reading = await read(
      await docxFile([
        heading('Strategic Plan 2022–2025: Prairie Library Association', HeadingLevel.TITLE),
        heading('Pillar 1 – Membership'),
        para('Action 1.1 Welcome new members'),
        para('Action 1.2 Keep the members we have'),
        heading('Pillar 2 – Advocacy'),
        para('Action 2.1 Speak for libraries in the legislature'),
        para('Action 2.2 Publish the annual state of libraries report'),
        para('Action 2.3 Train members to meet their representatives'),
      ]),
    )
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.organization).toBe('Prairie Library Association')
    expect(reading.plan.objectiveLabel).toBe('Action')
  })

  it('reads goal areas that are headings without numbers, over a numbered list each', async () => {
    const reading = await read(
      await docxFile([
        heading(TITLE, HeadingLevel.TITLE),
        heading('Strategic Priorities'),
        heading('Membership', HeadingLevel.HEADING_2),
        para('We grow with our members.'),
        numbered('Welcome new members', 0),
        numbered('Keep the members we have', 0),
        heading('Advocacy', HeadingLevel.HEADING_2),
        numbered('Speak for libraries in the legislature', 0),
        numbered('Publish the annual state of libraries report', 0),
        numbered('Train members to meet their representatives', 0),
      ]),
    )
    expect(reading.problems).toEqual([])
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.goals[0]?.description).toEqual(['We grow with our members.'])
  })

  it('reads a "Priority | Strategies | Timeline" table as goal areas over their strategies', async () => {
    const cell = (...paragraphs: string[]) => ({ paragraphs })
    const reading = await read(
      await docxFile([
        heading(TITLE, HeadingLevel.TITLE),
        table([
          [cell('Year'), cell('Budget')],
          [cell('2022'), cell('$120,000')],
        ]),
        table([
          [cell('Priority'), cell('Strategies'), cell('Timeline')],
          [
            cell('Membership'),
            cell(...EXPECTED[0]!.objectives.map((o) => o.slice(4))),
            cell('2023'),
          ],
          // the priority's cell spans its three rows, one strategy a row
          ...EXPECTED[1]!.objectives.map((o, i) =>
            i === 0
              ? [{ paragraphs: ['Advocacy'], rowSpan: 3 }, cell(o.slice(4)), cell('2024')]
              : [cell(o.slice(4)), cell('2025')],
          ),
        ]),
      ]),
    )
    expect(reading.problems).toEqual([])
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.objectiveLabel).toBe('Strategy')
    // a table that is not the plan's structure is read as text: no goal area, no warning for it
    expect(reading.text).toMatch(/^Year\n\nBudget\n\n2022\n\n\$120,000$/m)
  })

  it('refuses a zip that is not a Word document, and a zip bomb, writing nothing', async () => {
    // a zip whose only entry is not word/document.xml (stored, 5 bytes)
    const name = 'a.txt'
    const data = Buffer.from('hello')
    const zip = (entryName: string, unpacked: number) =>
      zipOfOne({ name: entryName, data, method: 0, unpacked })
    const notDocx = await readPlanBytes(zip(name, data.length))
    expect(notDocx).toMatchObject({ ok: false, status: 422 })
    expect(!notDocx.ok && notDocx.message).toMatch(/not a Word document \(\.docx\)/)
    const bomb = await readPlanBytes(zip('word/document.xml', 3_000_000_000))
    expect(!bomb.ok && bomb.message).toMatch(/zip bomb/)
    const damaged = await readPlanBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    expect(!damaged.ok && damaged.message).toMatch(/damaged or not a Word document/)
    // a format that the bytes contradict is refused, never guessed around
    const asked = await readPlanBytes(zip(name, data.length), { format: 'pdf' })
    expect(!asked.ok && asked.message).toMatch(/is a zip file .*, not PDF/)
  })
  it('refuses a zip that lies about its sizes before mammoth inflates it', async () => {
    // a real Word document whose word/document.xml is swapped for 20 MB of zeros that say they are
    // 150 KB: within every declared limit, far beyond them once inflated
    const real = await docxFile([para('Goal 1. Membership')])
    const entries = zipEntries(real)!
    expect(entries.some((e) => e.name === 'word/document.xml')).toBe(true)
    const data = deflateRawSync(Buffer.alloc(20 * 1024 * 1024))
    const declared = 150 * 1024
    expect(declared).toBeLessThan(data.length * 200)
    const liar = await readPlanBytes(
      zipOfOne({ name: 'word/document.xml', data, method: 8, unpacked: declared }),
    )
    expect(liar).toMatchObject({ ok: false, status: 422 })
    expect(!liar.ok && liar.message).toMatch(/unpacks to far more than it says/)
    // the real document still reads
    expect((await read(real)).format).toBe('docx')
  })
})

// ---- PDF ----------------------------------------------------------------------------------------

const STYLE = `
  body { font-family: sans-serif; font-size: 11pt; margin: 0 }
  h1 { font-size: 20pt } h2 { font-size: 15pt }
  .page { break-after: page }
  header, footer { position: fixed; font-size: 8pt; left: 0 }
  header { top: 0 } footer { bottom: 0 }
  .columns { column-count: 2; column-gap: 40pt }
  .sub { margin-left: 24pt }
`

describe('PDFs printed by Chromium', { timeout: 120_000 }, () => {
  it('reads headings by size, strategies by code, drops running headers and repairs hyphenation', async () => {
    const pdf = chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}
      p.narrow { width: 180pt; hyphens: manual }</style></head><body>
      <header>Prairie Library Association · Strategic Plan</header>
      <h1>${TITLE}</h1>
      <h2>Mission</h2>
      <p class="narrow">To connect the libraries of the prairie and to speak for them in the legis-<br>lature of the province.</p>
      <div class="page"></div>
      <h2>Goal 1: Membership</h2>
      <p>Strategy 1.1 Welcome new members</p>
      <p>Strategy 1.2 Keep the members we have</p>
      <h2>Goal 2: Advocacy</h2>
      <p>Strategy 2.1 Speak for libraries in the legislature</p>
      <p>Strategy 2.2 Publish the annual state of libraries report</p>
      <p>Strategy 2.3 Train members to meet their representatives</p>
    </body></html>`)
    const reading = await read(pdf)
    expect(reading.format).toBe('pdf')
    expect(reading.problems).toEqual([])
    expect(reading.plan.title).toBe(TITLE)
    expect(reading.plan.organization).toBe('Prairie Library Association')
    expect(reading.plan.mission).toEqual([
      'To connect the libraries of the prairie and to speak for them in the legislature of the province.',
    ])
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.objectiveLabel).toBe('Strategy')
    expect(JSON.stringify(reading.plan)).not.toMatch(/·/)
  })

  it('reads two columns in order, and says on which page a warning is', async () => {
    const objectives = (goal: number, texts: string[]) =>
      texts.map((t, i) => `<p>${goal}.${i + 1} ${t}</p>`).join('')
    const pdf =
      chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
      <h1>${TITLE}</h1>
      <div class="columns">
        <p><b>1. Membership</b></p>
        ${objectives(1, ['Welcome new members', 'Keep the members we have'])}
        <p>A paragraph of prose that belongs to the first goal area and fills the left column a little more.</p>
        <p>More prose to fill the first column so that the second goal area starts in the right column.</p>
        <p style="break-before: column"><b>2. Advocacy</b></p>
        ${objectives(2, [
          'Speak for libraries in the legislature',
          'Publish the annual state of libraries report',
          'Train members to meet their representatives',
        ])}
        <p>2.2 A second 2.2</p>
      </div>
    </body></html>`)
    const reading = await read(pdf)
    expect(reading.plan.goals.map((g) => g.title)).toEqual(['Membership', 'Advocacy'])
    expect(reading.plan.goals[0]?.objectives.map((o) => o.text)).toEqual([
      'Welcome new members',
      'Keep the members we have',
    ])
    expect(reading.plan.goals[1]?.objectives.map((o) => o.number)).toEqual([1, 2, 3, 2])
    expect(reading.problems.map((p) => p.page)).toEqual([1])
    expect(reading.warnings.find((w) => /duplicate objective/.test(w.message))?.page).toBe(1)
  })

  it('reads bold lines at body size as goal headings, with strategy codes under them', async () => {
    const strategies = (goal: number, texts: string[]) =>
      texts.map((t, i) => `<p>Strategy ${goal}.${i + 1} ${t}</p>`).join('')
    const pdf = chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}
      p { margin: 0 }</style></head><body>
      <h1>${TITLE}</h1>
      <p><b>Membership</b></p>
      ${strategies(1, ['Welcome new members', 'Keep the members we have'])}
      <p><b>Advocacy</b></p>
      ${strategies(2, [
        'Speak for libraries in the legislature',
        'Publish the annual state of libraries report',
        'Train members to meet their representatives',
      ])}
      <p style="margin-top: 18pt">Our <b>bold</b> words inside a sentence are no heading.</p>
    </body></html>`)
    const read = await readPlanBytes(pdf)
    if (!read.ok) throw new Error(read.message)
    // the bold lines stand apart as headings in the text read; the lines under them do not
    expect(read.reading.text).toMatch(
      /\n\nMembership\n\nStrategy 1\.1 Welcome new members\nStrategy 1\.2/,
    )
    expect(read.reading.problems).toEqual([])
    expect(outline(read.reading.plan)).toEqual(EXPECTED)
    expect(read.reading.plan.objectiveLabel).toBe('Strategy')
  })

  it('refuses a PDF without text, and a damaged one, with a message', async () => {
    const empty = await readPlanBytes(chromiumPdf('<!doctype html><html><body></body></html>'))
    expect(!empty.ok && empty.message).toMatch(/no text to read/)
    const damaged = await readPlanBytes(new TextEncoder().encode('%PDF-1.7\n%garbage'))
    expect(!damaged.ok && damaged.message).toMatch(/This PDF cannot be read/)
  })
})

describe('PDFs a plan cannot be', () => {
  it('refuses an encrypted PDF and one over the page limit, and takes one at the limit', async () => {
    const encrypted = await readPlanBytes(handWrittenPdf(1, { encrypted: true }))
    expect(!encrypted.ok && encrypted.message).toMatch(
      /^This PDF is encrypted \(protected by a password\)/,
    )
    const tooLong = await readPlanBytes(handWrittenPdf(MAX_PDF_PAGES + 1))
    expect(!tooLong.ok && tooLong.message).toBe(
      `This PDF has ${MAX_PDF_PAGES + 1} pages; plans of at most ${MAX_PDF_PAGES} pages are imported.`,
    )
    // at the limit the pages are read: these have no text, which is its own message
    const atLimit = await readPlanBytes(handWrittenPdf(MAX_PDF_PAGES))
    expect(!atLimit.ok && atLimit.message).toMatch(/no text to read/)
  })
})

describe('PDFs made by react-pdf', { timeout: 60_000 }, () => {
  it('reads a plan laid out with a running footer and page numbers', async () => {
    const footer = h(
      Text,
      {
        fixed: true,
        style: { position: 'absolute', bottom: 20, left: 40, fontSize: 8 },
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `Page ${pageNumber} of ${totalPages}`,
      },
      null,
    )
    const line = (text: string, size = 11, indent = 0) =>
      h(Text, { style: { fontSize: size, marginLeft: indent, marginBottom: 6 } }, text)
    const doc = h(
      PdfDocument,
      null,
      h(
        Page,
        { size: 'LETTER', style: { padding: 40 } },
        footer,
        line(TITLE, 20),
        h(
          View,
          null,
          line('Theme 1: Membership', 15),
          line('Key Initiative 1.1 Welcome new members', 11, 12),
          line('Key Initiative 1.2 Keep the members we have', 11, 12),
        ),
      ),
      h(
        Page,
        { size: 'LETTER', style: { padding: 40 } },
        footer,
        line('Theme 2: Advocacy', 15),
        line('Key Initiative 2.1 Speak for libraries in the legislature', 11, 12),
        line('Key Initiative 2.2 Publish the annual state of libraries report', 11, 12),
        line('Key Initiative 2.3 Train members to meet their representatives', 11, 12),
      ),
    )
    const pdf = new Uint8Array(await renderToBuffer(doc))
    const reading = await read(pdf)
    expect(reading.problems).toEqual([])
    expect(outline(reading.plan)).toEqual(EXPECTED)
    expect(reading.plan.objectiveLabel).toBe('Key Initiative')
    expect(JSON.stringify(reading.plan)).not.toMatch(/Page \d/)
  })
})

// ---- a typical association plan -----------------------------------------------------------------

/**
 * The shape most association plans come in: a cover page that names the organization above a bare
 * "Strategic Plan 2024–2027", a table of contents with page numbers, a letter from the president,
 * mission, vision and values, then "Strategic Priority n" headings over their numbered objectives.
 */
const TYPICAL = {
  organization: 'Northwest Museum Association',
  title: 'Northwest Museum Association Strategic Plan 2024–2027',
  letter:
    'Dear colleagues, this plan is the work of many hands. It sets our course for three years.',
  mission: 'To strengthen the museums of the Northwest.',
  vision: 'Thriving museums in every community.',
  values: ['Inclusion', 'Stewardship'],
  priorities: [
    {
      title: 'Engaged Members',
      description: 'We will deepen the engagement of our members.',
      objectives: [
        'Grow membership among small museums by 15%.',
        'Launch a mentoring program pairing new and experienced professionals.',
      ],
    },
    {
      title: 'Professional Learning',
      description: undefined,
      objectives: [
        'Offer four regional workshops each year.',
        'Publish a quarterly practice journal.',
        'Create an online learning library.',
      ],
    },
  ],
}
const CONTENTS = [
  ['Letter from the President', 2],
  ['Our Mission', 3],
  ['Strategic Priority 1: Engaged Members', 4],
  ['Strategic Priority 2: Professional Learning', 5],
] as const

function expectTypical(plan: ParsedPlan) {
  expect(plan).toMatchObject({
    title: TYPICAL.title,
    organization: TYPICAL.organization,
    startYear: 2024,
    endYear: 2027,
    preamble: ['Letter from the President', TYPICAL.letter],
    mission: [TYPICAL.mission],
    vision: [TYPICAL.vision],
    values: TYPICAL.values,
  })
  expect(
    plan.goals.map((g) => ({ n: g.number, title: g.title, d: g.description, o: g.objectives })),
  ).toEqual(
    TYPICAL.priorities.map((p, i) => ({
      n: i + 1,
      title: p.title,
      d: p.description ? [p.description] : [],
      o: p.objectives.map((text, j) => ({ number: j + 1, text })),
    })),
  )
}

describe('a typical association plan, as Word and as PDF', { timeout: 120_000 }, () => {
  it('reads the Word file: cover, contents with tab-aligned page numbers, priorities', async () => {
    const tocLine = ([text, page]: readonly [string, number]) =>
      new Paragraph({
        text: `${text}\t${page}`,
        tabStops: [{ type: TabStopType.RIGHT, position: 9000, leader: 'dot' }],
      })
    const reading = await read(
      await docxFile([
        heading(TYPICAL.organization, HeadingLevel.TITLE),
        heading('Strategic Plan 2024–2027', HeadingLevel.TITLE),
        para('Adopted by the Board of Directors, June 2024'),
        heading('Contents'),
        ...CONTENTS.map(tocLine),
        heading('Letter from the President'),
        para(TYPICAL.letter),
        heading('Our Mission'),
        para(TYPICAL.mission),
        heading('Our Vision'),
        para(TYPICAL.vision),
        heading('Core Values'),
        ...TYPICAL.values.map(para),
        ...TYPICAL.priorities.flatMap((p, i) => [
          heading(`Strategic Priority ${i + 1}: ${p.title}`),
          ...(p.description ? [para(p.description), para('Objectives')] : []),
          ...p.objectives.map((o) => numbered(o, 0)),
        ]),
      ]),
    )
    expect(reading.problems).toEqual([])
    expect(reading.warnings).toEqual([])
    expectTypical(reading.plan)
  })

  it('reads the PDF: the same plan, one page a part, contents without leaders', async () => {
    const pdf = chromiumPdf(`<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}
      .toc p { display: flex; margin: 2pt 0 } .toc span:first-child { flex: 1 }</style></head><body>
      <div class="page"><h1>${TYPICAL.organization}</h1><h1>Strategic Plan 2024–2027</h1>
        <p>Adopted by the Board of Directors, June 2024</p></div>
      <div class="page toc"><h2>Contents</h2>
        ${CONTENTS.map(([text, page]) => `<p><span>${text}</span><span>${page}</span></p>`).join('')}</div>
      <div class="page"><h2>Letter from the President</h2><p>${TYPICAL.letter}</p></div>
      <div class="page"><h2>Our Mission</h2><p>${TYPICAL.mission}</p><h2>Our Vision</h2>
        <p>${TYPICAL.vision}</p><h2>Core Values</h2>
        <ul>${TYPICAL.values.map((v) => `<li>${v}</li>`).join('')}</ul></div>
      ${TYPICAL.priorities
        .map(
          (p, i) => `<div class="page"><h2>Strategic Priority ${i + 1}: ${p.title}</h2>
        ${p.description ? `<p>${p.description}</p><p><b>Objectives</b></p>` : ''}
        <ol>${p.objectives.map((o) => `<li>${o}</li>`).join('')}</ol></div>`,
        )
        .join('')}
    </body></html>`)
    const reading = await read(pdf)
    expect(reading.problems).toEqual([])
    expect(reading.warnings).toEqual([])
    expectTypical(reading.plan)
  })
})
