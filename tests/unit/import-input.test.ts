import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { buildPlanExport, serializePlanExport } from '@/lib/export/document'
import { planToStratML } from '@/lib/export/stratml'
import { planNotes, planProblems } from '@/lib/import/check'
import { readPlan } from '@/lib/import'
import { parseImportArgs } from '@/lib/import/cli'
import {
  decodeImportBytes,
  detectFormat,
  formatBytes,
  MAX_IMPORT_BYTES,
  parseFormat,
  textProblem,
  utf8Length,
} from '@/lib/import/input'
import { previewOf } from '@/lib/import/preview'
import { parsePlanText } from '@/lib/import/text'
import type { ParsedPlan } from '@/lib/import/types'

const ALCTS = fs.readFileSync('data/plans/alcts-strategic-plan-2006-2011.txt', 'utf8')
const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

const plan = (goals: ParsedPlan['goals'], over: Partial<ParsedPlan> = {}): ParsedPlan => ({
  title: 'Plan',
  organization: 'Org',
  startYear: 2020,
  endYear: 2022,
  preamble: [],
  vision: [],
  mission: [],
  values: [],
  goals,
  ...over,
})
const goal = (number: number, objectives: number[], title = `Goal ${number}`) => ({
  number,
  title,
  description: [],
  objectives: objectives.map((n) => ({ number: n, text: `objective ${n}` })),
})

describe('decodeImportBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeImportBytes(utf8('Plan – 2020'))).toEqual({ ok: true, text: 'Plan – 2020' })
    expect(decodeImportBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('Plan')))).toEqual({
      ok: true,
      text: 'Plan',
    })
  })

  it('reads UTF-16 with a byte-order mark', () => {
    const le = bytes(0xff, 0xfe, 0x50, 0x00, 0x6c, 0x00, 0xe9, 0x00)
    const be = bytes(0xfe, 0xff, 0x00, 0x50, 0x00, 0x6c, 0x00, 0xe9)
    expect(decodeImportBytes(le)).toEqual({ ok: true, text: 'Plé' })
    expect(decodeImportBytes(be)).toEqual({ ok: true, text: 'Plé' })
  })

  it('reads other 8-bit text as Windows-1252, and says so', () => {
    // "Café – plan" in Windows-1252
    const result = decodeImportBytes(
      bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x70, 0x6c, 0x61, 0x6e),
    )
    expect(result).toEqual({
      ok: true,
      text: 'Café – plan',
      note: expect.stringMatching(/Windows-1252/) as unknown as string,
    })
  })

  it.each([
    [bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31), /^This is a PDF, not text\./],
    [bytes(0x50, 0x4b, 0x03, 0x04, 0, 0), /^This is a Word, OpenDocument or ZIP file/],
    [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), /old Word or Excel/],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /PNG image/],
    [bytes(0x1f, 0x8b, 0x08), /gzip/],
    [bytes(0x41, 0x00, 0x42), /^This file is binary, not text\./],
    [bytes(0xff, 0xfe, 0x00, 0xd8), /claims to be UTF-16/],
    [bytes(), /^The file is empty\.$/],
    [utf8(' \n\t '), /^There is no text to import/],
  ])('refuses %j (422)', (input, message) => {
    const result = decodeImportBytes(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.status).toBe(422)
    expect(result.message).toMatch(message)
  })

  it('refuses more than 2 MB (413) and accepts exactly 2 MB', () => {
    const over = decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))
    expect(over).toEqual({
      ok: false,
      status: 413,
      message: expect.stringMatching(
        /^The plan is 2\.0 MB; plans over 2 MB are refused\./,
      ) as unknown as string,
    })
    expect(decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)).ok).toBe(true)
  })

  it('refuses text full of control characters (a binary file saved as text)', () => {
    const noise = Array.from({ length: 400 }, (_, i) =>
      String.fromCharCode(i % 8 === 0 ? 0x01 : 0x41 + (i % 26)),
    ).join('')
    expect(textProblem(noise)).toEqual({
      status: 422,
      message: expect.stringMatching(/looks like a binary file/) as unknown as string,
    })
    expect(textProblem('plan\u0001 with one stray control character')).toBeUndefined()
  })
})

describe('sizes and formats', () => {
  it.each([
    [0, '0 bytes'],
    [2048, '2 KB'],
    [MAX_IMPORT_BYTES, '2 MB'],
    [2.4 * 1024 * 1024, '2.4 MB'],
    [15 * 1024 * 1024, '15 MB'],
  ])('formatBytes(%i) = %s', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })

  it('counts UTF-8 bytes without encoding', () => {
    for (const text of ['abc', 'é', '€', '😀', 'a\ud800b', '']) {
      const expected = new TextEncoder().encode(text).byteLength
      expect(utf8Length(text)).toBe(expected)
    }
  })

  it.each([
    ['plan.xml', 'anything', 'stratml'],
    ['plan.JSON', 'anything', 'json'],
    ['plan.txt', '<StrategicPlan/>', 'stratml'],
    [undefined, '\ufeff  <?xml version="1.0"?><StrategicPlan/>', 'stratml'],
    [undefined, '\n{ "format": "lodestar-plan" }', 'json'],
    [undefined, 'Strategic Plan 2020-2025', 'text'],
    ['notes.md', 'Goal 1. X', 'text'],
  ])('detectFormat(%j, %j) = %s', (filename, text, format) => {
    expect(detectFormat(text, filename)).toBe(format)
  })

  it.each([
    ['text', 'text'],
    ['TXT', 'text'],
    ['xml', 'stratml'],
    ['StratML', 'stratml'],
    ['json', 'json'],
    ['pdf', 'pdf'],
    ['Word', 'docx'],
    ['rtf', undefined],
    [undefined, undefined],
  ])('parseFormat(%j) = %j', (value, format) => {
    expect(parseFormat(value)).toBe(format)
  })
})

describe('planProblems', () => {
  it('has none for a good plan', () => {
    expect(planProblems(plan([goal(1, [1, 2]), goal(2, [])]))).toEqual([])
  })

  it('refuses duplicate goal areas and objectives, citing the lines the parser warned about', () => {
    const text = [
      'Strategic Plan 2020-2022',
      '',
      'Goal 1. Members',
      'Objective 1. Grow',
      'Objective 1. Grow again',
      '',
      'Goal 2. Advocacy',
      'Objective 1. Speak',
      '',
      'Goal 2. Advocacy again',
      'Objective 1. Speak again',
    ].join('\n')
    const { plan: parsed, warnings } = parsePlanText(text)
    expect(planProblems(parsed, warnings)).toEqual([
      {
        line: 5,
        message:
          'Objective 1.1 appears 2 times (line 5). Renumber them and try again; nothing was imported.',
      },
      {
        line: 10,
        message:
          'Goal area 2 appears 2 times (line 10). Renumber or merge them and try again; nothing was imported.',
      },
    ])
  })

  it('refuses a plan without title or goals, with a hint about headings', () => {
    const { plan: parsed, warnings } = parsePlanText('Just some words.\nAnd more words.')
    const messages = planProblems(parsed, warnings).map((p) => p.message)
    expect(messages).toEqual([
      expect.stringMatching(/^No plan title found\./),
      expect.stringMatching(
        /^No goal areas found, so there is nothing to import\. Goal areas are read from headings such as "Goal 1\. Title"/,
      ),
    ])
  })

  it('refuses numbers the collections do not take, empty titles and texts, and backwards years', () => {
    const bad = plan(
      [goal(100, [1000]), { ...goal(3, [1]), title: ' ', objectives: [{ number: 1, text: '' }] }],
      { startYear: 2022, endYear: 2020 },
    )
    expect(planProblems(bad).map((p) => p.message)).toEqual([
      'Goal area 100: goal areas are numbered from 1 to 99.',
      'Objective 100.1000: objectives are numbered from 1 to 999.',
      'Goal area 3 has no title.',
      'Objective 3.1 has no text.',
      'The plan ends (2020) before it starts (2022).',
    ])
  })

  it('needs an organization only to publish', () => {
    const anonymous = plan([goal(1, [1])], { organization: undefined })
    expect(planProblems(anonymous)).toEqual([])
    expect(planProblems(anonymous, [], { publish: true })[0]?.message).toMatch(
      /^No organization found, and a published plan needs one/,
    )
  })

  it('notes what the import fills in', () => {
    expect(planNotes(plan([goal(1, [1])]))).toEqual([])
    expect(
      planNotes(
        plan([goal(1, [1])], { organization: undefined, startYear: undefined }),
        new Date('2026-03-01'),
      ),
    ).toEqual([
      'No organization found: it is left empty. Fill it in before the plan is published.',
      'No plan period (years) found: the plan is saved as 2026-2026. Correct the years in the plan.',
    ])
  })
})

describe('readPlan', () => {
  it('reads the ALCTS text as the seed does, with its slug', () => {
    const reading = readPlan(ALCTS)
    expect(reading.format).toBe('text')
    expect(reading.problems).toEqual([])
    expect(reading.plan).toEqual(parsePlanText(ALCTS).plan)
    expect(reading.slug).toBe('alcts-strategic-plan-2006-2011')
  })

  it('reads StratML and JSON exports of the same plan as the same plan', () => {
    const parsed = parsePlanText(ALCTS).plan
    const stratml = readPlan(planToStratML(parsed))
    expect(stratml.format).toBe('stratml')
    expect(stratml.plan).toEqual(parsed)
    const json = readPlan(
      serializePlanExport(
        buildPlanExport({
          plan: {
            id: 1,
            title: 'X 2020-2021',
            slug: 'x',
            organization: '',
            startYear: 2020,
            endYear: 2021,
            updatedAt: '',
            createdAt: '',
          },
          goals: [{ id: 2, plan: 1, number: 1, title: 'G', updatedAt: '', createdAt: '' }],
          objectives: [{ id: 3, goal: 2, number: 1, text: 'o', updatedAt: '', createdAt: '' }],
          sections: [],
          initiatives: [],
        }),
      ),
      { organization: 'Given Org' },
    )
    expect(json.format).toBe('json')
    expect(json.problems).toEqual([])
    expect(json.slug).toBe('x')
    expect(json.plan.organization).toBe('Given Org')
    expect(json.document?.goals[0]?.objectives[0]?.code).toBe('1.1')
  })

  it('turns an unusable StratML file into one problem with its line', () => {
    const reading = readPlan(
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<StrategicPlan/>',
    )
    expect(reading.problems).toEqual([
      { line: 2, message: expect.stringMatching(/DOCTYPE/) as unknown as string },
    ])
    expect(reading.warnings).toEqual([])
  })

  it('refuses binary-looking and empty text before parsing', () => {
    expect(readPlan('').problems[0]?.message).toMatch(/no text to import/)
    expect(readPlan('a\u0000b').problems[0]?.message).toMatch(/binary/)
  })

  it('gives the preview without the warnings a problem already states', () => {
    const reading = readPlan('Strategic Plan 2020-2022\n\nSome words.')
    const preview = previewOf(reading, false)
    expect(preview.ok).toBe(false)
    expect(preview.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^No goal areas found/),
    ])
    expect(preview.warnings.some((w) => /no goal areas/.test(w.message))).toBe(false)
    expect(preview.counts).toEqual({ goals: 0, objectives: 0, sections: 0, initiatives: 0 })
  })
})

describe('parseImportArgs', () => {
  it.each([
    [['plan.txt'], { file: 'plan.txt', publish: false }],
    [
      ['plan.xml', '--publish', '--format', 'stratml'],
      { file: 'plan.xml', publish: true, format: 'stratml' },
    ],
    [
      ['--format=text', 'p', '--slug', 'my-plan', '--organization', 'Org Name'],
      { file: 'p', publish: false, format: 'text', slug: 'my-plan', organization: 'Org Name' },
    ],
  ])('%j', (argv, args) => {
    expect(parseImportArgs(argv)).toEqual(args)
  })

  it.each([
    [[], 'Name the plan file to import.'],
    [['a', 'b'], 'Import one file at a time (got a, b).'],
    [
      ['a', '--format', 'rtf'],
      '--format must be one of text, stratml, json, docx, pdf (got "rtf").',
    ],
    [['a', '--format'], '--format must be one of text, stratml, json, docx, pdf (got "").'],
    [['a', '--draft'], 'Unknown option --draft.'],
    [['a', '--slug'], '--slug needs a value.'],
    [['a', '--slug', '--publish'], '--slug needs a value.'],
    [['a', '--organization', ' '], '--organization needs a value.'],
    [['a', '--publish=yes'], '--publish takes no value.'],
  ])('%j → %s', (argv, error) => {
    expect(parseImportArgs(argv)).toEqual({ error })
  })
})
