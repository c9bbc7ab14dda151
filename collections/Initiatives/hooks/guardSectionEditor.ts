import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '@/collections/hooks/refusals'
import { isSectionEditor, ownsSection } from '@/lib/auth/roles'

/** A section editor may only put initiatives in their own sections (on create and on move). */
export const guardSectionEditor: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!isSectionEditor(req.user)) return data
  const section = data.section ?? originalDoc?.section
  if (!ownsSection(req.user, section)) {
    throw fieldError(
      'initiatives',
      req,
      'section',
      'You can only add or move initiatives to your own sections.',
    )
  }
  return data
}
