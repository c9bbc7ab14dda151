'use client'

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'

import type { InitiativeStatus } from '@/lib/plan/types'
import { CategoryXAxis } from './CategoryAxis.client'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, GRID_COLOUR, INK_TEXT, STATUS_COLOURS } from './palette'

/**
 * Initiatives stacked by status (workflow order, bottom to top), one bar per point: the status
 * chart (per goal area) and the status mix (per reporting cycle) draw through it.
 */
export function StatusBars<P extends object>({
  data,
  xKey,
  statuses,
  description,
  height,
  tooltipLabel,
  everyTick = false,
}: {
  data: P[]
  xKey: keyof P & string
  statuses: { status: InitiativeStatus; label: string }[]
  description: string
  height: number
  /** The tooltip's title for a point (default: its x value). */
  tooltipLabel?: (point: P) => string
  /** Label every bar on the x axis (wrapped to fit), not only those Recharts has room for. */
  everyTick?: boolean
}) {
  return (
    <ChartFrame description={description} height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={GRID_COLOUR} />
        {everyTick ? (
          <CategoryXAxis data={data} label={(point) => String(point[xKey])} kind="bands" />
        ) : (
          <XAxis dataKey={(point: P) => String(point[xKey])} stroke={AXIS_COLOUR} fontSize={12} />
        )}
        <YAxis allowDecimals={false} stroke={AXIS_COLOUR} fontSize={12} />
        <Tooltip
          cursor={{ fill: 'var(--paper-alt)' }}
          itemStyle={INK_TEXT}
          {...(tooltipLabel
            ? {
                labelFormatter: (_: unknown, payload: readonly { payload?: unknown }[]) => {
                  const point = payload?.[0]?.payload as P | undefined
                  return point ? tooltipLabel(point) : ''
                },
              }
            : {})}
        />
        <Legend
          iconType="square"
          itemSorter={null}
          wrapperStyle={{ fontSize: 13 }}
          labelStyle={INK_TEXT}
        />
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
