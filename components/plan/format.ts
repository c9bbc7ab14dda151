import { statusLabel } from '@/lib/plan/coverage'
import type { InitiativeStatus } from '@/lib/plan/types'

const dayFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})
const monthFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

const parse = (value: string | null | undefined): Date | undefined => {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** "June 30, 2008"; empty for a missing or unreadable date. Dates are calendar days (UTC). */
export function formatDate(value: string | null | undefined): string {
  const date = parse(value)
  return date ? dayFormat.format(date) : ''
}

/** "June 2006": adoption dates are published by month. */
export function formatMonth(value: string | null | undefined): string {
  const date = parse(value)
  return date ? monthFormat.format(date) : ''
}

/** The machine-readable form for <time dateTime>: `2008-06-30`. */
export function isoDay(value: string | null | undefined): string | undefined {
  return parse(value)?.toISOString().slice(0, 10)
}

/** "2006–2011" (one year: "2006"). */
export function formatPeriod(startYear: number, endYear: number): string {
  return startYear === endYear ? String(startYear) : `${startYear}–${endYear}`
}

/** "In progress": a status as a badge shows it. */
export function statusTitle(status: InitiativeStatus): string {
  const label = statusLabel(status)
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** "1 active initiative", "3 active initiatives". */
export function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The page address of a goal area, optionally at one objective. */
export function goalHref(planSlug: string, goalNumber: number, objectiveCode?: string): string {
  const base = `/plans/${planSlug}/goals/${goalNumber}`
  return objectiveCode ? `${base}#${objectiveAnchor(objectiveCode)}` : base
}

/** The fragment id of an objective on its goal page: `objective-1-3`. */
export function objectiveAnchor(code: string): string {
  return `objective-${code.replace(/[^0-9a-zA-Z]+/g, '-')}`
}
