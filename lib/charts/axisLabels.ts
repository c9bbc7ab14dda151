/**
 * Category labels under a chart's x axis (reporting cycles, years), laid out so that every label
 * drawn reads whole at the chart's width: on one line when they fit, wrapped at spaces when they
 * do not ("Midwinter 2008" over two lines on a phone), and as a last resort only every k-th label
 * (always the latest) when even wrapped labels would overlap; the data table under each chart has
 * them all. A line axis draws its first and last labels centred on the end points, so it is given
 * padding for their halves to stay inside the chart (Recharts clipped "Annual 2009" to "Annual 2").
 * Widths are estimated from the character count: the same on the server and in the browser, and
 * generous for the system sans faces (DejaVu Sans, the widest of them, averages about 0.58 em).
 */

/** The font size of axis labels, px. */
export const AXIS_LABEL_PX = 12
/** The height of one label line, px. */
export const AXIS_LINE_PX = 14
/** Recharts' own x-axis height, for labels on one line. */
const ONE_LINE_AXIS_PX = 30
const CHAR_EM = 0.6
/** The least space between two neighbouring labels, px. */
const GAP_PX = 8
/** More lines than this and the labels are thinned instead. */
const MAX_LINES = 3

/** The estimated width of a label line at the axis font size, px. */
export const labelWidth = (text: string): number => Math.ceil(text.length * AXIS_LABEL_PX * CHAR_EM)

/** Words into lines no wider than `max` px (a word wider than that gets a line of its own). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = []
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1]
    if (last !== undefined && labelWidth(`${last} ${word}`) <= max) {
      lines[lines.length - 1] = `${last} ${word}`
    } else lines.push(word)
  }
  return lines.length > 0 ? lines : ['']
}

export interface AxisLabelLayout {
  /** each label's lines */
  lines: string[][]
  /** whether each label is drawn */
  shown: boolean[]
  /** the axis height the labels need, px */
  height: number
  /** space inside the plot before the first and after the last point, px (point axes) */
  padding: { left: number; right: number }
}

export interface AxisLabelOptions {
  /** the plot area's width, px */
  plotWidth: number
  /** `points`: labels on points from edge to edge (a line chart); `bands`: centred in equal bands (bars) */
  kind: 'points' | 'bands'
  /** room for a label to spill past the plot on the left (the y axis) and on the right, px */
  roomLeft: number
  roomRight: number
}

const widest = (lines: string[]): number => Math.max(0, ...lines.map(labelWidth))

/**
 * Lines, padding and the labels drawn for `labels` under a plot `plotWidth` px wide. Wrapping is
 * tried before thinning, and a label is never cut.
 */
export function layoutAxisLabels(labels: string[], options: AxisLabelOptions): AxisLabelLayout {
  const { plotWidth, kind, roomLeft, roomRight } = options
  const n = labels.length

  const arrange = (lines: string[][]) => {
    const widths = lines.map(widest)
    const edge = (width: number, room: number) =>
      kind === 'points' ? Math.max(0, Math.ceil(width / 2 - room)) : 0
    const padding =
      n > 0
        ? { left: edge(widths[0] ?? 0, roomLeft), right: edge(widths[n - 1] ?? 0, roomRight) }
        : { left: 0, right: 0 }
    const inner = Math.max(0, plotWidth - padding.left - padding.right)
    // the distance between neighbouring label centres
    const spacing =
      kind === 'points' ? (n > 1 ? inner / (n - 1) : inner) : n > 0 ? inner / n : inner
    return { lines, widths, padding, spacing }
  }
  // neighbours `step` apart (counted back from the last label) leave a gap between them
  const fitsEvery = (widths: number[], spacing: number, step: number): boolean => {
    for (let i = n - 1; i - step >= 0; i -= step) {
      if (((widths[i] ?? 0) + (widths[i - step] ?? 0)) / 2 + GAP_PX > spacing * step) return false
    }
    // a band's end labels have half a band and the room beyond it
    if (kind === 'bands' && n > 0) {
      if ((widths[n - 1] ?? 0) / 2 > spacing / 2 + roomRight) return false
      if ((n - 1) % step === 0 && (widths[0] ?? 0) / 2 > spacing / 2 + roomLeft) return false
    }
    return true
  }
  const result = (layout: ReturnType<typeof arrange>, step: number): AxisLabelLayout => {
    const shown = layout.lines.map((_, i) => (n - 1 - i) % step === 0)
    const lineCount = Math.max(1, ...layout.lines.filter((_, i) => shown[i]).map((l) => l.length))
    return {
      lines: layout.lines,
      shown,
      height: ONE_LINE_AXIS_PX + (lineCount - 1) * AXIS_LINE_PX,
      padding: layout.padding,
    }
  }

  const single = arrange(labels.map((label) => [label]))
  if (fitsEvery(single.widths, single.spacing, 1)) return result(single, 1)

  // wrap to the space between neighbours; the padding shrinks with the end labels, so settle it
  let wrapped = single
  for (let round = 0; round < 3; round++) {
    wrapped = arrange(labels.map((label) => wrapLabel(label, wrapped.spacing - GAP_PX)))
  }
  const lineCount = Math.max(...wrapped.lines.map((l) => l.length))
  if (lineCount <= MAX_LINES && fitsEvery(wrapped.widths, wrapped.spacing, 1)) {
    return result(wrapped, 1)
  }

  // thin: every k-th label, each as narrow as its longest word allows
  const narrow = arrange(
    labels.map((label) =>
      wrapLabel(label, Math.max(...label.split(/\s+/).map(labelWidth), wrapped.spacing - GAP_PX)),
    ),
  )
  let step = 2
  while (step < n && !fitsEvery(narrow.widths, narrow.spacing, step)) step++
  return result(narrow, Math.min(step, Math.max(1, n)))
}
