import type { CollectionConfig } from 'payload'

import { editedByEditors, readPlanContent } from '@/collections/access/roles'
import { revalidatePlanContent, revalidatePlanContentDelete } from '@/collections/hooks/revalidate'
import {
  cascadeGoalToObjectives,
  refuseMoveSplittingInitiatives,
} from './hooks/cascadeGoalToObjectives'
import { refuseDeleteWithObjectives } from './hooks/refuseDeleteWithObjectives'
import { uniqueGoalNumber } from './hooks/uniqueGoalNumber'

export const Goals: CollectionConfig = {
  slug: 'goals',
  labels: { singular: 'Goal area', plural: 'Goal areas' },
  admin: {
    group: 'Plan',
    useAsTitle: 'label',
    defaultColumns: ['number', 'title', 'plan'],
    listSearchableFields: ['title'],
    description: 'Numbered goal areas of a plan. Objectives hang under them.',
  },
  defaultSort: 'number',
  access: editedByEditors(readPlanContent),
  indexes: [{ fields: ['plan', 'number'], unique: true }],
  fields: [
    {
      name: 'plan',
      type: 'relationship',
      relationTo: 'plans',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'number',
      type: 'number',
      required: true,
      min: 1,
      max: 99,
      index: true,
      admin: { description: 'As published: "Goal Area 3" is number 3. Unique within the plan.' },
      validate: uniqueGoalNumber,
    },
    { name: 'title', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    {
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) => `Goal Area ${siblingData.number}: ${siblingData.title ?? ''}`.trim(),
        ],
      },
    },
    {
      name: 'objectives',
      type: 'join',
      collection: 'objectives',
      on: 'goal',
      defaultSort: 'number',
      admin: { defaultColumns: ['code', 'text'] },
    },
  ],
  hooks: {
    beforeChange: [refuseMoveSplittingInitiatives],
    beforeDelete: [refuseDeleteWithObjectives],
    afterChange: [cascadeGoalToObjectives, revalidatePlanContent],
    afterDelete: [revalidatePlanContentDelete],
  },
}
