import type { CollectionConfig } from 'payload'

import { adminsOnly, writtenByJobs } from '@/collections/access/roles'
import {
  KIND_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NOTIFICATIONS_SLUG,
  STATUS_LABELS,
} from '@/lib/jobs/kinds'

/**
 * One row per email Lodestar sends (a cycle notice, a reminder, a board report link), written by
 * the jobs only. Its unique `key` makes every send idempotent: a retried or restarted job, or a
 * second runner, finds the row and does not send again. Admins see failures here.
 */
export const Notifications: CollectionConfig = {
  slug: NOTIFICATIONS_SLUG,
  labels: { singular: 'Email sent', plural: 'Emails sent' },
  admin: {
    group: 'Email',
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'kind', 'status', 'attempts', 'updatedAt'],
    description:
      'Every email the reminders and the report archive sent or tried to send. Failed ones are retried; refused and skipped ones need a correct address on the person’s account.',
  },
  defaultSort: '-updatedAt',
  access: writtenByJobs(adminsOnly),
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true, description: 'What this email is about and for whom: sent once.' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: NOTIFICATION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: NOTIFICATION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: { readOnly: true },
    },
    { name: 'to', type: 'text', admin: { readOnly: true } },
    { name: 'cc', type: 'text', admin: { readOnly: true } },
    { name: 'subject', type: 'text', admin: { readOnly: true } },
    {
      name: 'recipient',
      type: 'text',
      admin: { readOnly: true, description: 'users:<id> or members:<id>' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    {
      name: 'claimedAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'sentAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'messageId', type: 'text', admin: { readOnly: true } },
    { name: 'lastError', type: 'textarea', admin: { readOnly: true } },
  ],
}
