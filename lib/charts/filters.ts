/**
 * The dashboard's view in the URL: `?section=<slug>&status=<status>&status=…&visibility=<v>`.
 * Parsing is strict so a mistyped link gets a clear message instead of silently wrong numbers;
 * the same parser serves the pages, the CSV downloads and `GET /api/plans/<slug>/coverage`.
 */
import { statusLabel } from '@/lib/format/labels'
import { SLUG_PATTERN } from '@/lib/format/slug'
import type { CoverageFilters } from '@/lib/plan/coverage'
import {
  INITIATIVE_STATUSES,
  VISIBILITIES,
  type InitiativeStatus,
  type Visibility,
} from '@/lib/plan/types'

export type FilterParseResult =
  { ok: true; filters: CoverageFilters } | { ok: false; error: string; filters: CoverageFilters }

/** Anything a URLSearchParams or a Next `searchParams` object can be turned into. */
export type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>

const isStatus = (value: string): value is InitiativeStatus =>
  (INITIATIVE_STATUSES as readonly string[]).includes(value)
const isVisibility = (value: string): value is Visibility =>
  (VISIBILITIES as readonly string[]).includes(value)

/** Every value of a query parameter; comma-separated lists are split, blanks dropped. */
const valuesOf = (query: QueryInput, name: string): string[] => {
  const raw =
    query instanceof URLSearchParams
      ? query.getAll(name)
      : ([] as string[]).concat(query[name] ?? [])
  return raw
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
}

/**
 * Reads section, status and visibility from a query. On a malformed value it still returns the
 * valid part (so a page can show the message next to usable numbers); the API answers 400.
 */
export function parseCoverageFilters(query: QueryInput): FilterParseResult {
  const filters: CoverageFilters = {}
  const errors: string[] = []

  const sections = [...new Set(valuesOf(query, 'section'))]
  if (sections.length > 1) {
    errors.push(`Choose one section at a time (got ${sections.join(', ')}).`)
  } else if (sections[0] !== undefined) {
    if (SLUG_PATTERN.test(sections[0])) filters.section = sections[0]
    else
      errors.push(`"${sections[0]}" is not a section slug (lower-case letters, digits, hyphens).`)
  }

  const statuses = valuesOf(query, 'status')
  const unknown = statuses.filter((s) => !isStatus(s))
  if (unknown.length > 0) {
    errors.push(
      `Unknown status ${unknown.map((s) => `"${s}"`).join(', ')}: use ${INITIATIVE_STATUSES.join(', ')}.`,
    )
  }
  const known = INITIATIVE_STATUSES.filter((s) => statuses.includes(s))
  if (known.length > 0) filters.status = known

  const visibilities = [...new Set(valuesOf(query, 'visibility'))]
  if (visibilities.length > 1) {
    errors.push(`Choose one visibility at a time (got ${visibilities.join(', ')}).`)
  } else if (visibilities[0] !== undefined) {
    if (isVisibility(visibilities[0])) filters.visibility = visibilities[0]
    else errors.push(`Unknown visibility "${visibilities[0]}": use ${VISIBILITIES.join(' or ')}.`)
  }

  return errors.length > 0 ? { ok: false, error: errors.join(' '), filters } : { ok: true, filters }
}

/** The query string of a view (stable order, no leading `?`; empty for no filters). */
export function filtersToQuery(
  filters: CoverageFilters,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams()
  if (filters.section) params.set('section', filters.section)
  for (const status of INITIATIVE_STATUSES) {
    if (filters.status?.includes(status)) params.append('status', status)
  }
  if (filters.visibility) params.set('visibility', filters.visibility)
  for (const [name, value] of Object.entries(extra)) params.set(name, value)
  return params.toString()
}

/** A path with the view's query appended when there is one. */
export const withQuery = (path: string, query: string): string =>
  query ? `${path}?${query}` : path

/** True when no filter narrows the view. */
export const hasFilters = (filters: CoverageFilters): boolean =>
  Boolean(filters.section || filters.visibility || (filters.status && filters.status.length > 0))

/**
 * The view in words, for the line over the numbers: the section by its name, the statuses, the
 * visibility ("Acquisitions Section · in progress, completed · members-only initiatives"). A section
 * that is not among `sections` is left out, as the numbers leave it out; empty when nothing narrows.
 */
export function filterSummary(
  filters: CoverageFilters,
  sections: readonly { slug: string; name: string }[],
): string {
  const section = filters.section
    ? sections.find((s) => s.slug === filters.section)?.name
    : undefined
  return [
    section ?? '',
    filters.status ? filters.status.map(statusLabel).join(', ') : '',
    filters.visibility === 'members'
      ? 'members-only initiatives'
      : filters.visibility === 'public'
        ? 'public initiatives'
        : '',
  ]
    .filter(Boolean)
    .join(' · ')
}
