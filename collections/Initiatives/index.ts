import type { CollectionConfig } from 'payload'

import { statusTitle } from '@/lib/format/labels'
import { checkCompletedDate, checkProgress, checkTargetDate } from '@/lib/plan/rules'
import { INITIATIVE_STATUSES, VISIBILITIES } from '@/lib/plan/types'
import {
  changeInitiatives,
  createInitiatives,
  readInitiatives,
  staffOnly,
} from '@/collections/access/roles'
import { isSectionEditor, sectionIdsOf } from '@/lib/auth/roles'
import { revalidateInitiative, revalidateInitiativeDelete } from '@/collections/hooks/revalidate'
import { guardSectionEditor } from './hooks/guardSectionEditor'
import { planFromObjectives } from './hooks/planFromObjectives'
import { deleteProgressUpdates, syncProgressUpdateCopies } from './hooks/progressUpdateCopies'
// Once an initiative has a progress update, its status and progress are the latest update's
// (written by the progress-updates hooks): read-only, and a hand edit is refused with a message.
import { ownValuesUntilReported, refuseOnceReported } from './hooks/reportedValues'
import { staleField, staleListFilter } from './stale'

type Sibling = { status?: string; startDate?: string | null }

export const Initiatives: CollectionConfig = {
  slug: 'initiatives',
  labels: { singular: 'Initiative', plural: 'Initiatives' },
  admin: {
    group: 'Work',
    useAsTitle: 'title',
    defaultColumns: [
      'title',
      'section',
      'status',
      'progress',
      'targetDate',
      'stale',
      'visibility',
      '_status',
    ],
    listSearchableFields: ['title', 'summary', 'lead'],
    // "Stale only" above the list (`?stale=true`): the same rule as the virtual column
    baseFilter: staleListFilter,
    components: { beforeListTable: ['/components/admin/StaleFilter#StaleFilter'] },
    description: 'Tactical initiatives the sections run against the plan’s objectives.',
  },
  defaultSort: 'title',
  access: {
    read: readInitiatives,
    readVersions: staffOnly,
    create: createInitiatives,
    update: changeInitiatives,
    delete: changeInitiatives,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'section',
          type: 'relationship',
          relationTo: 'sections',
          required: true,
          index: true,
          filterOptions: ({ req }) =>
            isSectionEditor(req.user) ? { id: { in: sectionIdsOf(req.user) } } : true,
        },
        {
          name: 'visibility',
          type: 'select',
          required: true,
          defaultValue: 'members',
          index: true,
          options: VISIBILITIES.map((value) => ({
            value,
            label: value === 'public' ? 'Public' : 'Members only',
          })),
          admin: { description: 'Public initiatives appear on the public plan pages.' },
        },
      ],
    },
    {
      name: 'objectives',
      type: 'relationship',
      relationTo: 'objectives',
      hasMany: true,
      required: true,
      minRows: 1,
      index: true,
      admin: { description: 'The objectives this initiative serves, all from one plan.' },
    },
    {
      name: 'lastUpdateAt',
      label: 'Last progress update',
      type: 'date',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set by progress updates; status and progress follow the latest.',
      },
    },
    staleField,
    {
      name: 'plan',
      type: 'relationship',
      relationTo: 'plans',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Set from the objectives.' },
    },
    { name: 'summary', type: 'textarea' },
    { name: 'description', type: 'richText' },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          // "Status" alone would clash with the draft/published column of the list
          label: 'Work status',
          type: 'select',
          required: true,
          defaultValue: 'proposed',
          index: true,
          options: INITIATIVE_STATUSES.map((value) => ({ value, label: statusTitle(value) })),
          access: { update: ownValuesUntilReported },
          hooks: { beforeValidate: [refuseOnceReported('status')] },
          admin: { description: 'From the latest progress update once there is one.' },
        },
        {
          name: 'progress',
          type: 'number',
          min: 0,
          max: 100,
          defaultValue: 0,
          admin: { description: 'Percent complete, 0–100.' },
          validate: (value: number | null | undefined) => checkProgress(value),
          access: { update: ownValuesUntilReported },
          hooks: { beforeValidate: [refuseOnceReported('progress')] },
        },
        { name: 'lead', type: 'text', admin: { description: 'Who leads it (person or group).' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
        },
        {
          name: 'targetDate',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
          validate: (
            value: Date | string | null | undefined,
            { siblingData }: { siblingData: Sibling },
          ) => checkTargetDate(siblingData.startDate, value == null ? value : String(value)),
        },
        {
          name: 'completedDate',
          type: 'date',
          admin: {
            date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' },
            description: 'Required once the status is Completed.',
          },
          validate: (
            value: Date | string | null | undefined,
            { siblingData }: { siblingData: Sibling },
          ) => checkCompletedDate(siblingData.status, value == null ? value : String(value)),
        },
      ],
    },
  ],
  hooks: {
    beforeChange: [guardSectionEditor, planFromObjectives],
    afterChange: [revalidateInitiative, syncProgressUpdateCopies],
    beforeDelete: [deleteProgressUpdates],
    afterDelete: [revalidateInitiativeDelete],
  },
}
