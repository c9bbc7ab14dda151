import type { Id } from '@/lib/plan/types'

/**
 * Cache tags shared by the public pages (which tag what they read) and the Payload hooks (which
 * expire what a change touches). Each page reads data tagged with what it shows, so an edit
 * expires only the pages that show what changed (docs/architecture.md, "Caching and revalidation"):
 *
 * - `plans`: the list of published plans (every public page names or links plans).
 * - `plan:<id>`: the plan's own text, goal areas and objectives (every page of the plan, the
 *   section pages, which use its goal areas and objectives, and everything below).
 * - `plan:<id>:coverage`: how many public initiatives serve each objective, and per section (the
 *   home page, the plan page and its PDF).
 * - `plan:<id>:goal:<n>`: the public initiatives serving Goal Area n's objectives (its page).
 * - `plan:<id>:work`: every initiative of the plan (the board report, the dashboard data).
 * - `sections`: the list of sections and their names (pages that name sections).
 * - `section:<id>`: the section's own public initiatives (its page).
 */
export const cacheTags = {
  plans: 'plans',
  sections: 'sections',
  plan: (id: Id) => `plan:${id}`,
  planCoverage: (id: Id) => `plan:${id}:coverage`,
  goalArea: (plan: Id, number: number) => `plan:${plan}:goal:${number}`,
  planWork: (id: Id) => `plan:${id}:work`,
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
