import type { CollectionConfig } from 'payload'

import { SECTION_KINDS } from '@/lib/plan/types'
import { anyone, editedByEditors } from '@/collections/access/roles'
import { slugField } from '@/collections/fields/slug'
import { revalidateSection, revalidateSectionDelete } from '@/collections/hooks/revalidate'
import { refuseDeleteWithInitiatives } from './hooks/refuseDeleteWithInitiatives'

const KIND_LABELS: Record<(typeof SECTION_KINDS)[number], string> = {
  section: 'Section',
  committee: 'Committee',
  'interest-group': 'Interest group',
  board: 'Board',
}

export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: { singular: 'Section', plural: 'Sections' },
  admin: {
    group: 'Work',
    useAsTitle: 'name',
    defaultColumns: ['name', 'abbreviation', 'kind'],
    description: 'The sections, committees and groups that run initiatives.',
  },
  defaultSort: 'name',
  access: editedByEditors(anyone),
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'abbreviation', type: 'text', admin: { description: 'e.g. CRG' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'section',
      options: SECTION_KINDS.map((value) => ({ value, label: KIND_LABELS[value] })),
    },
    { name: 'description', type: 'textarea' },
  ],
  hooks: {
    beforeDelete: [refuseDeleteWithInitiatives],
    afterChange: [revalidateSection],
    afterDelete: [revalidateSectionDelete],
  },
}
