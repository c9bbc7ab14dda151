'use client'

import { useChartWidth, usePlotArea, XAxis, type XAxisTickContentProps } from 'recharts'

import {
  AXIS_LABEL_PX,
  AXIS_LINE_PX,
  layoutAxisLabels,
  type AxisLabelLayout,
} from '@/lib/charts/axisLabels'
import { AXIS_COLOUR } from './palette'

/**
 * An x axis of named categories (reporting cycles, years) whose every drawn label reads whole at
 * the chart's width: wrapped, padded in from the chart's edges, or thinned (lib/charts/axisLabels).
 * Rendered inside a Recharts chart, whose plot area it reads.
 */
export function CategoryXAxis<P extends object>({
  data,
  label,
  kind,
}: {
  data: P[]
  /** the category a point is drawn at (also its label) */
  label: (point: P) => string
  kind: 'points' | 'bands'
}) {
  const chartWidth = useChartWidth()
  const plot = usePlotArea()
  const labels = data.map(label)
  const layout: AxisLabelLayout = layoutAxisLabels(labels, {
    plotWidth: plot?.width ?? chartWidth ?? 0,
    kind,
    roomLeft: plot?.x ?? 0,
    roomRight: plot && chartWidth ? chartWidth - plot.x - plot.width : 0,
  })
  return (
    <XAxis
      dataKey={label}
      stroke={AXIS_COLOUR}
      fontSize={AXIS_LABEL_PX}
      interval={0}
      height={layout.height}
      padding={layout.padding}
      tick={(props: XAxisTickContentProps) => <CategoryTick {...props} layout={layout} />}
    />
  )
}

function CategoryTick({
  x,
  y,
  index,
  layout,
}: XAxisTickContentProps & { layout: AxisLabelLayout }) {
  const lines = layout.lines[index]
  if (!lines || !layout.shown[index]) return null
  return (
    <text
      x={x}
      y={y}
      textAnchor="middle"
      fill={AXIS_COLOUR}
      fontSize={AXIS_LABEL_PX}
      className="recharts-cartesian-axis-tick-value"
    >
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.71em' : AXIS_LINE_PX}>
          {line}
        </tspan>
      ))}
    </text>
  )
}
