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
import { ordered, yearRange } from './numbering'
import {
  bareHeading,
  cleanText,
  FURNITURE,
  FURNITURE_START,
  goalHeading,
  HEADING_MAX,
  isTitleLine,
  keywordItem,
  LINK,
  LIST_LABEL,
  markerItem,
  OBJECTIVE_KEYWORD,
  objectiveWord,
  PERIOD_LINE,
  quote,
  romanHeading,
  sectionHeading,
  splitLines,
  startsLowercase,
  stripEmphasis,
  tableOfContents,
  type GoalStyle,
  type Item,
  type ItemStyle,
  type Section,
} from './text-markers'
import { fillMetadata, isMetaLine, META_MAX } from './text-metadata'
import type { ParsedGoal, ParsedObjective, ParsedPlan, ParseResult, ParseWarning } from './types'

/** Lines of description a goal heading may have before its first objective. */
const DESCRIPTION_LINES = 12
export interface ParsePlanTextOptions {
  /** the organization's full name, when the text does not spell it out */
  organization?: string
}

interface Line {
  /** 1-based line number */
  n: number
  /** trimmed, spaces normalised, control characters removed */
  text: string
  indent: number
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
  /** lines of a table of contents: skipped, so its entries are not read as the plan's headings */
  private readonly toc: Uint8Array

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
  /** the word the first keyword item used ("Strategy 1.1" → "Strategy") */
  private keywordLabel: string | undefined
  /** the word of the first list label above objectives ("Key Actions:" → "Action") */
  private listLabel: string | undefined

  constructor(
    private readonly input: string,
    private readonly texts: string[],
    private readonly indents: Int32Array,
    private readonly options: ParsePlanTextOptions,
  ) {
    this.toc = tableOfContents(texts)
    this.nextNonBlank = new Int32Array(texts.length)
    let next = -1
    for (let i = texts.length - 1; i >= 0; i--) {
      this.nextNonBlank[i] = next
      if (texts[i] && !this.toc[i]) next = i
    }
  }

  private line(index: number): Line {
    return { n: index + 1, text: this.texts[index] ?? '', indent: this.indents[index] ?? 0 }
  }

  parse(): ParseResult {
    const titleIndex = this.findTitleLine()
    let start = titleIndex
    if (start < 0)
      start = this.texts.findIndex((text, i) => !this.toc[i] && this.isStructural(text))

    if (start >= 0) {
      if (titleIndex >= 0) {
        this.titleLine = this.line(titleIndex)
        this.section = 'intro'
        start += 1
      }
      for (let i = start; i < this.texts.length; i++) {
        if (this.toc[i]) this.closeOpen()
        else if (this.texts[i]) this.bodyLine(this.line(i), i)
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

    const label = this.keywordLabel ?? this.listLabel
    if (label && label !== 'Objective' && this.objectiveKeys.size > 0) {
      this.plan.objectiveLabel = label
    }
    fillMetadata(this.plan, {
      input: this.input,
      texts: this.texts,
      bodyTexts: this.bodyTexts,
      titleLine: this.titleLine?.text,
      titleIndex: titleIndex >= 0 ? titleIndex : undefined,
      periodLine: this.periodLine,
      bodyStart: start < 0 ? this.texts.length : start,
      organization: this.options.organization,
    })
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
      if (!text || text.length > HEADING_MAX || this.toc[i]) continue
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
      this.keywordLabel ??= objectiveWord(objective[1] ?? '')
      this.item(line, keywordItem(objective[2] ?? '', objective[3] ?? ''))
      return
    }

    const roman = short ? romanHeading(text) : undefined
    if (roman && this.romanIsGoal(roman.letter)) {
      this.startGoal(line, roman.number, roman.title, 'roman')
      return
    }

    const heading = short ? this.headingGoal(index) : undefined
    if (heading) {
      this.startGoal(line, lastGoal + 1, heading, 'heading')
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
      this.listLabel ??= objectiveWord(LIST_LABEL.exec(text)?.[1] ?? '')
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
    const child = keyword ? keywordItem(keyword[2] ?? '', keyword[3] ?? '') : markerItem(next.text)
    if (!child) return false
    // "1. Advocacy" + "1.1 …" is a goal area anywhere; weaker signs only where goals are expected
    if (child.goal !== undefined) return child.goal === item.number && child.depth === 2
    if (this.section !== 'goals' && this.section !== 'intro' && this.section !== undefined) {
      return false
    }
    if (child.style === 'number') return next.indent > line.indent
    return true
  }

  /**
   * "Membership" + "1.1 …" (or "Strategy 1.1 …"): an unnumbered heading is the next goal area when
   * the item under it is numbered as that goal's first objective, anywhere. Under a "Goals" heading,
   * or once goal areas are headings, a heading above a list starting at 1 (or a bullet) is one too.
   * That weaker kind stands after a blank line, so a wrapped line of an objective never becomes one.
   */
  private headingGoal(index: number): string | undefined {
    if (this.goalStyle !== undefined && this.goalStyle !== 'heading') return undefined
    const title = bareHeading(this.texts[index] ?? '')
    if (!title) return undefined
    const child = this.firstItemAfter(index)
    if (!child) return undefined
    const expected = (this.plan.goals[this.plan.goals.length - 1]?.number ?? 0) + 1
    if (child.goal !== undefined) {
      return child.goal === expected && child.depth === 2 && child.number === 1 ? title : undefined
    }
    if (this.section !== 'goals' && this.goalStyle !== 'heading') return undefined
    if (index > 0 && this.texts[index - 1]) return undefined
    return child.style === 'bullet' || child.number === 1 ? title : undefined
  }

  /** The first list item after a heading, past a few paragraphs of description, or undefined. */
  private firstItemAfter(index: number): Item | undefined {
    let at = this.nextNonBlank[index] ?? -1
    for (let seen = 0; at >= 0 && seen < DESCRIPTION_LINES; seen++) {
      const text = this.texts[at] ?? ''
      if (text.length > HEADING_MAX * 4) return undefined
      const keyword = OBJECTIVE_KEYWORD.exec(text)
      const item = keyword ? keywordItem(keyword[2] ?? '', keyword[3] ?? '') : markerItem(text)
      if (item) return item
      // another heading (or a section) comes first: this one has no list of its own
      if (!this.texts[at - 1] && (bareHeading(text) || sectionHeading(text))) return undefined
      at = this.nextNonBlank[at] ?? -1
    }
    return undefined
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
}
