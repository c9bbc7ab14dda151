/**
 * The plan text parser's metadata readers: the title (from the title line or the body's own
 * wording), the organization (a name with its abbreviation in parentheses), the plan period, the
 * adoption sentence and the last revision date. Pure; every expression is bounded.
 */
import { isoDate, yearRange } from './numbering'
import { normaliseDashes, stripEmphasis, stripMarkdown } from './text-markers'
import type { ParsedPlan } from './types'

/** Lines longer than this are never read as metadata lines ("Adopted June 2006 by …"). */
export const META_MAX = 200

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
const ADOPTION = /\b(?:adopted|approved|ratified)\b/i
export const META_START =
  /^(?:(?:date\s+)?(?:adopted|approved|ratified)|(?:last\s+)?(?:revised|updated|modified)|effective)\b/i
const REVISED = /\b(?:last\s+(?:revised|updated|modified)|revised|updated)\b\s*(?:on\b)?\s*:?\s*/i
const SENTENCE_END =
  /(?<!\b(?:[a-z]|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|mt|dr|no))\.(?=\s|$)/i
const BY = /^\s*by\s+(?:the\s+)?/i
const BY_END = /\s*(?:[,;(]|\s(?:in|on|at|during|effective|and|following|after|for|as)\s)/i
const PLACE =
  /^\s*,?\s*(?:in|at)\s+((?:[A-Z][\p{L}'’.-]*)(?:\s+(?:[A-Z][\p{L}'’.-]*|(?:of|de|la)(?!\p{L})))*)/u
const ABBR_IN_PARENS = /\(([A-Z][A-Z&]{1,11})\)/g

/** What the parser hands the metadata readers once the body has been read. */
export interface MetadataSource {
  /** the whole input, cleaned */
  input: string
  /** every line, trimmed */
  texts: readonly string[]
  /** body paragraphs and metadata lines in document order */
  bodyTexts: readonly string[]
  /** the title line as written, if the plan has one, and its index in `texts` */
  titleLine?: string
  titleIndex?: number
  /** a line that is only the plan period ("2019–2024") */
  periodLine?: string
  /** index of the first body line (metadata lines above it are read too) */
  bodyStart: number
  /** the organization's full name, when the caller gives it */
  organization?: string
}

/** Title, organization, period, adoption and revision date of a plan, written into `plan`. */
export function fillMetadata(plan: ParsedPlan, source: MetadataSource): void {
  const heading = source.titleLine ? stripEmphasis(stripMarkdown(source.titleLine)) : ''
  let organization = organizationOf(source)
  if (!organization && heading) {
    const named = organizationInTitle(heading)
    const cover = named ? undefined : coverName(source)
    if (named) plan.organization = named
    else if (cover)
      organization = { name: cover, abbreviation: abbreviationOf(cover, source.input) }
  }
  if (organization) plan.organization = organization.name

  const period =
    yearRange(heading) ?? (source.periodLine ? yearRange(source.periodLine) : undefined)
  if (heading) {
    plan.title = titleFrom(heading, organization, source.bodyTexts)
  } else {
    const phrase = titlePhrase(source.bodyTexts)
    if (phrase) plan.title = phrase
  }
  const years = period ?? yearRange(plan.title)
  if (years) {
    plan.startYear = years.start
    plan.endYear = years.end
  }

  const candidates = [...source.bodyTexts]
  for (let i = 0; i < source.bodyStart; i++) {
    const text = source.texts[i] ?? ''
    if (text.length <= META_MAX && META_START.test(text)) candidates.push(text)
  }
  for (const candidate of candidates) {
    const adoption = parseAdoption(candidate)
    if (!adoption) continue
    if (adoption.on) plan.adoptedOn = adoption.on
    if (adoption.by) plan.adoptedBy = adoption.by
    break
  }

  for (const text of source.texts) {
    if (!text || text.length > META_MAX) continue
    const revised = revisedDate(text)
    if (revised) {
      plan.lastRevised = revised
      break
    }
  }
}

type Organization = { name: string; abbreviation?: string }

const PLAN_WORDS = String.raw`strategic\s+(?:plan|framework|directions)|plan`
const YEARS = String.raw`(?:FY\s?)?(?:19|20)\d{2}\s*(?:[-–—‒]|to|through)\s*(?:FY\s?)?(?:19|20)?\d{2}`
/** "Prairie Library Association Strategic Plan 2022–2025" */
const OWNER_FIRST = new RegExp(`^(?:the\\s+)?(.{3,120}?)(?:['’]s)?\\s+(?:${PLAN_WORDS})\\b`, 'i')
/** "Strategic Plan 2022–2025: Prairie Library Association", "… 2022-2025 for the …" */
const OWNER_LAST = new RegExp(
  `^(?:the\\s+)?(?:${PLAN_WORDS})(?:\\s+${YEARS})?\\s*(?:[:|–—-]|\\bfor\\b|\\bof\\b)\\s*(?:the\\s+)?(.{3,120})$`,
  'i',
)

/**
 * The organization a title line names, before or after the plan words: at least two capitalised
 * words (or an abbreviation), never a year or a plan word itself.
 */
export function organizationInTitle(heading: string): string | undefined {
  const text = heading.replace(/\s+/g, ' ').trim()
  for (const pattern of [OWNER_FIRST, OWNER_LAST]) {
    const name = pattern
      .exec(text)?.[1]
      ?.replace(/[,:;–—-]+$/, '')
      .trim()
    if (!name || /\d/.test(name) || /\b(?:strategic|plan)\b/i.test(name)) continue
    const words = name.split(' ')
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
    if (words.length >= 2 && capitalised >= 2 && capitalised >= words.length / 2) return name
  }
  return undefined
}

/** Words that end an organization's name ("… Museum Association", "… Library Council"). */
const ORGANIZATION_NOUN =
  /\b(?:association|society|council|institute|federation|alliance|network|organi[sz]ation|foundation|division|section|library|libraries|museums?|league|union|academy|college|guild|consortium|coalition|chapter|agency|university|cent(?:er|re)|trust)\b/i

/**
 * A cover page that names the organization on the line above a bare "Strategic Plan 2024–2027":
 * a short, capitalised name with a word such as Association or Society, and no sentence or date.
 */
function coverName(source: MetadataSource): string | undefined {
  if (source.titleIndex === undefined) return undefined
  for (let i = source.titleIndex - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const raw = source.texts[i] ?? ''
    if (!raw) continue
    seen++
    const text = stripEmphasis(stripMarkdown(raw))
    if (text.length > 100 || /\d|[.:;,!?]$/.test(text) || !ORGANIZATION_NOUN.test(text)) continue
    const words = text.split(/\s+/)
    const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length
    if (words.length >= 2 && capitalised >= words.length / 2) return text.replace(/^the\s+/i, '')
  }
  return undefined
}

function organizationOf(source: MetadataSource): Organization | undefined {
  const given = source.organization?.trim()
  if (given) return { name: given, abbreviation: abbreviationOf(given, source.input) }
  const body = source.bodyTexts.join('\n')
  return findOrganization(body) ?? findOrganization(source.input)
}

/** The abbreviation the text uses for a given organization name, if any. */
function abbreviationOf(name: string, all: string): string | undefined {
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
function titleFrom(
  heading: string,
  organization: Organization | undefined,
  bodyTexts: readonly string[],
): string {
  const needsOwner = /^(?:the\s+)?(?:strategic\s+(?:plan|framework|directions)|plan)\b/i.test(
    heading,
  )
  const keep = organization?.abbreviation
  if (!needsOwner) return titleCase(heading, keep)
  const key = normaliseDashes(heading.toLowerCase()).replace(/^the\s+/, '')
  for (const text of bodyTexts) {
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
function titlePhrase(bodyTexts: readonly string[]): string | undefined {
  for (const text of bodyTexts) {
    const match =
      /\b(?:[A-Z][A-Z&]{1,11}\s+)?Strategic\s+Plan,?\s+(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}\b/.exec(
        text.slice(0, 2000),
      )
    if (match) return match[0]
  }
  return undefined
}

/** "Adopted June 2006 by the Board", "Last revised: 2010-01-29": a line of metadata, not prose. */
export function isMetaLine(text: string): boolean {
  if (!META_START.test(text)) return false
  return DATE.test(text) || /\bby\b/i.test(text)
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

/** "Last Revised: January 29, 2010" → '2010-01-29'. */
function revisedDate(text: string): string | undefined {
  const match = REVISED.exec(text)
  if (!match) return undefined
  const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 60)
  const date = DATE.exec(rest)
  if (!date || date.index > 0) return undefined
  return isoFromDate(date)
}
