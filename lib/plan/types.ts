/**
 * Domain types shared by pure plan logic (coverage, numbering, status rules), the data layer and the PDFs.
 * Ids are strings on MongoDB and numbers on SQLite; compare them with `sameId`.
 */
export type Id = string | number

export const INITIATIVE_STATUSES = [
  'proposed',
  'planned',
  'in-progress',
  'completed',
  'deferred',
  'cancelled',
] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]

/** Statuses that count as work behind an objective (docs/architecture.md, "Coverage"). */
export const ACTIVE_STATUSES: readonly InitiativeStatus[] = ['planned', 'in-progress', 'completed']

export const VISIBILITIES = ['public', 'members'] as const
export type Visibility = (typeof VISIBILITIES)[number]

export const SECTION_KINDS = ['section', 'committee', 'interest-group', 'board'] as const
export type SectionKind = (typeof SECTION_KINDS)[number]

export interface PlanSummary {
  id: Id
  slug: string
  title: string
  organization: string
  startYear: number
  endYear: number
  /** what the plan calls its objectives ("Strategy"), when it words them so */
  objectiveLabel?: string | null
}

export interface GoalSummary {
  id: Id
  number: number
  title: string
}

export interface ObjectiveSummary {
  id: Id
  goal: Id
  number: number
  text: string
  /** `<goal number>.<objective number>`, e.g. `1.3` */
  code: string
}

export interface SectionSummary {
  id: Id
  slug: string
  name: string
  abbreviation?: string | null
}

export interface InitiativeSummary {
  id: Id
  title: string
  section: Id
  objectives: Id[]
  status: InitiativeStatus
  visibility: Visibility
  /** false for drafts (never published) */
  published: boolean
  startDate?: string | null
  targetDate?: string | null
  completedDate?: string | null
  progress?: number | null
}

/** Ids from different adapters (number vs string) compare equal when they print the same. */
export const sameId = (a: Id | null | undefined, b: Id | null | undefined): boolean =>
  a != null && b != null && String(a) === String(b)
