import type { CollectionConfig } from 'payload'

import { CYCLE_STATES, CYCLES_SLUG } from '@/lib/plan/cycles'
import { editedByEditors, readPlanContent } from '@/collections/access/roles'
import { revalidateCycle, revalidateCycleDelete } from '@/collections/hooks/revalidate'
import { guardCycle, refuseDeleteCycle } from './hooks/guardCycle'

const STATE_LABELS: Record<(typeof CYCLE_STATES)[number], string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
}

const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'd MMM yyyy' } }

/**
 * Reporting cycles (docs/architecture.md, "Progress cycles"): editors open one per plan at a time; section
 * editors report on it; closing freezes it and its updates for good (a closed cycle is never
 * reopened, so the numbers "as of" it never change).
 */
export const Cycles: CollectionConfig = {
  slug: CYCLES_SLUG,
  labels: { singular: 'Reporting cycle', plural: 'Reporting cycles' },
  admin: {
    group: 'Work',
    useAsTitle: 'name',
    defaultColumns: ['name', 'plan', 'state', 'asOf', 'dueOn', 'closedAt'],
    description:
      'Open a cycle to ask the sections for progress updates; close it to freeze them. One open cycle per plan.',
  },
  defaultSort: '-asOf',
  // the cycles of published plans are no secret; their updates have their own rule
  access: editedByEditors(readPlanContent),
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'e.g. Midwinter 2008' } },
    {
      name: 'plan',
      type: 'relationship',
      relationTo: 'plans',
      required: true,
      index: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'asOf',
          type: 'date',
          required: true,
          admin: { ...day, description: 'The date the updates describe.' },
        },
        { name: 'opensOn', type: 'date', admin: day },
        { name: 'dueOn', type: 'date', admin: day },
      ],
    },
    {
      name: 'instructions',
      type: 'textarea',
      admin: { description: 'What the sections should report on, shown in “My updates”.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'state',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          index: true,
          options: CYCLE_STATES.map((value) => ({ value, label: STATE_LABELS[value] })),
          admin: { description: 'Draft → Open → Closed. Closing is final.' },
        },
        {
          name: 'closedAt',
          type: 'date',
          admin: {
            readOnly: true,
            date: { pickerAppearance: 'dayAndTime' },
            description: 'Set when the cycle is closed.',
          },
        },
      ],
    },
  ],
  hooks: {
    beforeChange: [guardCycle],
    afterChange: [revalidateCycle],
    beforeDelete: [refuseDeleteCycle],
    afterDelete: [revalidateCycleDelete],
  },
}
