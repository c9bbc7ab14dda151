'use client'

import { CartesianGrid, Legend, Line, LineChart, Tooltip, YAxis } from 'recharts'

import type { TrendLine, TrendPoint } from '@/lib/charts/trend'
import { CategoryXAxis } from './CategoryAxis.client'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, GRID_COLOUR, INK_TEXT, TREND_COLOURS } from './palette'

const HEIGHT = 300
// Goal-area lines differ by dash as well as colour, so the chart reads without colour.
const DASHES = ['6 3', '2 3', '8 3 2 3', '1 4', '10 4']

/** Plan coverage (the thick line) and each goal area's, one point per reporting cycle. */
export function TrendChart({
  data,
  lines,
  description,
}: {
  data: TrendPoint[]
  lines: TrendLine[]
  description: string
}) {
  return (
    <ChartFrame description={description} height={HEIGHT}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -12 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <CategoryXAxis data={data} label={(point) => point.cycle} kind="points" />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => `${v}%`}
          stroke={AXIS_COLOUR}
          fontSize={12}
        />
        <Tooltip formatter={(value) => `${Math.round(Number(value))}%`} itemStyle={INK_TEXT} />
        <Legend wrapperStyle={{ fontSize: 13 }} labelStyle={INK_TEXT} />
        {lines.map((line, i) =>
          line.key === 'plan' ? (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              stroke="var(--ink)"
              strokeWidth={3}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              stroke={TREND_COLOURS[(i - 1) % TREND_COLOURS.length]}
              strokeWidth={1.5}
              strokeDasharray={DASHES[(i - 1) % DASHES.length]}
              dot={{ r: 2.5 }}
              connectNulls
              isAnimationActive={false}
            />
          ),
        )}
      </LineChart>
    </ChartFrame>
  )
}
