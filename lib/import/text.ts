/**
 * Plan text parser: a strategic plan as an association published it (a web page saved as text, a
 * word-processor export) → `ParsedPlan` + warnings. Pure and linear in the input: every regular
 * expression is anchored or bounded, long lines are never tried as headings, nothing throws.
 *
 * The plan body starts at the title line ("STRATEGIC PLAN 2006-2011") or, failing that, at the first
 * heading it knows (Preamble, Vision, Goal 1, I. …). Page furniture before the body and after the
 * last goal area (navigation, login help, contact, copyright and keyword lines) is dropped silently;
 * text inside the body that fits nowhere becomes a warning with its line number.
 */
import type { ParsedGoal, ParsedObjective, ParsedPlan, ParseResult, ParseWarning } from './types'

export interface ParsePlanTextOptions {
  /** the organization's full name, when the text does not spell it out */
  organization?: string
}

type Section = 'intro' | 'preamble' | 'vision' | 'mission' | 'values' | 'goals'
type GoalStyle = 'keyword' | 'roman' | 'numbered'
type ItemStyle = 'keyword' | 'number' | 'dotted' | 'letter' | 'upper' | 'bullet'

interface Line {
  /** 1-based line number */
  n: number
  /** trimmed, spaces normalised, control characters removed */
  text: string
  indent: number
}

interface Item {
  style: ItemStyle
  /** the number the marker says; undefined for bullets */
  number?: number
  /** second reading of a one-letter marker that is also a roman numeral ('i', 'v', 'x') */
  alt?: number
  /** goal number of a dotted code ("2.3" → 2) */
  goal?: number
  /** parts of a dotted code ("1.2.3" → 3) */
  depth: number
  /** the marker as published, for messages */
  code: string
  text: string
}

type Open =
  | {
      kind: 'paragraph'
      target: 'intro' | 'preamble' | 'vision' | 'mission' | 'description' | 'stray'
      n: number
      lines: string[]
    }
  | { kind: 'objective'; objective: ParsedObjective; n: number }
  | { kind: 'value'; index: number }
  | { kind: 'title'; goal: ParsedGoal }
  | { kind: 'discard' }

/** Headings are short; anything longer is never tried as one (keeps every test cheap). */
const HEADING_MAX = 200
const TITLE_MAX = 150
const META_MAX = 200

/** cheap pre-checks before a line is normalised and looked up in SECTION_NAMES */
const SECTION_HINT = /^(?:[#*_\d]|[IVXLC]{1,7}[.)]|[A-Z][.)])/
const SECTION_WORD =
  /^(?:preamble|introduction|foreword|vision|our|mission|values|core|guiding|goals|goal areas|strategic (?:goals|directions|priorities))/i
const SECTION_NAMES: ReadonlyMap<string, Section> = new Map([
  ['preamble', 'preamble'],
  ['introduction', 'preamble'],
  ['foreword', 'preamble'],
  ['vision', 'vision'],
  ['our vision', 'vision'],
  ['vision statement', 'vision'],
  ['mission', 'mission'],
  ['our mission', 'mission'],
  ['mission statement', 'mission'],
  ['values', 'values'],
  ['our values', 'values'],
  ['core values', 'values'],
  ['values statement', 'values'],
  ['guiding values', 'values'],
  ['goals', 'goals'],
  ['our goals', 'goals'],
  ['goal areas', 'goals'],
  ['strategic goals', 'goals'],
  ['goals and objectives', 'goals'],
  ['strategic goals and objectives', 'goals'],
  ['strategic directions', 'goals'],
  ['strategic priorities', 'goals'],
])

const SMALL_WORDS = new Set('a an and as at by for in of on or the to with'.split(' '))
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', 'de', 'du', 'la', '&'])

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const DATE = new RegExp(
  [
    `\\b(${MONTHS})\\.?\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d{2})\\b`,
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+((?:19|20)\\d{2})\\b`,
    `\\b((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})\\b`,
    `\\b(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})\\b`,
  ].join('|'),
  'i',
)
const MONTH_START = new RegExp(`^(?:${MONTHS})\\b`, 'i')
const YEAR_RANGE =
  /\b(?:FY\s?)?((?:19|20)\d{2})\s*(?:[-–—‒]|\bto\b|\bthrough\b|\bthru\b)\s*(?:FY\s?)?((?:19|20)?\d{2})\b/i
const PERIOD_LINE =
  /^(?:(?:plan(?:ning)?\s+)?period:?\s*)?(?:FY\s?)?(?:19|20)\d{2}\s*(?:[-–—‒]|to|through)\s*(?:FY\s?)?(?:19|20)?\d{2}$/i

const GOAL_KEYWORD =
  /^(?:strategic\s+)?(?:goal|priority|direction)(?:\s+area)?(?:\s+(?:no\.?\s*|#\s*)?|\s*#\s*)(\d{1,3}|[ivxlc]{1,7}|[a-z])(?![\p{L}\p{N}])\s*([.:)\-–—]?)\s*(.*)$/iu
const GOAL_HINT = /^(?:[#*_]|goal|priority|direction|strategic)/i
const TITLE_WORD = /plan|framework|roadmap|strategy|directions/i
const MARKER_HINT = /^(?:[\d(•·◦▪▫‣⁃●○■□►▶✓✔*+\-–—]|[a-z]{1,6}[.)])/i
const ROMAN_HEADING = /^([IVXLC]{1,7})[.)]\s+(\S.*)$/
const OBJECTIVE_KEYWORD =
  /^(?:objective|obj\.)\s+(\d{1,3}(?:\.\d{1,3})*|[a-z])(?![\p{L}\p{N}])\s*[.:)\-–—]?\s*(.*)$/iu
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)[.):]?\s+(\S.*)$/
const NUMBERED = /^(?:\((\d{1,3})\)|(\d{1,3})[.)])\s+(\S.*)$/
const LETTERED = /^(?:\(([a-z]{1,6})\)|([a-z]{1,6})[.)])\s+(\S.*)$/i
const BULLET = /^(?:[•·◦▪▫‣⁃●○■□►▶✓✔]\s*|[*+\-–—]\s+)(\S.*)$/
const ADOPTION = /\b(?:adopted|approved|ratified)\b/i
const META_START =
  /^(?:(?:date\s+)?(?:adopted|approved|ratified)|(?:last\s+)?(?:revised|updated|modified)|effective)\b/i
const REVISED = /\b(?:last\s+(?:revised|updated|modified)|revised|updated)\b\s*(?:on\b)?\s*:?\s*/i
const FURNITURE =
  /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]?\s*\d{1,3}\s*[-–]?|print this page.*|back to top|return to top|top of page|copyright\b.*|©.*)$/i
/** "Objectives:" or "Strategies" above a goal's list: a label, not a description */
const LIST_LABEL =
  /^(?:key\s+|strategic\s+)?(?:objectives|strategies|actions|outcomes|tactics|initiatives)\s*:?$/i
/** Page furniture that can follow the last section of a plan: it never starts plan prose. */
const FURNITURE_START =
  /^(?:contact\b|for (?:questions|more information|further information)\b|privacy\b|terms of (?:use|service)\b|all rights reserved|follow us\b|share this\b|(?:tel|phone|fax|e-?mail)\b)/i
const LINK = /[\w.+-]+@[\w-]+\.[a-z]{2,}|https?:\/\/|\bwww\./i
const SENTENCE_END =
  /(?<!\b(?:[a-z]|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|mt|dr|no))\.(?=\s|$)/i
const BY = /^\s*by\s+(?:the\s+)?/i
const BY_END = /\s*(?:[,;(]|\s(?:in|on|at|during|effective|and|following|after|for|as)\s)/i
const PLACE =
  /^\s*,?\s*(?:in|at)\s+((?:[A-Z][\p{L}'’.-]*)(?:\s+(?:[A-Z][\p{L}'’.-]*|(?:of|de|la)(?!\p{L})))*)/u
const ABBR_IN_PARENS = /\(([A-Z][A-Z&]{1,11})\)/g

/** Parse a plan published as text into a `ParsedPlan`; never throws, unplaceable text becomes warnings. */
export function parsePlanText(text: string, options: ParsePlanTextOptions = {}): ParseResult {
  const input = cleanText(typeof text === 'string' ? text : '')
  const { texts, indents } = splitLines(input)
  return new PlanTextParser(input, texts, indents, options).parse()
}

/** How many goal areas and objectives a parsed plan holds (the import CLI prints these). */
export function planSummaryCounts(plan: ParsedPlan): { goals: number; objectives: number } {
  return {
    goals: plan.goals.length,
    objectives: plan.goals.reduce((sum, goal) => sum + goal.objectives.length, 0),
  }
}

class PlanTextParser {
  private readonly plan: ParsedPlan = {
    title: '',
    preamble: [],
    vision: [],
    mission: [],
    values: [],
    goals: [],
  }
  private readonly warnings: ParseWarning[] = []
  /** unplaced text that only counts as a warning if plan structure follows it (else it is furniture) */
  private pending: ParseWarning[] = []
  private readonly intro: { n: number; text: string }[] = []
  /** body paragraphs and metadata lines in document order, for the adoption sentence and title */
  private readonly bodyTexts: string[] = []
  /** line of the current goal heading */
  private goalLine = 0
  private readonly goalNumbers = new Set<number>()
  /** `goal ordinal × 2^21 + objective number` of every objective so far (one Set, not one per goal) */
  private readonly objectiveKeys = new Set<number>()
  private readonly nextNonBlank: Int32Array

  private section: Section | undefined
  private sawPreamble = false
  private goal: ParsedGoal | undefined
  private goalPhase: 'title' | 'description' | 'objectives' = 'title'
  private goalStyle: GoalStyle | undefined
  private goalIndent = 0
  private objectiveStyle: ItemStyle | undefined
  private objectiveIndent = 0
  private open: Open | undefined
  private titleLine: Line | undefined
  private periodLine: string | undefined

  constructor(
    private readonly input: string,
    private readonly texts: string[],
    private readonly indents: Int32Array,
    private readonly options: ParsePlanTextOptions,
  ) {
    this.nextNonBlank = new Int32Array(texts.length)
    let next = -1
    for (let i = texts.length - 1; i >= 0; i--) {
      this.nextNonBlank[i] = next
      if (texts[i]) next = i
    }
  }

  private line(index: number): Line {
    return { n: index + 1, text: this.texts[index] ?? '', indent: this.indents[index] ?? 0 }
  }

  parse(): ParseResult {
    const titleIndex = this.findTitleLine()
    let start = titleIndex
    if (start < 0) start = this.texts.findIndex((text) => this.isStructural(text))

    if (start >= 0) {
      if (titleIndex >= 0) {
        this.titleLine = this.line(titleIndex)
        this.section = 'intro'
        start += 1
      }
      for (let i = start; i < this.texts.length; i++) {
        if (this.texts[i]) this.bodyLine(this.line(i), i)
        else this.closeOpen(true)
      }
      this.closeOpen()
      this.finishGoal()
    }
    // Whatever is still pending sits after the last piece of plan structure: page furniture.
    this.pending = []

    for (const paragraph of this.intro) {
      if (this.sawPreamble) this.warn(paragraph.n, `could not place text: ${quote(paragraph.text)}`)
    }
    if (!this.sawPreamble) {
      // text between the title and the first heading is the preamble when there is no "Preamble"
      this.plan.preamble = this.intro.map((p) => p.text).concat(this.plan.preamble)
    }

    this.fillMetadata(start < 0 ? this.texts.length : start)
    if (!this.plan.title) this.warn(1, 'no plan title found')
    if (this.plan.goals.length === 0) {
      this.warn((this.titleLine?.n ?? 0) + 1, 'no goal areas found')
    }
    this.warnings.sort((a, b) => a.line - b.line)
    return { plan: ordered(this.plan), warnings: this.warnings }
  }

  // ---- where the body starts -------------------------------------------------------------------

  /** The first title-like line before the first goal heading, or -1. */
  private findTitleLine(): number {
    // a bare "Strategic Plan" (a navigation link) gives way to a later "Strategic Plan 2019–2024"
    let first = -1
    for (let i = 0; i < this.texts.length; i++) {
      const text = this.texts[i] ?? ''
      if (!text || text.length > HEADING_MAX) continue
      if (goalHeading(text, 0) || romanHeading(text)) break
      if (!isTitleLine(text) || sectionHeading(text)) continue
      if (yearRange(text)) return i
      if (first < 0) first = i
    }
    return first
  }

  private isStructural(text: string): boolean {
    if (!text || text.length > HEADING_MAX) return false
    return Boolean(sectionHeading(text) || goalHeading(text, 0) || romanHeading(text))
  }

  // ---- the body, line by line -----------------------------------------------------------------

  private bodyLine(line: Line, index: number): void {
    const { text } = line
    if (text === this.titleLine?.text || FURNITURE.test(text)) {
      // a running page header or footer
      this.closeOpen()
      return
    }

    const short = text.length <= HEADING_MAX
    const section = short ? sectionHeading(text) : undefined
    if (section) {
      this.closeOpen()
      this.flushPending()
      this.finishGoal()
      this.goal = undefined
      this.section = section.section
      if (section.section === 'preamble') this.sawPreamble = true
      if (section.inline) this.inlineSection(line, section.inline)
      return
    }

    const lastGoal = this.plan.goals[this.plan.goals.length - 1]?.number ?? 0
    const keyword = short ? goalHeading(text, lastGoal + 1) : undefined
    if (keyword) {
      this.startGoal(line, keyword.number, keyword.title, 'keyword')
      return
    }

    const objective = OBJECTIVE_KEYWORD.exec(text)
    if (objective) {
      this.item(line, keywordItem(objective[1] ?? '', objective[2] ?? ''))
      return
    }

    const roman = short ? romanHeading(text) : undefined
    if (roman && this.romanIsGoal(roman.letter)) {
      this.startGoal(line, roman.number, roman.title, 'roman')
      return
    }

    const item = markerItem(text)
    if (item && this.numberedIsGoal(line, index, item)) {
      this.startGoal(line, item.number ?? lastGoal + 1, item.text, 'numbered')
      return
    }
    if (item) {
      this.item(line, item)
      return
    }

    if (
      this.goal &&
      this.section === 'goals' &&
      this.goalPhase !== 'title' &&
      LIST_LABEL.test(text)
    ) {
      this.closeOpen()
      return
    }

    if (text.length <= META_MAX && (PERIOD_LINE.test(text) || isMetaLine(text))) {
      this.closeOpen()
      if (PERIOD_LINE.test(text)) this.periodLine ??= text
      else this.bodyTexts.push(text)
      return
    }

    this.plainText(line)
  }

  /** "Vision: To be …" — the rest of a heading line is the section's first paragraph or values. */
  private inlineSection(line: Line, inline: string): void {
    if (this.section === 'values') {
      const parts = inline.split(/[;,]/).map((part) => part.trim())
      // "Integrity, Service; Collaboration" is a list; a sentence ending in a full stop is one value
      const list =
        parts.length > 1 &&
        !/[.!?]$/.test(inline) &&
        parts.every((part) => part && part.length <= 40)
      for (const part of list ? parts : [inline]) this.plan.values.push(part)
      return
    }
    if (this.section !== 'goals') this.plainText({ ...line, text: inline })
  }

  private plainText(line: Line): void {
    const { text } = line
    const open = this.open
    if (open) {
      switch (open.kind) {
        case 'paragraph':
          open.lines.push(text)
          return
        case 'objective':
          open.objective.text = open.objective.text ? `${open.objective.text} ${text}` : text
          return
        case 'value':
          if (startsLowercase(text)) {
            this.plan.values[open.index] = `${this.plan.values[open.index] ?? ''} ${text}`
            return
          }
          break
        case 'title':
          if (startsLowercase(text)) {
            open.goal.title = `${open.goal.title} ${text}`
            return
          }
          break
        case 'discard':
          return
      }
      this.closeOpen()
    }

    if (FURNITURE_START.test(text) || (text.length <= 120 && LINK.test(text))) {
      // a contact line after the last section; a warning only if plan structure follows
      this.startParagraph(line, 'stray')
      return
    }

    switch (this.section) {
      case 'goals': {
        const goal = this.goal
        if (goal && this.goalPhase === 'title') {
          goal.title = text
          this.goalPhase = 'description'
          this.open = { kind: 'title', goal }
        } else if (goal && this.goalPhase === 'description') {
          this.startParagraph(line, 'description')
        } else {
          this.startParagraph(line, 'stray')
        }
        return
      }
      case 'values':
        this.plan.values.push(text)
        this.open = { kind: 'value', index: this.plan.values.length - 1 }
        return
      case 'preamble':
      case 'vision':
      case 'mission':
        this.startParagraph(line, this.section)
        return
      default:
        this.startParagraph(line, 'intro')
    }
  }

  private startParagraph(line: Line, target: Extract<Open, { kind: 'paragraph' }>['target']): void {
    this.open = { kind: 'paragraph', target, n: line.n, lines: [line.text] }
  }

  /** Ends the open paragraph or list item; a blank line keeps an objective whose text is still to come. */
  private closeOpen(blank = false): void {
    const open = this.open
    if (!open) return
    if (blank && open.kind === 'objective' && !open.objective.text) return
    this.open = undefined
    if (open.kind === 'objective' && !open.objective.text) {
      this.warn(open.n, `objective ${open.objective.number} has no text`)
    }
    if (open.kind !== 'paragraph') return
    const text = open.lines.join(' ')
    switch (open.target) {
      case 'stray':
        this.pending.push({ line: open.n, message: `could not place text: ${quote(text)}` })
        return
      case 'intro':
        this.intro.push({ n: open.n, text })
        break
      case 'description':
        this.goal?.description.push(text)
        break
      default:
        this.plan[open.target].push(text)
    }
    this.bodyTexts.push(text)
  }

  private flushPending(): void {
    for (const warning of this.pending) this.warnings.push(warning)
    this.pending = []
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message })
  }

  // ---- goal areas -----------------------------------------------------------------------------

  private romanIsGoal(letter: number | undefined): boolean {
    // "I. …" inside a goal whose objectives run A., B., C. … is the ninth objective, not goal 1.
    if (
      this.goal &&
      this.objectiveStyle === 'upper' &&
      letter !== undefined &&
      letter === this.lastObjectiveNumber() + 1
    ) {
      return false
    }
    return this.goalStyle === undefined || this.goalStyle === 'roman'
  }

  /** "1. Advocacy" is a goal area when numbered items follow it as its children ("1.1", "a.", "•"). */
  private numberedIsGoal(line: Line, index: number, item: Item): boolean {
    if (item.style !== 'number' || item.number === undefined) return false
    if (this.goalStyle === 'numbered') {
      return (
        line.indent <= this.goalIndent &&
        (this.objectiveStyle !== 'number' || line.indent < this.objectiveIndent)
      )
    }
    if (this.goalStyle !== undefined || this.section === 'values') return false
    const nextIndex = this.nextNonBlank[index] ?? -1
    const next = nextIndex >= 0 ? this.line(nextIndex) : undefined
    if (!next || next.text.length > HEADING_MAX * 4) return false
    const keyword = OBJECTIVE_KEYWORD.exec(next.text)
    const child = keyword ? keywordItem(keyword[1] ?? '', keyword[2] ?? '') : markerItem(next.text)
    if (!child) return false
    // "1. Advocacy" + "1.1 …" is a goal area anywhere; weaker signs only where goals are expected
    if (child.goal !== undefined) return child.goal === item.number && child.depth === 2
    if (this.section !== 'goals' && this.section !== 'intro' && this.section !== undefined) {
      return false
    }
    if (child.style === 'number') return next.indent > line.indent
    return true
  }

  private startGoal(line: Line, number: number, title: string, style: GoalStyle): void {
    this.closeOpen()
    this.flushPending()
    this.finishGoal()
    const goals = this.plan.goals
    const last = goals[goals.length - 1]?.number ?? 0
    if (this.goalNumbers.has(number)) {
      this.warn(line.n, `duplicate goal number ${number}`)
    } else if (number !== last + 1) {
      this.warn(line.n, `goal ${number} follows goal ${last}: numbering is not sequential`)
    }
    const goal: ParsedGoal = {
      number,
      title: stripEmphasis(title),
      description: [],
      objectives: [],
    }
    goals.push(goal)
    this.goalNumbers.add(number)
    this.goalLine = line.n
    this.goal = goal
    this.section = 'goals'
    this.goalPhase = goal.title ? 'description' : 'title'
    this.goalStyle ??= style
    this.goalIndent = line.indent
    this.objectiveStyle = undefined
    this.objectiveIndent = 0
    if (goal.title) this.open = { kind: 'title', goal }
  }

  private finishGoal(): void {
    const goal = this.goal
    if (goal && !goal.title) {
      this.warn(this.goalLine, `goal ${goal.number} has no title`)
    }
  }

  private lastObjectiveNumber(): number {
    const objectives = this.goal?.objectives ?? []
    return objectives[objectives.length - 1]?.number ?? 0
  }

  // ---- objectives, values and list items ------------------------------------------------------

  private item(line: Line, item: Item): void {
    this.closeOpen()
    switch (this.section) {
      case 'values':
        this.plan.values.push(item.text)
        this.open = { kind: 'value', index: this.plan.values.length - 1 }
        return
      case 'goals':
        break
      default:
        // a numbered list inside the preamble, vision or mission is prose
        this.startParagraph(line, this.section === undefined ? 'intro' : this.section)
        return
    }

    const goal = this.goal
    if (!goal) {
      this.flushPending()
      this.warn(line.n, `objective before any goal area: ${quote(line.text)}`)
      this.open = { kind: 'discard' }
      return
    }

    const nested =
      item.depth > 2 ||
      (this.objectiveStyle !== undefined &&
        item.style !== this.objectiveStyle &&
        line.indent > this.objectiveIndent)
    if (nested) {
      this.flushPending()
      this.warn(line.n, `could not place sub-item under goal ${goal.number}: ${quote(line.text)}`)
      this.open = { kind: 'discard' }
      return
    }

    this.flushPending()
    this.goalPhase = 'objectives'
    if (this.objectiveStyle === undefined) {
      this.objectiveStyle = item.style
      this.objectiveIndent = line.indent
    }
    const expected = this.lastObjectiveNumber() + 1
    let number = item.number ?? expected
    if (item.alt !== undefined && number !== expected && item.alt === expected) number = item.alt
    if (item.goal !== undefined && item.goal !== goal.number) {
      this.warn(line.n, `objective ${item.code} is listed under goal ${goal.number}`)
    }
    const key = this.plan.goals.length * 2 ** 21 + number
    if (this.objectiveKeys.has(key)) {
      this.warn(line.n, `duplicate objective number ${number} in goal ${goal.number}`)
    } else if (number !== expected) {
      this.warn(
        line.n,
        `objective ${item.code} in goal ${goal.number} follows ${expected - 1}: numbering is not sequential`,
      )
    }
    const objective: ParsedObjective = { number, text: item.text }
    goal.objectives.push(objective)
    this.objectiveKeys.add(key)
    this.open = { kind: 'objective', objective, n: line.n }
  }

  // ---- title, organization, period, dates -----------------------------------------------------

  private fillMetadata(bodyStart: number): void {
    const plan = this.plan
    const organization = this.organization()
    if (organization) plan.organization = organization.name

    const heading = this.titleLine ? stripEmphasis(stripMarkdown(this.titleLine.text)) : ''
    const period = yearRange(heading) ?? (this.periodLine ? yearRange(this.periodLine) : undefined)
    if (heading) {
      plan.title = this.titleFrom(heading, organization)
    } else {
      const phrase = this.titlePhrase()
      if (phrase) plan.title = phrase
    }
    const years = period ?? yearRange(plan.title)
    if (years) {
      plan.startYear = years.start
      plan.endYear = years.end
    }

    const candidates = [...this.bodyTexts]
    for (let i = 0; i < bodyStart; i++) {
      const text = this.texts[i] ?? ''
      if (text.length <= META_MAX && META_START.test(text)) candidates.push(text)
    }
    for (const candidate of candidates) {
      const adoption = parseAdoption(candidate)
      if (!adoption) continue
      if (adoption.on) plan.adoptedOn = adoption.on
      if (adoption.by) plan.adoptedBy = adoption.by
      break
    }

    for (const text of this.texts) {
      if (!text || text.length > META_MAX) continue
      const revised = revisedDate(text)
      if (revised) {
        plan.lastRevised = revised
        break
      }
    }
  }

  private organization(): { name: string; abbreviation?: string } | undefined {
    const given = this.options.organization?.trim()
    if (given) return { name: given, abbreviation: this.abbreviationOf(given) }
    const body = this.bodyTexts.join('\n')
    return findOrganization(body) ?? findOrganization(this.input)
  }

  /** The abbreviation the text uses for a given organization name, if any. */
  private abbreviationOf(name: string): string | undefined {
    const all = this.input
    const at = all.indexOf(`${name} (`)
    if (at >= 0) {
      const match = /^\(([A-Z][A-Z&]{1,11})\)/.exec(
        all.slice(at + name.length + 1, at + name.length + 16),
      )
      if (match?.[1]) return match[1]
    }
    const initials = name
      .split(/\s+/)
      .filter((word) => /^\p{Lu}/u.test(word))
      .map((word) => word[0])
      .join('')
    if (initials.length < 2 || !/^[A-Z]+$/.test(initials)) return undefined
    return new RegExp(`\\b${initials}\\b`).test(all) ? initials : undefined
  }

  /**
   * "STRATEGIC PLAN 2006-2011" → "ALCTS Strategic Plan 2006-2011": the body's own wording when it
   * names the plan ("The ALCTS Strategic Plan 2006-2011 positions …"), else the organization's
   * abbreviation (or name) before the heading.
   */
  private titleFrom(
    heading: string,
    organization: { name: string; abbreviation?: string } | undefined,
  ): string {
    const needsOwner = /^(?:the\s+)?(?:strategic\s+(?:plan|framework|directions)|plan)\b/i.test(
      heading,
    )
    const keep = organization?.abbreviation
    if (!needsOwner) return titleCase(heading, keep)
    const key = normaliseDashes(heading.toLowerCase()).replace(/^the\s+/, '')
    for (const text of this.bodyTexts) {
      const lower = normaliseDashes(text.toLowerCase())
      if (lower.length !== text.length) continue
      const at = lower.indexOf(key)
      if (at <= 0) continue
      const owner = /\b([A-Z][A-Z&]{1,11})['’]?s?\s+$/.exec(text.slice(Math.max(0, at - 20), at))
      if (owner?.[1]) return `${owner[1]} ${text.slice(at, at + key.length)}`
    }
    const prefix = organization?.abbreviation ?? organization?.name
    const own = titleCase(heading.replace(/^the\s+/i, ''), keep)
    return prefix ? `${prefix} ${own}` : own
  }

  /** Without a title line: "… the ALCTS Strategic Plan 2006-2011 …" as the body words it. */
  private titlePhrase(): string | undefined {
    for (const text of this.bodyTexts) {
      const match =
        /\b(?:[A-Z][A-Z&]{1,11}\s+)?Strategic\s+Plan,?\s+(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}\b/.exec(
          text.slice(0, 2000),
        )
      if (match) return match[0]
    }
    return undefined
  }
}

/** The plan with its keys in `ParsedPlan` order and no undefined values (stable JSON for the CLI). */
function ordered(plan: ParsedPlan): ParsedPlan {
  const { title, organization, startYear, endYear, adoptedOn, adoptedBy, lastRevised } = plan
  const meta = { organization, startYear, endYear, adoptedOn, adoptedBy, lastRevised }
  const defined = Object.fromEntries(
    Object.entries(meta).filter(([, value]) => value !== undefined),
  )
  const { preamble, vision, mission, values, goals } = plan
  return { title, ...defined, preamble, vision, mission, values, goals }
}

// ---- line helpers -------------------------------------------------------------------------------

/** Non-breaking and other odd spaces, invisible characters and control bytes, normalised once. */
function cleanText(input: string): string {
  return input
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, ' ')
}

function splitLines(input: string): { texts: string[]; indents: Int32Array } {
  const texts = input.split('\n')
  const indents = new Int32Array(texts.length)
  for (let i = 0; i < texts.length; i++) {
    const raw = texts[i] ?? ''
    const text = raw.trim()
    texts[i] = text
    if (text) indents[i] = raw.indexOf(text[0] ?? '')
  }
  return { texts, indents }
}

function stripMarkdown(text: string): string {
  let out = text
  if (out.startsWith('#')) out = out.replace(/^#{1,6}\s+/, '')
  if (out.endsWith('#')) out = out.replace(/\s+#{1,6}$/, '')
  return out
}

function stripEmphasis(text: string): string {
  const match = /^(\*\*|__)(.+)\1$/.exec(text)
  return (match?.[2] ?? text).trim()
}

function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text)
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)
}

function normaliseDashes(text: string): string {
  return text.replace(/[–—‒]/g, '-')
}

/** "Preamble", "OUR VISION", "II. Mission Statement:", "Core Values: a, b" → the section. */
function sectionHeading(text: string): { section: Section; inline: string } | undefined {
  if (!SECTION_HINT.test(text) && !SECTION_WORD.test(text)) return undefined
  const colon = text.indexOf(':')
  const head = colon >= 0 ? text.slice(0, colon) : text
  if (head.length > 60) return undefined
  const key = stripMarkdown(head)
    .replace(/\*\*|__/g, '')
    .replace(/^(?:[IVXLC]{1,7}|\d{1,2}|[A-Z])[.)]\s+/, '')
    .replace(/[.:]+$/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
  const section = SECTION_NAMES.get(key)
  if (!section) return undefined
  return { section, inline: colon >= 0 ? text.slice(colon + 1).trim() : '' }
}

/** "Goal Area 1.", "GOAL 1. TITLE.", "Goal 2: Advocacy", "Strategic Priority IV – …" → number + title. */
function goalHeading(
  text: string,
  expected: number,
): { number: number; title: string } | undefined {
  if (!GOAL_HINT.test(text)) return undefined
  const match = GOAL_KEYWORD.exec(stripMarkdown(text).replace(/^\*\*|^__/, ''))
  if (!match) return undefined
  const token = match[1] ?? ''
  const separator = match[2] ?? ''
  const title = (match[3] ?? '')
    .replace(/^(?:\*\*|__)\s*/, '')
    .replace(/\s*(?:\*\*|__)$/, '')
    .trim()
  // prose such as "Goal 1 is to …" is not a heading
  if (!separator && title && startsLowercase(title)) return undefined
  const number = tokenNumber(token, expected)
  return number === undefined ? undefined : { number, title }
}

/** "IV. Governance" → 4 (and, for one-letter numerals, the letter's place in the alphabet). */
function romanHeading(
  text: string,
): { number: number; title: string; letter?: number } | undefined {
  const match = ROMAN_HEADING.exec(text)
  if (!match) return undefined
  const number = romanValue(match[1] ?? '')
  const title = (match[2] ?? '').trim()
  if (number === undefined || startsLowercase(title)) return undefined
  const token = match[1] ?? ''
  return { number, title, letter: token.length === 1 ? letterValue(token) : undefined }
}

function tokenNumber(token: string, expected: number): number | undefined {
  if (/^\d+$/.test(token)) return Number(token)
  const roman = romanValue(token)
  if (token.length > 1) return roman
  const letter = letterValue(token)
  if (roman === expected) return roman
  if (letter === expected) return letter
  return /^[ivx]$/i.test(token) && roman !== undefined ? roman : letter
}

function romanValue(token: string): number | undefined {
  const upper = token.toUpperCase()
  if (!upper || !/^(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(upper)) return undefined
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 }
  let total = 0
  for (let i = 0; i < upper.length; i++) {
    const value = values[upper[i] ?? ''] ?? 0
    const next = values[upper[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total > 0 ? total : undefined
}

function letterValue(token: string): number {
  return token.toLowerCase().charCodeAt(0) - 96
}

function keywordItem(code: string, text: string): Item {
  const parts = code.split('.').map(Number)
  if (parts.length > 1) {
    return {
      style: 'keyword',
      number: parts[parts.length - 1],
      goal: parts[0],
      depth: parts.length,
      code,
      text,
    }
  }
  const number = /^\d+$/.test(code) ? Number(code) : letterValue(code)
  return { style: 'keyword', number, depth: 1, code, text }
}

/** "1. …", "(2) …", "1.3 …", "a) …", "iv. …", "• …" → a list item, or undefined. */
function markerItem(text: string): Item | undefined {
  if (!MARKER_HINT.test(text)) return undefined
  const dotted = DOTTED.exec(text)
  if (dotted) {
    const code = dotted[1] ?? ''
    const parts = code.split('.').map(Number)
    return {
      style: 'dotted',
      number: parts[parts.length - 1],
      goal: parts[0],
      depth: parts.length,
      code,
      text: dotted[2] ?? '',
    }
  }
  const numbered = NUMBERED.exec(text)
  if (numbered) {
    const code = numbered[1] ?? numbered[2] ?? ''
    return { style: 'number', number: Number(code), depth: 1, code, text: numbered[3] ?? '' }
  }
  const lettered = LETTERED.exec(text)
  if (lettered) {
    const code = lettered[1] ?? lettered[2] ?? ''
    const rest = lettered[3] ?? ''
    const style: ItemStyle = code === code.toUpperCase() ? 'upper' : 'letter'
    if (code.length === 1) {
      const roman = romanValue(code)
      const alt = /^[ivx]$/i.test(code) ? roman : undefined
      return { style, number: letterValue(code), alt, depth: 1, code, text: rest }
    }
    // "ii.", "iv)"; "etc." or "Dr." are words, not markers
    const roman = code === code.toLowerCase() ? romanValue(code) : undefined
    if (roman === undefined) return undefined
    return { style: 'letter', number: roman, depth: 1, code, text: rest }
  }
  const bullet = BULLET.exec(text)
  if (bullet) return { style: 'bullet', depth: 1, code: text.slice(0, 1), text: bullet[1] ?? '' }
  return undefined
}

function isTitleLine(raw: string): boolean {
  if (!TITLE_WORD.test(raw)) return false
  const text = stripEmphasis(stripMarkdown(raw))
  if (text.length < 6 || text.length > TITLE_MAX || /[.;,:]$/.test(text)) return false
  if (text.split(/\s+/).length > 16) return false
  if (/\bstrategic\s+(?:plan|framework)\b/i.test(text)) return true
  return /\b(?:plan|framework|roadmap|strategy|directions)\b/i.test(text) && YEAR_RANGE.test(text)
}

function isMetaLine(text: string): boolean {
  if (!META_START.test(text)) return false
  return DATE.test(text) || /\bby\b/i.test(text)
}

function yearRange(text: string): { start: number; end: number } | undefined {
  const match = YEAR_RANGE.exec(text)
  if (!match) return undefined
  const start = Number(match[1])
  const endText = match[2] ?? ''
  const end =
    endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText)
  if (end < start || end - start > 30) return undefined
  return { start, end }
}

function titleCase(text: string, keep: string | undefined): string {
  if (/\p{Ll}/u.test(text) || (text.match(/\p{Lu}/gu)?.length ?? 0) < 2) return text
  let first = true
  return text.replace(/[A-Z][A-Z'’]*/g, (word, offset: number) => {
    const before = text.slice(Math.max(0, offset - 2), offset)
    const startOfPhrase = first || /[:–—]\s*$/.test(before)
    first = false
    if (word === keep) return word
    const lower = word.toLowerCase()
    if (!startOfPhrase && SMALL_WORDS.has(lower) && /\s$/.test(before)) return lower
    return word[0] + lower.slice(1)
  })
}

// ---- organization, adoption, dates --------------------------------------------------------------

/** "The Association for Library Collections and Technical Services (ALCTS)" → name + abbreviation. */
function findOrganization(text: string): { name: string; abbreviation: string } | undefined {
  ABBR_IN_PARENS.lastIndex = 0
  let match: RegExpExecArray | null
  let tries = 0
  while ((match = ABBR_IN_PARENS.exec(text)) && tries++ < 1000) {
    const abbreviation = match[1] ?? ''
    const name = nameBefore(text.slice(Math.max(0, match.index - 200), match.index), abbreviation)
    if (name) return { name, abbreviation }
  }
  return undefined
}

function nameBefore(before: string, abbreviation: string): string | undefined {
  if (!/\S\s*$/.test(before) || /[,;.:)]\s*$/.test(before)) return undefined
  const words = before.trim().split(/\s+/)
  const letters = abbreviation.replace(/&/g, '')
  let initials = ''
  let capitals = 0
  for (let i = words.length - 1; i >= 0 && words.length - i <= 12; i--) {
    const word = words[i] ?? ''
    if (/[,;.:()]$/.test(word) && i !== words.length - 1) break
    if (CONNECTORS.has(word.toLowerCase()) && !/^\p{Lu}/u.test(word)) continue
    if (!/^\p{Lu}/u.test(word)) break
    if (word === 'The' && i < words.length - 1) break
    initials = word[0] + initials
    capitals++
    if (initials === letters) return words.slice(i).join(' ')
    if (initials.length > letters.length) break
  }
  // names whose abbreviation takes more than initials ("Library Leadership and Management Association (LLAMA)")
  if (capitals >= 2) {
    const start = words.length - Math.min(words.length, 12)
    const run = words.slice(start)
    let from = run.length
    for (let i = run.length - 1; i >= 0; i--) {
      const word = run[i] ?? ''
      if (/[,;.:()]$/.test(word) && i !== run.length - 1) break
      if (/^\p{Lu}/u.test(word) && word !== 'The') from = i
      else if (!CONNECTORS.has(word.toLowerCase())) break
    }
    const name = run.slice(from).join(' ')
    if (name && name[0] === letters[0] && name.split(/\s+/).length >= 2) return name
  }
  return undefined
}

/**
 * "The plan was adopted by the ALCTS Executive Board in June 2006 in New Orleans and …" →
 * { on: '2006-06-01', by: 'ALCTS Executive Board, New Orleans' }; "Adopted June 21, 2019" → { on }.
 */
function parseAdoption(text: string): { on?: string; by?: string } | undefined {
  const match = ADOPTION.exec(text)
  if (!match) return undefined
  let clause = text.slice(match.index + match[0].length, match.index + match[0].length + 300)
  const end = SENTENCE_END.exec(clause)
  if (end) clause = clause.slice(0, end.index)

  let by: string | undefined
  let afterBy = 0
  const byMatch = BY.exec(clause)
  if (byMatch) {
    const rest = clause.slice(byMatch[0].length)
    const date = DATE.exec(rest)
    const stop = BY_END.exec(rest)
    let length = rest.length
    if (stop && stop.index < length) length = stop.index
    if (date && date.index < length) length = date.index
    const body = rest.slice(0, length).trim().replace(/[.,]$/, '')
    if (body && body.length <= 100) by = body
    afterBy = byMatch[0].length + length
  }

  const date = DATE.exec(clause)
  const on = date ? isoFromDate(date) : undefined
  let place: string | undefined
  const afterDate = date ? PLACE.exec(clause.slice(date.index + date[0].length)) : null
  const afterByPlace = by ? PLACE.exec(clause.slice(afterBy)) : null
  for (const candidate of [afterDate?.[1], afterByPlace?.[1]]) {
    const cleaned = candidate
      ?.replace(/[.,]+$/, '')
      .replace(/(?:\s+(?:of|de|la))+$/, '')
      .trim()
    if (cleaned && !MONTH_START.test(cleaned)) {
      place = cleaned
      break
    }
  }
  if (!on && !by) return undefined
  return { on, by: by && place ? `${by}, ${place}` : by }
}

function isoFromDate(match: RegExpExecArray): string | undefined {
  let year: number
  let month: number
  let day: number
  if (match[3]) {
    year = Number(match[3])
    month = monthNumber(match[1] ?? '')
    day = match[2] ? Number(match[2]) : 1
  } else if (match[6]) {
    year = Number(match[6])
    month = monthNumber(match[5] ?? '')
    day = Number(match[4])
  } else if (match[7]) {
    year = Number(match[7])
    month = Number(match[8])
    day = Number(match[9])
  } else {
    year = Number(match[12])
    month = Number(match[10])
    day = Number(match[11])
  }
  return isoDate(year, month, day)
}

function monthNumber(name: string): number {
  const months = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ')
  return months.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12) || !(day >= 1)) return undefined
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** "Last Revised: January 29, 2010" → '2010-01-29'. */
function revisedDate(text: string): string | undefined {
  const match = REVISED.exec(text)
  if (!match) return undefined
  const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 60)
  const date = DATE.exec(rest)
  if (!date || date.index > 0) return undefined
  return isoFromDate(date)
}
