import type { CollectionConfig } from 'payload'

import { statusTitle } from '@/lib/format/labels'
import { checkProgress } from '@/lib/plan/rules'
import { PROGRESS_UPDATES_SLUG } from '@/lib/plan/cycles'
import { INITIATIVE_STATUSES, VISIBILITIES } from '@/lib/plan/types'
import {
  changeProgressUpdates,
  createProgressUpdates,
  editorsOnly,
  readProgressUpdates,
  staffOnly,
} from '@/collections/access/roles'
import {
  revalidateProgressUpdate,
  revalidateProgressUpdateDelete,
} from '@/collections/hooks/revalidate'
import { guardProgressUpdate, refuseDeleteFrozen } from './hooks/guardProgressUpdate'
import { writeLatestToInitiative, writeLatestAfterDelete } from './hooks/writeLatestToInitiative'

// Copies of the initiative kept by the hooks, for the read and write rules (never typed).
const copy = { readOnly: true, hidden: true } as const

/**
 * Progress updates (docs/architecture.md, "Progress cycles"): one per initiative per cycle, or between
 * cycles. The latest one sets the initiative's status and progress. Every change keeps the earlier
 * text as a version; an update of a closed cycle is frozen.
 */
export const ProgressUpdates: CollectionConfig = {
  slug: PROGRESS_UPDATES_SLUG,
  labels: { singular: 'Progress update', plural: 'Progress updates' },
  admin: {
    group: 'Work',
    defaultColumns: ['initiative', 'cycle', 'status', 'progress', 'submittedAt', 'submittedBy'],
    description: 'What each initiative reported, cycle by cycle. The latest sets its status.',
  },
  defaultSort: '-submittedAt',
  access: {
    read: readProgressUpdates,
    readVersions: staffOnly,
    create: createProgressUpdates,
    update: changeProgressUpdates,
    // history: only editors remove an update (e.g. one filed against the wrong initiative)
    delete: editorsOnly,
  },
  versions: { maxPerDoc: 25 },
  indexes: [{ fields: ['initiative', 'cycle'] }],
  fields: [
    {
      name: 'initiative',
      type: 'relationship',
      relationTo: 'initiatives',
      required: true,
      index: true,
    },
    {
      name: 'cycle',
      type: 'relationship',
      relationTo: 'cycles',
      index: true,
      // the picker offers open cycles; an existing update keeps its own (the hooks judge it)
      filterOptions: ({ id }) => (id ? true : { state: { equals: 'open' } }),
      admin: {
        description: 'The open cycle this reports for; empty for an update between cycles.',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          label: 'Work status',
          type: 'select',
          required: true,
          options: INITIATIVE_STATUSES.map((value) => ({ value, label: statusTitle(value) })),
        },
        {
          name: 'progress',
          type: 'number',
          required: true,
          min: 0,
          max: 100,
          defaultValue: 0,
          admin: { description: 'Percent complete, 0–100.' },
          validate: (value: number | null | undefined) => checkProgress(value),
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      admin: { description: 'What happened since the last update, and what is next.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'submittedBy',
          type: 'relationship',
          relationTo: 'users',
          admin: { readOnly: true },
        },
        {
          name: 'submittedAt',
          type: 'date',
          index: true,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    { name: 'section', type: 'relationship', relationTo: 'sections', index: true, admin: copy },
    { name: 'plan', type: 'relationship', relationTo: 'plans', index: true, admin: copy },
    {
      name: 'visibility',
      type: 'select',
      options: [...VISIBILITIES],
      index: true,
      admin: copy,
    },
    { name: 'published', type: 'checkbox', index: true, admin: copy },
  ],
  hooks: {
    beforeChange: [guardProgressUpdate],
    afterChange: [writeLatestToInitiative, revalidateProgressUpdate],
    beforeDelete: [refuseDeleteFrozen],
    afterDelete: [writeLatestAfterDelete, revalidateProgressUpdateDelete],
  },
}
