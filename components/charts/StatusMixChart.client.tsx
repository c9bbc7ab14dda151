'use client'

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'

import type { StatusMixPoint } from '@/lib/charts/trend'
import type { InitiativeStatus } from '@/lib/plan/types'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, GRID_COLOUR, STATUS_COLOURS } from './palette'

const HEIGHT = 280

/** Published initiatives per reporting cycle, stacked by status (workflow order, bottom to top). */
export function StatusMixChart({
  data,
  statuses,
  description,
}: {
  data: StatusMixPoint[]
  statuses: { status: InitiativeStatus; label: string }[]
  description: string
}) {
  return (
    <ChartFrame description={description} height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="cycle" stroke={AXIS_COLOUR} fontSize={12} interval={0} />
        <YAxis allowDecimals={false} stroke={AXIS_COLOUR} fontSize={12} />
        <Tooltip cursor={{ fill: 'var(--paper-alt)' }} />
        <Legend iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 13 }} />
        {statuses.map(({ status, label }) => (
          <Bar
            key={status}
            dataKey={status}
            name={label}
            stackId="status"
            fill={STATUS_COLOURS[status]}
            stroke="var(--paper)"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  )
}
