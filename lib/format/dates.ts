import { countLabel } from './plural'

/** Dates as people read them. Stored dates are calendar days: every format is in UTC, so none shifts a day. */

const longDay = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})
const shortDay = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})
const weekdayDay = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})
const longMonth = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

type DateValue = string | Date | null | undefined

const parse = (value: DateValue): Date | undefined => {
  if (value == null || value === '') return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** "June 30, 2008"; empty for a missing or unreadable date. */
export function formatDate(value: DateValue): string {
  const date = parse(value)
  return date ? longDay.format(date) : ''
}

/** "Monday, June 30, 2008" (a due date in an email); empty for a missing or unreadable date. */
export function formatWeekdayDate(value: DateValue): string {
  const date = parse(value)
  return date ? weekdayDay.format(date) : ''
}

/** "Jun 30, 2008"; empty for a missing or unreadable date. */
export function formatShortDate(value: DateValue): string {
  const date = parse(value)
  return date ? shortDay.format(date) : ''
}

/** "June 2006": adoption dates are published by month. */
export function formatMonth(value: DateValue): string {
  const date = parse(value)
  return date ? longMonth.format(date) : ''
}

/** The day part (`2008-06-30`, UTC) of a date, e.g. for `<time dateTime>`; undefined when unreadable. */
export function isoDay(value: DateValue): string | undefined {
  return parse(value)?.toISOString().slice(0, 10)
}

/**
 * A stored date as an ISO timestamp whatever the adapter returns (SQLite: a string; MongoDB: a
 * Date); null when it is missing or unreadable.
 */
export function isoDateTime(value: unknown): string | null {
  return (
    parse(value instanceof Date || value == null ? value : String(value))?.toISOString() ?? null
  )
}

/** When to try again: "at 14:32 UTC (in 7 minutes)", never "in 0 minutes". */
export function tryAgainAt(untilMs: number, nowMs: number): string {
  const clock = new Date(untilMs).toISOString().slice(11, 16)
  const minutes = Math.max(1, Math.ceil((untilMs - nowMs) / 60_000))
  return `at ${clock} UTC (in ${countLabel(minutes, 'minute')})`
}
