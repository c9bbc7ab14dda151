'use client'

import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts'

import type { YearPoint } from '@/lib/charts/series'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, GRID_COLOUR, YEARS_COLOUR } from './palette'

const HEIGHT = 240

/** Active initiatives in each year of the plan period. */
export function YearsChart({ data, description }: { data: YearPoint[]; description: string }) {
  return (
    <ChartFrame description={description} height={HEIGHT}>
      <BarChart data={data} margin={{ top: 24, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="year" stroke={AXIS_COLOUR} fontSize={12} />
        <YAxis allowDecimals={false} stroke={AXIS_COLOUR} fontSize={12} />
        <Bar
          dataKey="active"
          name="Active initiatives"
          fill={YEARS_COLOUR}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        >
          <LabelList
            dataKey="active"
            position="top"
            fill="var(--ink)"
            fontSize={12}
            fontWeight={700}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  )
}
