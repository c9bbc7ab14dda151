import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { isSectionEditor, ownsSection } from '@/lib/auth/roles'

/** A section editor may only put initiatives in their own sections (on create and on move). */
export const guardSectionEditor: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!isSectionEditor(req.user)) return data
  const section = data.section ?? originalDoc?.section
  if (!ownsSection(req.user, section)) {
    throw new ValidationError({
      collection: 'initiatives',
      errors: [
        { path: 'section', message: 'You can only add or move initiatives to your own sections.' },
      ],
      req,
    })
  }
  return data
}
