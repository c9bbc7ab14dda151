/** Dates and small labels as the report prints them (UTC, so a date never shifts by a day). */
import { statusLabel } from '@/lib/format/labels'
import type { InitiativeStatus } from '@/lib/plan/types'

const longDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})
const shortDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

const parse = (value: string | null | undefined): Date | null => {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "May 4, 2025"; empty for a missing or unreadable date. */
export const formatLongDate = (value: string | null | undefined): string => {
  const date = parse(value)
  return date ? longDate.format(date) : ''
}

/** "Jun 30, 2008"; an en dash for a missing date. */
export const formatShortDate = (value: string | null | undefined): string => {
  const date = parse(value)
  return date ? shortDate.format(date) : '–'
}

/** "2006–2011", or one year. */
export const formatPeriod = (startYear: number, endYear: number): string =>
  startYear === endYear ? String(startYear) : `${startYear}–${endYear}`

/** Status with a capital: "In progress". */
export const statusTitle = (status: InitiativeStatus): string => {
  const label = statusLabel(status)
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** An initiative's progress: "60%", an en dash when not reported. */
export const formatProgress = (progress: number | null): string =>
  progress == null || !Number.isFinite(progress)
    ? '–'
    : `${Math.round(Math.min(100, Math.max(0, progress)))}%`
