'use client'

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'

import type { StatusPoint } from '@/lib/charts/series'
import type { InitiativeStatus } from '@/lib/plan/types'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, GRID_COLOUR, STATUS_COLOURS } from './palette'

const HEIGHT = 300

/** Published initiatives per goal area, stacked by status (workflow order, bottom to top). */
export function StatusChart({
  data,
  statuses,
  description,
}: {
  data: StatusPoint[]
  statuses: { status: InitiativeStatus; label: string }[]
  description: string
}) {
  return (
    <ChartFrame description={description} height={HEIGHT}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        <XAxis dataKey="label" stroke={AXIS_COLOUR} fontSize={12} />
        <YAxis allowDecimals={false} stroke={AXIS_COLOUR} fontSize={12} />
        <Tooltip
          cursor={{ fill: 'var(--paper-alt)' }}
          labelFormatter={(_, payload) => {
            const point = payload?.[0]?.payload as StatusPoint | undefined
            return point ? `Goal Area ${point.goal}: ${point.title}` : ''
          }}
        />
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
