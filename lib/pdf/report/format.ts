/**
 * What the report prints its own way; dates, periods and status labels come from lib/format.
 */
import { formatShortDate } from '@/lib/format/dates'

/** "Jun 30, 2008" in a table cell; an en dash for a missing date. */
export const formatCellDate = (value: string | null | undefined): string =>
  formatShortDate(value) || '–'

/** An initiative's progress: "60%", an en dash when not reported. */
export const formatProgress = (progress: number | null): string =>
  progress == null || !Number.isFinite(progress)
    ? '–'
    : `${Math.round(Math.min(100, Math.max(0, progress)))}%`
