/**
 * Robustness: a few hundred generated inputs — random, truncated, mutated, binary, deeply nested
 * XML, entity-expansion bombs, 100,000 lines of noise — go through both parsers (and readPlan, the
 * entry every import uses). None may throw, and each must finish within a time bound.
 */
import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { planToStratML } from '@/lib/export/stratml'
import { pick, seededRandom } from '@/lib/format/random'
import { readPlan } from '@/lib/import'
import { decodeImportBytes, MAX_IMPORT_BYTES } from '@/lib/import/input'
import { parseStratML } from '@/lib/import/stratml'
import { parsePlanText } from '@/lib/import/text'

const ALCTS = fs.readFileSync('data/plans/alcts-strategic-plan-2006-2011.txt', 'utf8')
const ALCTS_XML = planToStratML(parsePlanText(ALCTS).plan)

/** Deterministic pseudo-random numbers, so every run feeds the same inputs. */
function rng(seed: number) {
  const next = seededRandom(seed)
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => pick(next, list),
  }
}

const ALPHABET = [
  'a',
  'Goal',
  'GOAL 1.',
  'Objective',
  '1.',
  '1.1',
  'IV.',
  '(a)',
  '•',
  '-',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\r\n',
  '<',
  '>',
  '&',
  '&amp;',
  ';',
  '"',
  "'",
  '<Goal>',
  '</Goal>',
  '<Name>',
  '</Name>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  'Vision',
  'Mission:',
  'Values',
  'Adopted June 21, 2019',
  '2006-2011',
  '©',
  '\u00a0',
  '\u200b',
  '😀',
  'é',
  '\u0000',
  '\u0007',
  '\ufffd',
  '{',
  '}',
  '[',
  ']',
  '"format": "lodestar-plan"',
  ':',
  ',',
]

interface Case {
  name: string
  text: string
}

function generate(): Case[] {
  const r = rng(17469)
  const cases: Case[] = []

  // random token soup of every size up to 40 KB
  for (let i = 0; i < 100; i++) {
    const parts: string[] = []
    const length = r.int(i < 75 ? 400 : 8000)
    for (let j = 0; j < length; j++) parts.push(r.pick(ALPHABET))
    cases.push({ name: `token soup ${i}`, text: parts.join('') })
  }

  // random characters from all of Unicode's planes
  for (let i = 0; i < 30; i++) {
    let text = ''
    const length = r.int(3000)
    for (let j = 0; j < length; j++) text += String.fromCodePoint(r.int(0x2ffff) & ~0x800 || 0x20)
    cases.push({ name: `random unicode ${i}`, text })
  }

  // random bytes, as a file would arrive
  for (let i = 0; i < 40; i++) {
    const bytes = new Uint8Array(r.int(20_000))
    for (let j = 0; j < bytes.length; j++) bytes[j] = r.int(256)
    if (i % 4 === 0) bytes.set([0x3c, 0x3f, 0x78, 0x6d, 0x6c], 0) // "<?xml" then garbage
    const decoded = decodeImportBytes(bytes)
    cases.push({
      name: `random bytes ${i}`,
      text: decoded.ok ? decoded.text : new TextDecoder().decode(bytes),
    })
  }

  // the real plan, and its StratML, cut off anywhere
  for (let i = 0; i < 30; i++) {
    cases.push({ name: `truncated text ${i}`, text: ALCTS.slice(0, r.int(ALCTS.length)) })
    cases.push({
      name: `truncated StratML ${i}`,
      text: ALCTS_XML.slice(0, r.int(ALCTS_XML.length)),
    })
  }

  // the StratML with random edits
  for (let i = 0; i < 40; i++) {
    let xml = ALCTS_XML
    for (let k = 0; k < 1 + r.int(6); k++) {
      const at = r.int(xml.length)
      xml =
        r.next() < 0.5
          ? xml.slice(0, at) + r.pick(ALPHABET) + xml.slice(at)
          : xml.slice(0, at) + xml.slice(at + r.int(40))
    }
    cases.push({ name: `mutated StratML ${i}`, text: xml })
  }

  // deep nesting
  for (const depth of [30, 41, 200, 10_000, 100_000]) {
    const open = '<x>'.repeat(depth)
    const close = '</x>'.repeat(depth)
    cases.push({
      name: `nested ${depth}`,
      text: `<StrategicPlan><Name>${open}t${close}</Name></StrategicPlan>`,
    })
    cases.push({ name: `nested ${depth}, never closed`, text: `<StrategicPlan>${open}` })
    cases.push({ name: `nested JSON ${depth}`, text: `${'['.repeat(depth)}${']'.repeat(depth)}` })
  }
  cases.push({
    name: 'nested goals',
    text: `<StrategicPlan><Name>P</Name><StrategicPlanCore>${'<Goal><Name>g</Name>'.repeat(500)}${'</Goal>'.repeat(500)}</StrategicPlanCore></StrategicPlan>`,
  })

  // entity expansion and external entities
  const laughs = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i < 10; i++) laughs.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  cases.push({
    name: 'billion laughs',
    text: `<?xml version="1.0"?>\n<!DOCTYPE lolz [${laughs.join('\n')}]>\n<StrategicPlan><Name>&lol9;</Name></StrategicPlan>`,
  })
  cases.push({
    name: 'quadratic blowup',
    text: `<!DOCTYPE p [<!ENTITY a "${'a'.repeat(50_000)}">]><StrategicPlan><Name>${'&a;'.repeat(20_000)}</Name></StrategicPlan>`,
  })
  cases.push({
    name: 'external entity',
    text: `<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><StrategicPlan><Name>&x;</Name></StrategicPlan>`,
  })
  cases.push({
    name: 'parameter entity',
    text: `<!DOCTYPE p [<!ENTITY % d SYSTEM "http://example.org/evil.dtd"> %d;]><StrategicPlan/>`,
  })
  cases.push({
    name: 'lowercase doctype',
    text: `<!doctype StrategicPlan><StrategicPlan><Name>x</Name></StrategicPlan>`,
  })
  cases.push({
    name: 'undeclared entities',
    text: `<StrategicPlan><Name>${'&lol;'.repeat(100_000)}</Name><StrategicPlanCore><Goal><Name>g</Name></Goal></StrategicPlanCore></StrategicPlan>`,
  })
  cases.push({
    name: 'numeric references',
    text: `<StrategicPlan><Name>${'&#x1F600;&#0;&#65;'.repeat(30_000)}</Name></StrategicPlan>`,
  })

  // 100,000 lines of noise, as text, as the body of an XML element, and as JSON
  const noise: string[] = []
  for (let i = 0; i < 100_000; i++)
    noise.push(
      r.pick(['', 'x', 'Goal', '1.', 'noise line', '•', 'Objective 1.', '   ', 'Page 3', 'I.']),
    )
  cases.push({ name: '100,000 lines of noise', text: noise.join('\n') })
  cases.push({
    name: '100,000 lines of noise in XML',
    text: `<StrategicPlan><Name>n</Name><Description>${noise.join('\n')}</Description></StrategicPlan>`,
  })
  cases.push({
    name: '100,000 lines of headings',
    text: Array.from({ length: 100_000 }, (_, i) => (i % 3 ? `${i}. item` : `Goal ${i}.`)).join(
      '\n',
    ),
  })
  cases.push({
    name: '100,000 lines of JSON',
    text: `{"format":"lodestar-plan","version":1,"goals":[${Array.from({ length: 100_000 }, () => '1').join(',\n')}]}`,
  })

  // one huge line, and inputs right at and over the 2 MB limit
  cases.push({ name: 'one 2 MB line', text: 'Goal 1. '.repeat(Math.floor(MAX_IMPORT_BYTES / 8)) })
  cases.push({ name: 'over 2 MB', text: `${ALCTS}\n${'x'.repeat(MAX_IMPORT_BYTES)}` })
  cases.push({ name: '2 MB of "<"', text: '<'.repeat(MAX_IMPORT_BYTES) })
  cases.push({ name: '2 MB of "&"', text: `<a>${'&'.repeat(MAX_IMPORT_BYTES - 10)}</a>` })
  cases.push({
    name: 'many attributes',
    text: `<StrategicPlan ${Array.from({ length: 50_000 }, (_, i) => `a${i}="v"`).join(' ')}><Name>x</Name></StrategicPlan>`,
  })
  cases.push({
    name: 'long tag name',
    text: `<${'a'.repeat(1_000_000)}></${'a'.repeat(1_000_000)}>`,
  })
  cases.push({
    name: 'JSON with huge string',
    text: `{"format":"lodestar-plan","version":1,"plan":{"title":"${'t'.repeat(1_500_000)}"}}`,
  })
  cases.push({ name: 'dotted numbers', text: `Goal 1. x\n${'1.'.repeat(200_000)}1 text` })
  cases.push({ name: 'parentheses', text: `${'('.repeat(500_000)}1) item` })
  return cases
}

const cases = generate()
const slow = (text: string) => text.length > 200_000

/** Runs fn, fails the test if it throws, returns the time it took. */
function timed(fn: () => unknown): number {
  const started = performance.now()
  fn()
  return performance.now() - started
}

describe('fuzz: every input gets an answer, in time, without an exception', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (_name, { text }) => {
      // the machine is shared: bounds are generous, yet far below what a quadratic parse would take
      const bound = slow(text) ? 10_000 : 2_000
      const times = {
        text: timed(() => parsePlanText(text)),
        stratml: timed(() => parseStratML(text)),
        readText: timed(() => readPlan(text, { format: 'text' })),
        readStratml: timed(() => readPlan(text, { format: 'stratml' })),
        readJson: timed(() => readPlan(text, { format: 'json' })),
        readAuto: timed(() => readPlan(text)),
      }
      for (const [parser, ms] of Object.entries(times)) {
        expect({ parser, ms: ms < bound ? 'in time' : ms }).toEqual({ parser, ms: 'in time' })
      }
      // the bound above is per parser; vitest's own 5 s default would cut six runs short
    },
    90_000,
  )
})

describe('fuzz: hostile XML is refused for the right reason', () => {
  const byName = new Map(cases.map((c) => [c.name, c.text]))
  const error = (name: string) => parseStratML(byName.get(name) ?? '').error?.message ?? ''

  it.each([
    'billion laughs',
    'quadratic blowup',
    'external entity',
    'parameter entity',
    'lowercase doctype',
  ])('%s → DOCTYPE refused', (name) => {
    expect(error(name)).toMatch(/has a DOCTYPE \(or entity\) declaration/)
  })

  it.each(['nested 200', 'nested 10000', 'nested 100000'])('%s → nesting refused', (name) => {
    expect(error(name)).toMatch(/nests elements more than 40 levels deep/)
  })

  it('over 2 MB → refused by size', () => {
    expect(error('over 2 MB')).toMatch(/plans over 2 MB are refused/)
    expect(readPlan(byName.get('over 2 MB') ?? '').problems[0]?.message).toMatch(
      /plans over 2 MB are refused/,
    )
  })

  it('undeclared entities stay text, unexpanded', () => {
    const result = parseStratML(byName.get('undeclared entities') ?? '')
    expect(result.error).toBeUndefined()
    expect(result.plan.title).toBe('&lol;'.repeat(100_000))
  })

  it('100,000 lines of noise are read as text without goal areas', () => {
    const reading = readPlan(byName.get('100,000 lines of noise') ?? '')
    expect(reading.format).toBe('text')
    expect(reading.problems.length).toBeGreaterThan(0)
  })
})

describe('fuzz: Word and PDF readers (issue 14)', { timeout: 120_000 }, () => {
  /** Small real documents to mutate: a .docx the docx package writes and a PDF react-pdf prints. */
  async function seeds(): Promise<Uint8Array[]> {
    const { Document, Packer, Paragraph } = await import('docx')
    const {
      Document: PdfDocument,
      Page,
      Text,
      renderToBuffer,
    } = await import('@react-pdf/renderer')
    const { createElement: h } = await import('react')
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              'Strategic Plan 2020-2025',
              'Goal 1. Membership',
              'Objective 1. Welcome',
            ].map((text) => new Paragraph({ text })),
          },
        ],
      }),
    )
    const pdf = await renderToBuffer(
      h(PdfDocument, null, h(Page, null, h(Text, null, 'Goal 1. Membership'))),
    )
    return [new Uint8Array(docx), new Uint8Array(pdf)]
  }

  it('answers every mutated, truncated or random document with a reading or a message, in time', async () => {
    const random = rng(14)
    const inputs: Uint8Array[] = []
    for (const seed of await seeds()) {
      for (let i = 0; i < 30; i++) {
        const copy = seed.slice(0, i % 3 === 0 ? random.int(seed.length) : seed.length)
        for (let j = 0; j < 1 + random.int(20); j++) copy[random.int(copy.length)] = random.int(256)
        inputs.push(copy)
      }
    }
    for (let i = 0; i < 20; i++) {
      const junk = new Uint8Array(8 + random.int(4000)).map(() => random.int(256))
      junk.set(i % 2 ? [0x25, 0x50, 0x44, 0x46, 0x2d] : [0x50, 0x4b, 0x03, 0x04])
      inputs.push(junk)
    }
    const { readPlanBytes } = await import('@/lib/import/file')
    let slowest = 0
    for (const input of inputs) {
      const started = performance.now()
      const result = await readPlanBytes(input)
      slowest = Math.max(slowest, performance.now() - started)
      if (result.ok) expect(result.reading.format).toMatch(/^(?:docx|pdf)$/)
      else expect(result.message.length).toBeGreaterThan(10)
    }
    expect(slowest).toBeLessThan(5_000)
  })
})
