import type { Id } from '@/lib/plan/types'

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

/**
 * The longest a public page or its data stays cached without a tag being expired: ten minutes.
 * Editors' changes in the admin expire tags at once; this bounds what nothing expires — a seed or
 * an import run from the command line beside a running server, and shared caches (a CDN) in front
 * of it, which the pages' `s-maxage` now tells to keep a page no longer than this. Page files
 * repeat the number as a literal (`export const revalidate = 600`): Next.js reads it statically.
 */
export const PUBLIC_REVALIDATE_SECONDS = 600
