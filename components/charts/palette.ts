import type { InitiativeStatus } from '@/lib/plan/types'

/**
 * Chart colours as the CSS tokens of app/(frontend)/styles.css (the Okabe–Ito palette, safe for
 * the common colour-vision deficiencies). SVG fills take `var(--…)`, so the tokens stay the one
 * source. Active statuses are blues and green, the others warm colours.
 */
export const STATUS_COLOURS: Record<InitiativeStatus, string> = {
  proposed: 'var(--chart-2)',
  planned: 'var(--chart-5)',
  'in-progress': 'var(--chart-1)',
  completed: 'var(--chart-3)',
  deferred: 'var(--chart-4)',
  cancelled: 'var(--chart-6)',
}

export const COVERAGE_COLOUR = 'var(--chart-1)'
export const YEARS_COLOUR = 'var(--chart-3)'
export const AXIS_COLOUR = 'var(--ink-muted)'
export const GRID_COLOUR = 'var(--rule)'

/** Goal-area lines of the trend chart, in goal order (the plan's line is ink). */
export const TREND_COLOURS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-6)',
]
