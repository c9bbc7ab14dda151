/**
 * The plan text parser's recognisers: which lines are section headings ("Vision", "Core Values"),
 * goal-area headings ("Goal 2: Advocacy", "IV. Governance"), list items ("1.3", "a)", "•") and the
 * plan's title line, and the line clean-up they all read. Pure; every expression is anchored or
 * bounded, and long lines are never tried as headings.
 */
import { letterValue, romanValue, YEAR_RANGE } from './numbering'

export type Section = 'intro' | 'preamble' | 'vision' | 'mission' | 'values' | 'goals'
export type GoalStyle = 'keyword' | 'roman' | 'numbered' | 'heading'
export type ItemStyle = 'keyword' | 'number' | 'dotted' | 'letter' | 'upper' | 'bullet'

export interface Item {
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

/** Headings are short; anything longer is never tried as one (keeps every test cheap). */
export const HEADING_MAX = 200
const TITLE_MAX = 150
/** cheap pre-checks before a line is normalised and looked up in SECTION_NAMES */
const SECTION_HINT = /^(?:[#*_\d]|[IVXLC]{1,7}[.)]|[A-Z][.)])/
const SECTION_WORD =
  /^(?:preamble|introduction|foreword|vision|our|mission|values|core|guiding|goals|goal areas|priorities|focus|pillars|themes|strategic )/i
export const SECTION_NAMES: ReadonlyMap<string, Section> = new Map([
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
  ['priorities', 'goals'],
  ['our priorities', 'goals'],
  ['focus areas', 'goals'],
  ['strategic focus areas', 'goals'],
  ['pillars', 'goals'],
  ['strategic pillars', 'goals'],
  ['themes', 'goals'],
  ['strategic themes', 'goals'],
])
export const PERIOD_LINE =
  /^(?:(?:plan(?:ning)?\s+)?period:?\s*)?(?:FY\s?)?(?:19|20)\d{2}\s*(?:[-–—‒]|to|through)\s*(?:FY\s?)?(?:19|20)?\d{2}$/i
const GOAL_KEYWORD =
  /^(?:strategic\s+)?(?:goal|priority|direction|pillar|theme)(?:\s+area)?(?:\s+(?:no\.?\s*|#\s*)?|\s*#\s*)(\d{1,3}|[ivxlc]{1,7}|[a-z])(?![\p{L}\p{N}])\s*([.:)\-–—]?)\s*(.*)$/iu
const GOAL_HINT = /^(?:[#*_]|goal|priority|direction|strategic|pillar|theme)/i
const TITLE_WORD = /plan|framework|roadmap|strategy|directions/i
const MARKER_HINT = /^(?:[\d(•·◦▪▫‣⁃●○■□►▶✓✔*+\-–—]|[a-z]{1,6}[.)])/i
const ROMAN_HEADING = /^([IVXLC]{1,7})[.)]\s+(\S.*)$/
/**
 * "Objective 1.2", "Strategy 2.3:", "Key Initiative 4 –": an objective-level item under any of the
 * words plans use for one; the word is group 1, the code group 2, the text group 3.
 */
export const OBJECTIVE_KEYWORD =
  /^(objective|obj\.|strategy|action|key\s+initiative|outcome|tactic)\s+(\d{1,3}(?:\.\d{1,3})*|[a-z])(?![\p{L}\p{N}])\s*[.:)\-–—]?\s*(.*)$/iu
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)[.):]?\s+(\S.*)$/
const NUMBERED = /^(?:\((\d{1,3})\)|(\d{1,3})[.)])\s+(\S.*)$/
const LETTERED = /^(?:\(([a-z]{1,6})\)|([a-z]{1,6})[.)])\s+(\S.*)$/i
const BULLET = /^(?:[•·◦▪▫‣⁃●○■□►▶✓✔]\s*|[*+\-–—]\s+)(\S.*)$/
export const FURNITURE =
  /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]?\s*\d{1,3}\s*[-–]?|print this page.*|back to top|return to top|top of page|copyright\b.*|©.*)$/i
/** "Objectives:" or "Strategies" above a goal's list: a label, not a description */
export const LIST_LABEL =
  /^(?:strategic\s+)?((?:key\s+)?(?:objectives|strategies|actions|outcomes|tactics|initiatives))\s*:?$/i
/** Page furniture that can follow the last section of a plan: it never starts plan prose. */
export const FURNITURE_START =
  /^(?:contact\b|for (?:questions|more information|further information)\b|privacy\b|terms of (?:use|service)\b|all rights reserved|follow us\b|share this\b|(?:tel|phone|fax|e-?mail)\b)/i
/** "Contents", "Table of Contents:", "## CONTENTS" */
const CONTENTS = /^(?:table\s+of\s+)?contents:?$/i
/** "Engaged Members ........ 4", "Goal 2 … 12": dot leaders then a page number */
const LEADERS = /\S\s*(?:[.·…_]\s?){3,}\s*(?:\d{1,3}|[ivxlc]{1,6})$/i
/** a table-of-contents entry without leaders: "Our Mission 3", "Goal 1: Members    4" */
const PAGE_AT_END = /\S\s+(?:\d{1,3}|[ivxlc]{1,6})$/i

/**
 * Lines of a table of contents: every line with dot leaders and a page number, and after a
 * "Contents" heading the lines that end in a page number, up to the first that does not. Their
 * goal titles would otherwise be read twice.
 */
export function tableOfContents(texts: readonly string[]): Uint8Array {
  const toc = new Uint8Array(texts.length)
  let inContents = false
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? ''
    if (!text || text.length > HEADING_MAX) {
      if (text) inContents = false
      continue
    }
    if (CONTENTS.test(stripEmphasis(stripMarkdown(text)))) {
      toc[i] = 1
      inContents = true
    } else if (LEADERS.test(text) || (inContents && PAGE_AT_END.test(text))) {
      toc[i] = 1
    } else {
      inContents = false
    }
  }
  return toc
}

export const LINK = /[\w.+-]+@[\w-]+\.[a-z]{2,}|https?:\/\/|\bwww\./i

/** Non-breaking and other odd spaces, invisible characters and control bytes, normalised once. */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, ' ')
}

export function splitLines(input: string): { texts: string[]; indents: Int32Array } {
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

export function stripMarkdown(text: string): string {
  let out = text
  if (out.startsWith('#')) out = out.replace(/^#{1,6}\s+/, '')
  if (out.endsWith('#')) out = out.replace(/\s+#{1,6}$/, '')
  return out
}

export function stripEmphasis(text: string): string {
  const match = /^(\*\*|__)(.+)\1$/.exec(text)
  return (match?.[2] ?? text).trim()
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text)
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)
}

export function normaliseDashes(text: string): string {
  return text.replace(/[–—‒]/g, '-')
}

/** "Preamble", "OUR VISION", "II. Mission Statement:", "Core Values: a, b" → the section. */
export function sectionHeading(text: string): { section: Section; inline: string } | undefined {
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
export function goalHeading(
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
export function romanHeading(
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

/** "strategies", "Key Initiative", "OBJECTIVE" → the label of one item: "Strategy", "Key Initiative" */
export function objectiveWord(word: string): string {
  const singular = word
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ies$/i, 'y')
    .replace(/(?<=[a-z])s$/i, '')
  if (/^obj\.?$/i.test(singular)) return 'Objective'
  return singular.replace(/\p{L}+/gu, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
}

export function keywordItem(code: string, text: string): Item {
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
export function markerItem(text: string): Item | undefined {
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

/**
 * "Membership", "## Advocacy and Outreach", "**Member Engagement**": a line that can be a goal area's
 * heading when it has no number of its own (short, capitalised, not a sentence, not a label).
 */
export function bareHeading(raw: string): string | undefined {
  if (raw.length > 100) return undefined
  const text = stripEmphasis(stripMarkdown(raw))
  if (MARKER_HINT.test(text)) return undefined
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(text) || /[.,;:!?]$/.test(text)) return undefined
  if (text.split(/\s+/).length > 12 || LIST_LABEL.test(text) || LINK.test(text)) return undefined
  if (FURNITURE.test(text) || FURNITURE_START.test(text) || isTitleLine(text)) return undefined
  return text
}

export function isTitleLine(raw: string): boolean {
  if (!TITLE_WORD.test(raw)) return false
  const text = stripEmphasis(stripMarkdown(raw))
  if (text.length < 6 || text.length > TITLE_MAX || /[.;,:]$/.test(text)) return false
  if (text.split(/\s+/).length > 16) return false
  if (/\bstrategic\s+(?:plan|framework)\b/i.test(text)) return true
  return /\b(?:plan|framework|roadmap|strategy|directions)\b/i.test(text) && YEAR_RANGE.test(text)
}
