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

/**
 * Goal-area lines of the trend chart, in goal order (the plan's line is ink): the Okabe–Ito blue,
 * orange, green, reddish purple and vermillion of the CSS tokens, as hex so that
 * tests/unit/statusColours.test.ts can check each is at least 3:1 on the chart's paper. The
 * orange is darkened (#e69f00 was 2.25:1 on white) along its own hue. The lines also differ by dash,
 * and the legend and tooltip write their names in ink (they are text: 4.5:1).
 */
export const TREND_COLOURS: readonly string[] = Object.freeze([
  '#0072b2',
  '#b07800',
  '#009e73',
  '#cc79a7',
  '#d55e00',
])

/**
 * Recharts writes a legend's and a tooltip's labels in their series' colours; the series colours
 * are for marks (3:1), not text (4.5:1), so the words stay ink beside their swatch.
 */
export const INK_TEXT = Object.freeze({ color: 'var(--ink)' })
