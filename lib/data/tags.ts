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
 * - `plan:<id>:work`: every initiative of the plan as the board report and the dashboard data read
 *   it (WORK_SELECT): a save that changes none of those fields (a lead, a summary) leaves it alone.
 * - `plan:<id>:work:<section>`: the plan's initiatives in one section as the dashboard's data
 *   keeps them (lib/data/coverage.ts, in parts by section): a save that expires the plan's work
 *   expires the part of the section the initiative was in and of the one it is in now.
 * - `plan:<id>:history`: the plan's cycles and progress updates (the dashboard's history views;
 *   expired by every cycle and every progress update that changes).
 * - `plan:<id>:closed-history`: the updates that the plan's closed cycles' numbers are computed
 *   from (lib/data/cycles.ts `closedUpdates`). Frozen once a cycle closes, so only what can still
 *   reach them expires it: a cycle's change, an update outside any cycle, an update's copies of its
 *   initiative's plan, visibility or publication (who may read it), a deletion. An update in the
 *   open cycle does not, nor new copies of its initiative's section alone.
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
  planWorkPart: (id: Id, section: Id) => `plan:${id}:work:${section}`,
  planHistory: (id: Id) => `plan:${id}:history`,
  planClosedHistory: (id: Id) => `plan:${id}:closed-history`,
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

/**
 * The initiative fields the plan's work views read (lib/data/coverage selects exactly these for
 * the dashboard data, the coverage API and the board report). The hooks compare WORK_FIELDS
 * before and after a save to decide whether `plan:<id>:work` expires: an editor changing a lead
 * or a description ten times a minute no longer expires the dashboards and the board report,
 * which print neither.
 */
export const WORK_SELECT = {
  title: true,
  section: true,
  objectives: true,
  status: true,
  visibility: true,
  startDate: true,
  targetDate: true,
  completedDate: true,
  progress: true,
  _status: true,
  createdAt: true,
} as const

/**
 * The initiative fields whose change expires `plan:<id>:work`: WORK_SELECT's, the plan it belongs
 * to (the views read a plan's initiatives), and `lastUpdateAt`, through which a progress update
 * (the history the report and the dashboard read) reaches its initiative.
 */
export const WORK_FIELDS: readonly string[] = ['plan', ...Object.keys(WORK_SELECT), 'lastUpdateAt']
