import type { FieldAccess, FieldHook } from 'payload'

import { fieldError } from '@/collections/hooks/refusals'
/** Once an initiative has a progress update, its status and progress are the latest update's. */
const hasUpdates = (doc: { lastUpdateAt?: unknown } | undefined | null) =>
  Boolean(doc?.lastUpdateAt)

/** The admin shows status and progress read-only once the initiative has an update. */
export const ownValuesUntilReported: FieldAccess = ({ doc }) => !hasUpdates(doc)

const LABELS = { status: 'work status', progress: 'progress' } as const

/**
 * Refuses a hand edit of status or progress once the initiative has an update (field access
 * alone would drop it without a word): a field error that says where to report instead. The
 * progress-updates hooks write the latest update here with `context.fromProgressUpdate`.
 */
export const refuseOnceReported =
  (field: keyof typeof LABELS): FieldHook =>
  ({ value, originalDoc, operation, context, req }) => {
    if (operation !== 'update' || context.fromProgressUpdate || !hasUpdates(originalDoc)) {
      return value
    }
    const before = (originalDoc as Record<string, unknown>)[field]
    if (value === undefined || value === before || (value ?? null) === (before ?? null))
      return value
    throw fieldError(
      'initiatives',
      req,
      field,
      `This initiative has progress updates, so its ${LABELS[field]} is the latest ` +
        `update's (${String(before ?? 'none')}). Record a progress update ("My updates") to change it.`,
    )
  }
