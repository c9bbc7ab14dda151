/** What Lodestar emails, each recorded once per recipient in `notifications` (pure). */
export const NOTIFICATIONS_SLUG = 'notifications'
export const ARCHIVED_REPORTS_SLUG = 'archived-reports'

export const NOTIFICATION_KINDS = [
  'cycle-opened',
  'cycle-reminder',
  'cycle-overdue',
  'report-archived',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * sending: claimed by a runner, on its way · sent: the mail server accepted it · failed: the mail
 * server could not be reached or answered "try later" (retried) · refused: the mail server refused
 * the recipient (not retried) · skipped: no valid address (not sent, recorded so admins see it)
 */
export const NOTIFICATION_STATUSES = ['sending', 'sent', 'failed', 'refused', 'skipped'] as const
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

export const KIND_LABELS: Record<NotificationKind, string> = {
  'cycle-opened': 'Cycle opened',
  'cycle-reminder': 'Reminder before the due date',
  'cycle-overdue': 'Due date reached',
  'report-archived': 'Board report archived',
}

export const STATUS_LABELS: Record<NotificationStatus, string> = {
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed (will be retried)',
  refused: 'Refused by the mail server',
  skipped: 'Not sent (no valid address)',
}
