/**
 * What the text and StratML parsers share: roman numerals and letters as list numbers, plan
 * periods written as year ranges, calendar dates, and the key order of a parsed plan. Pure.
 */
import type { ParsedPlan } from './types'

/** "2006-2011", "2019–24", "FY2020 to FY2023", "2010 through 2015" (the start and end years) */
export const YEAR_RANGE =
  /\b(?:FY\s?)?((?:19|20)\d{2})\s*(?:[-–—‒]|\bto\b|\bthrough\b|\bthru\b)\s*(?:FY\s?)?((?:19|20)?\d{2})\b/i

/** "IV" → 4, "xii" → 12; undefined for anything that is not a roman numeral from 1 to 99. */
export function romanValue(token: string): number | undefined {
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

/** "a" → 1, "C" → 3: a letter's place in the alphabet. */
export function letterValue(token: string): number {
  return token.toLowerCase().charCodeAt(0) - 96
}

/**
 * A list marker's number with no context: digits, one letter (a, b, c …; i, v and x read as roman
 * numerals) or a roman numeral; undefined when it is none of these.
 */
export function sequenceNumber(token: string): number | undefined {
  const text = token.trim()
  if (/^\d{1,4}$/.test(text)) {
    const n = Number(text)
    return n > 0 ? n : undefined
  }
  if (/^[a-z]$/i.test(text) && !/^[ivx]$/i.test(text)) return letterValue(text)
  return romanValue(text)
}

/** The first plan period in a text ("2019–24" → 2019 to 2024); at most 30 years, never backwards. */
export function yearRange(text: string): { start: number; end: number } | undefined {
  const match = YEAR_RANGE.exec(text)
  if (!match) return undefined
  const start = Number(match[1])
  const endText = match[2] ?? ''
  const end =
    endText.length === 2 ? Math.floor(start / 100) * 100 + Number(endText) : Number(endText)
  if (end < start || end - start > 30) return undefined
  return { start, end }
}

/** `yyyy-mm-dd` for a real calendar day, else undefined (no 31 April, no 29 February 2023). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !(month >= 1 && month <= 12) || !(day >= 1)) return undefined
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Whether a text is exactly a real calendar date `yyyy-mm-dd`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text
}

/** The plan with its keys in `ParsedPlan` order and no undefined values (stable JSON for the CLI). */
export function ordered(plan: ParsedPlan): ParsedPlan {
  const { title, organization, startYear, endYear, adoptedOn, adoptedBy, lastRevised } = plan
  const { objectiveLabel } = plan
  const meta = { organization, startYear, endYear, adoptedOn, adoptedBy, lastRevised }
  const defined = Object.fromEntries(
    Object.entries({ ...meta, objectiveLabel }).filter(([, value]) => value !== undefined),
  )
  const { preamble, vision, mission, values, goals } = plan
  return { title, ...defined, preamble, vision, mission, values, goals }
}
