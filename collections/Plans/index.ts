import type { CollectionConfig } from 'payload'

import { env } from '@/lib/env'
import { editedByEditors, readPlans, staffOnly } from '@/collections/access/roles'
import { slugField } from '@/collections/fields/slug'
import { revalidatePlan, revalidatePlanDelete } from '@/collections/hooks/revalidate'
import { exportEndpoint } from './endpoints/exportPlan'
import { importEndpoint, importPreviewEndpoint } from './endpoints/importPlan'
import { keepOneCurrentPlan } from './hooks/keepOneCurrentPlan'

/** The site's draft-preview entry for a plan (app/(frontend)/next/preview), or null before it has a slug. */
const previewPath = (slug: unknown): string | null =>
  typeof slug === 'string' && slug
    ? `/next/preview?path=${encodeURIComponent(`/plans/${slug}`)}`
    : null

export const Plans: CollectionConfig = {
  slug: 'plans',
  labels: { singular: 'Plan', plural: 'Plans' },
  admin: {
    group: 'Plan',
    useAsTitle: 'title',
    defaultColumns: ['title', 'startYear', 'endYear', 'current', '_status', 'updatedAt'],
    description: 'Strategic plans: preamble, vision, mission, and their goal areas.',
    components: {
      // points editors at the import view (components/admin/ImportPlanView.tsx)
      beforeListTable: ['/components/admin/ImportPlanLink#ImportPlanLink'],
    },
    // Preview opens the public plan page showing the latest draft (to the signed-in staff user only).
    preview: (doc) => previewPath(doc.slug),
    // Live preview frames the same page; the admin needs an absolute address to talk to the frame.
    livePreview: {
      url: ({ data, req }) => {
        const path = previewPath(data.slug)
        return path ? `${req.origin || env().serverUrl}${path}` : null
      },
    },
  },
  defaultSort: '-startYear',
  access: { ...editedByEditors(readPlans), readVersions: staffOnly },
  versions: { drafts: true, maxPerDoc: 50 },
  // plan import (preview and create) and export: editors only, see endpoints/
  endpoints: [importPreviewEndpoint, importEndpoint, exportEndpoint],
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField('title'),
    {
      name: 'organization',
      type: 'text',
      required: true,
      admin: { description: 'e.g. Association for Library Collections and Technical Services' },
    },
    {
      type: 'row',
      fields: [
        { name: 'startYear', type: 'number', required: true, min: 1900, max: 2200 },
        {
          name: 'endYear',
          type: 'number',
          required: true,
          min: 1900,
          max: 2200,
          validate: (
            value: number | null | undefined,
            { siblingData }: { siblingData: { startYear?: number } },
          ) => {
            if (value == null) return 'The last year of the plan is required.'
            if (siblingData.startYear != null && value < siblingData.startYear)
              return 'The plan cannot end before it starts.'
            return true
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'adoptedOn',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } },
        },
        {
          name: 'adoptedBy',
          type: 'text',
          admin: { description: 'e.g. ALCTS Executive Board, New Orleans' },
        },
      ],
    },
    {
      name: 'objectiveLabel',
      type: 'text',
      maxLength: 40,
      admin: {
        description:
          'What this plan calls its objectives, e.g. "Strategy" or "Key Initiative" (pages then say "Strategy 2.3"). Empty: "Objective".',
      },
    },
    { name: 'preamble', type: 'richText' },
    { name: 'vision', type: 'richText' },
    { name: 'mission', type: 'richText' },
    {
      name: 'values',
      type: 'array',
      labels: { singular: 'Value', plural: 'Values' },
      fields: [{ name: 'value', type: 'text', required: true }],
    },
    {
      name: 'goals',
      type: 'join',
      collection: 'goals',
      on: 'plan',
      defaultSort: 'number',
      admin: { defaultColumns: ['number', 'title'] },
    },
    {
      name: 'lastRevised',
      type: 'date',
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' },
      },
    },
    {
      // JSON / StratML / CSV download links; a UI field stores nothing
      name: 'exportLinks',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/PlanExportLinks.client#PlanExportLinks' },
      },
    },
    {
      name: 'current',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'The plan the home page and the dashboard open with. Only one plan is current.',
      },
    },
  ],
  hooks: {
    afterChange: [keepOneCurrentPlan, revalidatePlan],
    afterDelete: [revalidatePlanDelete],
  },
}
