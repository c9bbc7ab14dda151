/**
 * The dashboard's colours. Statuses take the map the board report's PDF takes too (lib/format):
 * the status chart, the status mix, the filter's swatches and the drill-down's dots. The other
 * charts take the CSS tokens of app/(frontend)/styles.css (the Okabe–Ito palette); SVG fills
 * accept `var(--…)`.
 */
export { STATUS_COLOURS } from '@/lib/format/statusColours'

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
