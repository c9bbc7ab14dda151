import type { Id } from '../plan/types'

/**
 * Cache tags shared by the public pages (which tag what they read) and the Payload hooks (which
 * revalidate what a change touches). A plan's tag covers its page, goal pages and PDF.
 */
export const cacheTags = {
  plans: 'plans',
  sections: 'sections',
  plan: (id: Id) => `plan:${id}`,
  section: (id: Id) => `section:${id}`,
}
