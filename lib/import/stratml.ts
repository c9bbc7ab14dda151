/**
 * StratML (ISO 17469-1, Part 1 core) → `ParsedPlan` + warnings with line numbers.
 *
 * StrategicPlan → Name, Description, OtherInformation, StrategicPlanCore → Organization, Vision,
 * Mission, Value, Goal → Name, Description, SequenceIndicator, Objective → Name, Description,
 * SequenceIndicator; AdministrativeInformation → StartDate, EndDate, PublicationDate. A Part 2
 * `PerformancePlanOrReport` is read the same way (its performance indicators are left out).
 *
 * The XML is untrusted: a DOCTYPE (the door to external entities, DTD fetches and entity
 * expansion bombs) is refused outright; fast-xml-parser runs with entity processing off and a
 * nesting limit, and only the five predefined entities and numeric character references are
 * decoded afterwards, in one pass. Pure, never throws.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { MAX_IMPORT_BYTES, tooLargeMessage, utf8Length } from './input'
import { isIsoDate, ordered, sequenceNumber, yearRange } from './numbering'
import type { ParsedGoal, ParsedObjective, ParsedPlan, ParseResult, ParseWarning } from './types'

/** How a StratML plan says the word it uses for objectives ("Strategy"): StratML has no element. */
export const OBJECTIVES_ARE_CALLED = 'Objectives in this plan are called'
const OBJECTIVE_LABEL = new RegExp(
  `^${OBJECTIVES_ARE_CALLED} [“"]([\\p{L}][\\p{L} ]{0,38})[”"]\\.?$`,
  'iu',
)

export interface StratMLParseResult extends ParseResult {
  /** why the document could not be read at all (the plan is then empty) */
  error?: { line: number; message: string }
}

/** XML elements nest at most this deep (StratML needs 6, XHTML inside a description a few more). */
const MAX_DEPTH = 40
const ROOTS = new Set(['StrategicPlan', 'PerformancePlanOrReport'])

/** StratML elements Lodestar does not keep; they are skipped without a warning. */
const KNOWN_UNUSED = new Set([
  'Identifier',
  'Acronym',
  'Stakeholder',
  'Role',
  'Submitter',
  'Source',
  'PerformanceIndicator',
  'Relationship',
  'Responsibility',
  'Organization',
  'AdministrativeInformation',
  'Name',
  'Description',
  'OtherInformation',
  'StartDate',
  'EndDate',
  'PublicationDate',
  'GivenName',
  'Surname',
  'PhoneNumber',
  'EmailAddress',
  'Date',
  'Type',
])

/** XHTML a description may carry: these end a paragraph. */
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

type XmlNode = Record<string, unknown>

interface Element {
  name: string
  children: XmlNode[]
  line: number
}

const emptyPlan = (): ParsedPlan => ({
  title: '',
  preamble: [],
  vision: [],
  mission: [],
  values: [],
  goals: [],
})

const parser = new XMLParser({
  preserveOrder: true,
  // DTD entities stay unexpanded; the predefined ones are decoded by `decodeEntities`
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  captureMetaData: true,
  maxNestedTags: MAX_DEPTH,
})
// typed as the `Symbol` wrapper object by the library; it is a symbol
const META = XMLParser.getMetaDataSymbol() as unknown as symbol

/** Parse a StratML document; never throws: unreadable XML gives `error` and an empty plan. */
export function parseStratML(xml: string): StratMLParseResult {
  const input = typeof xml === 'string' ? xml.replace(/^\ufeff/, '') : ''
  const fail = (line: number, message: string): StratMLParseResult => ({
    plan: emptyPlan(),
    warnings: [{ line, message }],
    error: { line, message },
  })

  if (input.length > MAX_IMPORT_BYTES || utf8Length(input) > MAX_IMPORT_BYTES) {
    return fail(1, tooLargeMessage(utf8Length(input)))
  }
  if (!input.trim()) return fail(1, 'The StratML document is empty.')
  const doctype = /<!(?:DOCTYPE|ENTITY)/i.exec(input)
  if (doctype) {
    return fail(
      lineAt(input, doctype.index),
      'The XML has a DOCTYPE (or entity) declaration. Lodestar refuses DTDs and entities in ' +
        'imported XML (they can read files or expand without end); remove the <!DOCTYPE …> part and import again.',
    )
  }

  const valid = XMLValidator.validate(input, { allowBooleanAttributes: true })
  if (valid !== true) {
    const { line, msg } = valid.err
    return fail(line || 1, `The XML is not well-formed (line ${line}): ${msg}`)
  }

  let tree: XmlNode[]
  try {
    tree = parser.parse(input) as XmlNode[]
  } catch (err) {
    if (!(err instanceof Error)) throw err
    const message = /nested/i.test(err.message)
      ? `The XML nests elements more than ${MAX_DEPTH} levels deep; a StratML plan needs far fewer.`
      : `The XML could not be read: ${err.message}`
    return fail(1, message)
  }

  return new StratMLReader(input).read(tree, fail)
}

class StratMLReader {
  private readonly warnings: ParseWarning[] = []
  private readonly lineStarts: number[]
  private readonly unknown = new Set<string>()

  constructor(private readonly input: string) {
    this.lineStarts = [0]
    for (let i = input.indexOf('\n'); i >= 0; i = input.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1)
    }
  }

  read(
    tree: XmlNode[],
    fail: (line: number, message: string) => StratMLParseResult,
  ): StratMLParseResult {
    const roots = this.elements(tree)
    const root = roots[0]
    if (!root) return fail(1, 'The XML has no root element.')
    if (!ROOTS.has(root.name)) {
      return fail(
        root.line,
        `This XML is not a StratML plan: its root element is <${root.name}>, ` +
          'not <StrategicPlan> (StratML Part 1) or <PerformancePlanOrReport> (Part 2).',
      )
    }

    const plan = emptyPlan()
    const top = this.elements(root.children)
    plan.title = this.inline(this.first(top, 'Name'))
    if (!plan.title) this.warn(root.line, 'the plan has no <Name>: no plan title found')
    plan.preamble = this.paragraphs(this.first(top, 'Description'))
    this.otherInformation(plan, this.first(top, 'OtherInformation'))

    const core = this.first(top, 'StrategicPlanCore')
    const coreChildren = core ? this.elements(core.children) : []
    const organizations = coreChildren.filter((e) => e.name === 'Organization')
    const organization = organizations[0]
    if (organization) {
      const name = this.inline(this.first(this.elements(organization.children), 'Name'))
      if (name) plan.organization = name
    }
    if (organizations.length > 1 && organizations[1]) {
      this.warn(
        organizations[1].line,
        `the plan names ${organizations.length} organizations; only the first, "${plan.organization ?? ''}", is kept`,
      )
    }
    plan.vision = this.statement(this.first(coreChildren, 'Vision'))
    plan.mission = this.statement(this.first(coreChildren, 'Mission'))
    for (const value of coreChildren.filter((e) => e.name === 'Value')) {
      const parts = this.elements(value.children)
      const name = this.inline(this.first(parts, 'Name'))
      const description = this.inline(this.first(parts, 'Description'))
      const text = name && description ? `${name}: ${description}` : name || description
      if (text) plan.values.push(text)
      else this.warn(value.line, 'a <Value> without a name or description was left out')
    }

    const goals = coreChildren.filter((e) => e.name === 'Goal')
    goals.forEach((goal, index) => plan.goals.push(this.goal(goal, index)))
    for (const element of [...top, ...coreChildren]) this.checkKnown(element)

    this.administrativeInformation(plan, this.first(top, 'AdministrativeInformation'))
    if (plan.startYear === undefined) {
      const years = yearRange(plan.title)
      if (years) {
        plan.startYear = years.start
        plan.endYear = years.end
      }
    }
    if (!core) this.warn(root.line, 'the plan has no <StrategicPlanCore>: no goal areas found')
    else if (goals.length === 0) this.warn(core.line, 'no goal areas found (no <Goal> elements)')

    this.warnings.sort((a, b) => a.line - b.line)
    return { plan: ordered(plan), warnings: this.warnings }
  }

  // ---- parts of the plan ----------------------------------------------------------------------

  private goal(element: Element, index: number): ParsedGoal {
    const parts = this.elements(element.children)
    const title = this.inline(this.first(parts, 'Name'))
    const number = this.sequence(this.first(parts, 'SequenceIndicator'), index + 1, 'goal', element)
    if (!title) this.warn(element.line, `goal ${number} has no <Name>: no title`)
    const goal: ParsedGoal = {
      number,
      title,
      description: this.paragraphs(this.first(parts, 'Description')),
      objectives: [],
    }
    const other = this.paragraphs(this.first(parts, 'OtherInformation'))
    goal.description.push(...other)
    parts
      .filter((e) => e.name === 'Objective')
      .forEach((objective, i) => {
        const parsed = this.objective(objective, i, goal)
        if (parsed) goal.objectives.push(parsed)
      })
    for (const part of parts) this.checkKnown(part)
    return goal
  }

  private objective(
    element: Element,
    index: number,
    goal: ParsedGoal,
  ): ParsedObjective | undefined {
    const parts = this.elements(element.children)
    const name = this.inline(this.first(parts, 'Name'))
    const description = this.inline(this.first(parts, 'Description'))
    const sequence = this.first(parts, 'SequenceIndicator')
    const number = this.sequence(sequence, index + 1, 'objective', element, goal.number)
    for (const part of parts) this.checkKnown(part)
    let text = description || name
    // a short name and a longer statement: both are the objective as published
    if (name && description && !description.toLowerCase().startsWith(name.toLowerCase())) {
      text = `${name}: ${description}`
    }
    if (!text) {
      this.warn(
        element.line,
        `objective ${goal.number}.${number} has no name or description: left out`,
      )
      return undefined
    }
    return { number, text }
  }

  private otherInformation(plan: ParsedPlan, element: Element | undefined): void {
    for (const paragraph of this.paragraphs(element)) {
      const adopted = /^Adopted(?:\s+on\s+(\d{4}-\d{2}-\d{2}))?(?:\s+by\s+(.+?))?\.?$/i.exec(
        paragraph,
      )
      const revised = /^Last\s+revised(?:\s+on)?\s+(\d{4}-\d{2}-\d{2})\.?$/i.exec(paragraph)
      const label = OBJECTIVE_LABEL.exec(paragraph)?.[1]
      if (label) {
        plan.objectiveLabel = label
        continue
      }
      if (adopted && (adopted[1] || adopted[2]) && (!adopted[1] || isIsoDate(adopted[1]))) {
        if (adopted[1]) plan.adoptedOn = adopted[1]
        if (adopted[2]) plan.adoptedBy = adopted[2].trim()
      } else if (revised?.[1] && isIsoDate(revised[1])) {
        plan.lastRevised = revised[1]
      } else {
        plan.preamble.push(paragraph)
      }
    }
  }

  private administrativeInformation(plan: ParsedPlan, element: Element | undefined): void {
    if (!element) return
    const parts = this.elements(element.children)
    const start = this.date(this.first(parts, 'StartDate'))
    const end = this.date(this.first(parts, 'EndDate'))
    if (start) plan.startYear = Number(start.slice(0, 4))
    if (end) plan.endYear = Number(end.slice(0, 4))
    if (plan.startYear !== undefined && plan.endYear === undefined) plan.endYear = plan.startYear
    if (plan.endYear !== undefined && plan.startYear === undefined) plan.startYear = plan.endYear
    const published = this.date(this.first(parts, 'PublicationDate'))
    if (published && !plan.lastRevised && published !== plan.adoptedOn) plan.lastRevised = published
  }

  private statement(element: Element | undefined): string[] {
    if (!element) return []
    const parts = this.elements(element.children)
    const description = this.first(parts, 'Description')
    // <Vision>text</Vision> without a <Description> is not valid StratML but says what it means
    return description ? this.paragraphs(description) : this.paragraphs(element)
  }

  /** "3", "Goal 3", "III", "c", "2.3" (the last part) → a number; else its position, with a warning. */
  private sequence(
    element: Element | undefined,
    position: number,
    what: 'goal' | 'objective',
    owner: Element,
    goalNumber?: number,
  ): number {
    if (!element) return position
    const raw = this.inline(element)
    if (!raw) return position
    const parts = raw
      .replace(/^(?:goal|objective|obj\.?|strategy)\s*/i, '')
      .replace(/[.):]+$/, '')
      .split('.')
    const last = parts[parts.length - 1] ?? ''
    const number = sequenceNumber(last)
    if (number === undefined) {
      this.warn(
        element.line,
        `${what} SequenceIndicator "${raw}" is not a number: numbered ${position} by its position`,
      )
      return position
    }
    if (what === 'objective' && parts.length > 1 && goalNumber !== undefined) {
      const goalPart = sequenceNumber(parts[0] ?? '')
      if (goalPart !== undefined && goalPart !== goalNumber) {
        this.warn(owner.line, `objective ${raw} is listed under goal ${goalNumber}`)
      }
    }
    return number
  }

  private date(element: Element | undefined): string | undefined {
    const text = this.inline(element)
    if (!text) return undefined
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text)
    if (iso && isIsoDate(iso[0])) return iso[0]
    const year = /^(\d{4})$/.exec(text)
    if (year) return `${year[1]}-01-01`
    if (element) this.warn(element.line, `"${text}" is not a date (yyyy-mm-dd): ignored`)
    return undefined
  }

  // ---- XML helpers ----------------------------------------------------------------------------

  /** The element children of a preserveOrder node list, with the line each starts on. */
  private elements(nodes: XmlNode[]): Element[] {
    const out: Element[] = []
    for (const node of nodes) {
      for (const key of Object.keys(node)) {
        if (key.startsWith('#') || key === ':@') continue
        const children = node[key]
        const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META]
        out.push({
          name: key,
          children: Array.isArray(children) ? (children as XmlNode[]) : [],
          line: this.lineOf(meta?.startIndex ?? 0),
        })
      }
    }
    return out
  }

  private first(elements: Element[], name: string): Element | undefined {
    return elements.find((e) => e.name === name)
  }

  /** The text of an element with block-level XHTML as paragraph breaks, entities decoded. */
  private rawText(element: Element | undefined): string {
    if (!element) return ''
    const out: string[] = []
    const stack: { nodes: XmlNode[]; index: number }[] = [{ nodes: element.children, index: 0 }]
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!
      if (frame.index >= frame.nodes.length) {
        stack.pop()
        continue
      }
      const node = frame.nodes[frame.index++]!
      for (const key of Object.keys(node)) {
        const value = node[key]
        if (key === '#text') out.push(decodeEntities(String(value)))
        else if (key === '#cdata') {
          // CDATA content is literal: no entity decoding
          for (const part of Array.isArray(value) ? (value as XmlNode[]) : []) {
            if (typeof part['#text'] === 'string') out.push(part['#text'])
          }
        } else if (key !== ':@' && Array.isArray(value)) {
          if (BLOCK_TAGS.has(key.toLowerCase())) out.push('\n\n')
          stack.push({ nodes: value as XmlNode[], index: 0 })
        }
      }
    }
    return out.join('')
  }

  /** One line of text (names, titles): all whitespace collapsed. */
  private inline(element: Element | undefined): string {
    return collapse(this.rawText(element))
  }

  /** Paragraphs: split at blank lines, each collapsed to one line. */
  private paragraphs(element: Element | undefined): string[] {
    return this.rawText(element)
      .split(/\n[ \t\r]*\n/)
      .map(collapse)
      .filter(Boolean)
  }

  private checkKnown(element: Element): void {
    const known =
      KNOWN_UNUSED.has(element.name) ||
      [
        'StrategicPlanCore',
        'Vision',
        'Mission',
        'Value',
        'Goal',
        'Objective',
        'SequenceIndicator',
      ].includes(element.name)
    if (known || this.unknown.has(element.name)) return
    this.unknown.add(element.name)
    this.warn(element.line, `<${element.name}> is not part of StratML Part 1: left out`)
  }

  private lineOf(index: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.lineStarts[mid] ?? 0) <= index) low = mid
      else high = mid - 1
    }
    return low + 1
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The five predefined XML entities and numeric character references, in one pass (no expansion). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi,
    (whole, dec, hex, name) => {
      if (name) return PREDEFINED[String(name).toLowerCase()] ?? whole
      const code = dec ? Number(dec) : parseInt(String(hex), 16)
      const allowed =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff)
      return allowed ? String.fromCodePoint(code) : whole
    },
  )
}
