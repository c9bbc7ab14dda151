'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis, type LabelProps } from 'recharts'

import type { CoveragePoint } from '@/lib/charts/series'
import { ChartFrame } from './ChartFrame.client'
import { AXIS_COLOUR, COVERAGE_COLOUR, GRID_COLOUR } from './palette'

const ROW = 56

/** Cuts a label to what fits in `width` pixels at the chart's label size (≈7 px a character). */
const fit = (text: string, width: number): string => {
  const room = Math.max(8, Math.floor(width / 7))
  return text.length <= room ? text : `${text.slice(0, room - 1).trimEnd()}…`
}

/**
 * Coverage per goal area: one horizontal bar per area, its number and title above the bar and
 * its percentage beside it. Clicking a bar opens that area's drill-down.
 */
export function CoverageChart({
  data,
  hrefs,
  description,
}: {
  data: CoveragePoint[]
  /** drill-down link per goal number */
  hrefs: Record<string, string>
  /** what the chart shows, for assistive technology (the table below has the numbers) */
  description: string
}) {
  const router = useRouter()
  const height = data.length * ROW + 36

  const title = (props: LabelProps) => {
    const index = Number(props.index)
    const point = data[index]
    if (!point) return null
    const box = props.parentViewBox
    const plotWidth = box && 'width' in box ? Number(box.width) : 320
    return (
      <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0) - 7} className="chart-label">
        <tspan fontWeight={700}>Goal Area {point.goal}</tspan>
        <tspan>{fit(`: ${point.title}`, plotWidth - 100)}</tspan>
      </text>
    )
  }

  return (
    <ChartFrame description={description} height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 22, right: 56, bottom: 0, left: 12 }}>
        <CartesianGrid horizontal={false} stroke={GRID_COLOUR} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => `${v}%`}
          stroke={AXIS_COLOUR}
          fontSize={12}
        />
        <YAxis type="category" dataKey="label" hide />
        <Bar
          dataKey="percent"
          fill={COVERAGE_COLOUR}
          barSize={18}
          radius={[0, 3, 3, 0]}
          minPointSize={2}
          isAnimationActive={false}
          cursor="pointer"
          onClick={(_, index) => {
            const point = data[index]
            const href = point ? hrefs[String(point.goal)] : undefined
            if (href) router.push(href, { scroll: false })
          }}
        >
          <LabelList content={title} />
          <LabelList
            dataKey="display"
            position="right"
            className="chart-value"
            fill="var(--ink)"
            fontSize={13}
            fontWeight={700}
          />
        </Bar>
      </BarChart>
    </ChartFrame>
  )
}
