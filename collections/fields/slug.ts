import type { TextField } from 'payload'

import { SLUG_PATTERN, slugify } from '@/lib/format/slug'

/** A unique, URL-safe slug, filled from another field when left empty. */
export function slugField(from: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: `Used in web addresses. Left empty, it is made from the ${from}.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim()) return slugify(value)
          const source = data?.[from]
          return typeof source === 'string' && source.trim() ? slugify(source) : value
        },
      ],
    },
    validate: (value: string | null | undefined) => {
      if (!value) return 'A slug is required.'
      return SLUG_PATTERN.test(value) || 'Use lowercase letters, digits and single hyphens only.'
    },
  }
}
