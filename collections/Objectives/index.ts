import type { CollectionConfig } from 'payload'

import { editedByEditors, readPlanContent } from '@/collections/access/roles'
import { revalidatePlanContent, revalidatePlanContentDelete } from '@/collections/hooks/revalidate'
import { followGoal, initiativesFollowObjective } from './hooks/followGoal'
import { refuseDeleteWhileServed } from './hooks/refuseDeleteWhileServed'
import { uniqueObjectiveNumber } from './hooks/uniqueObjectiveNumber'

export const Objectives: CollectionConfig = {
  slug: 'objectives',
  labels: { singular: 'Objective', plural: 'Objectives' },
  admin: {
    group: 'Plan',
    useAsTitle: 'label',
    defaultColumns: ['code', 'text', 'goal', 'plan'],
    listSearchableFields: ['code', 'text'],
    description:
      'Numbered objectives under each goal area; the code (1.3) is how the plan cites them.',
  },
  defaultSort: 'position',
  access: editedByEditors(readPlanContent),
  indexes: [{ fields: ['goal', 'number'], unique: true }],
  fields: [
    {
      name: 'goal',
      type: 'relationship',
      relationTo: 'goals',
      required: true,
      index: true,
      label: 'Goal area',
    },
    {
      name: 'number',
      type: 'number',
      required: true,
      min: 1,
      max: 999,
      admin: { description: 'As published: objective 1.3 is number 3 of Goal Area 1.' },
      validate: uniqueObjectiveNumber,
    },
    { name: 'text', type: 'textarea', required: true },
    {
      name: 'code',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Set from the goal area and number.',
      },
    },
    {
      name: 'plan',
      type: 'relationship',
      relationTo: 'plans',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: "Always the goal area's plan." },
    },
    { name: 'label', type: 'text', admin: { hidden: true } },
    { name: 'position', type: 'number', index: true, admin: { hidden: true } },
  ],
  hooks: {
    beforeChange: [followGoal],
    beforeDelete: [refuseDeleteWhileServed],
    afterChange: [initiativesFollowObjective, revalidatePlanContent],
    afterDelete: [revalidatePlanContentDelete],
  },
}
