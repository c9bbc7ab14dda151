import type { InitiativeStatus } from '@/lib/plan/types'

const STATUS_LABELS: Record<InitiativeStatus, string> = {
  proposed: 'proposed',
  planned: 'planned',
  'in-progress': 'in progress',
  completed: 'completed',
  deferred: 'deferred',
  cancelled: 'cancelled',
}

/** "In progress" from "in progress". */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** Lower-case label of a status for prose and table headings ("in progress"). */
export const statusLabel = (status: InitiativeStatus): string => STATUS_LABELS[status]

/** A status as a badge, a list or the admin shows it ("In progress"). */
export const statusTitle = (status: InitiativeStatus): string => capitalise(statusLabel(status))
