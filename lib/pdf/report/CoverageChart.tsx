import { G, Line, Rect, Svg, Text } from '@react-pdf/renderer'

import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { COLORS, CONTENT_WIDTH } from './theme'

const ROW = 22
const BAR = 12
const LABEL_WIDTH = 84
const VALUE_WIDTH = 96
const AXIS = 16
const TICKS = [0, 0.25, 0.5, 0.75, 1]

const label = { fontFamily: PDF_FONTS.sans, fontSize: 8.5 }

/**
 * Coverage per goal area as horizontal bars (vector graphics), each labelled with its goal area
 * and its value, and the whole plan's coverage as the last bar for comparison.
 */
export function CoverageChart({ coverage }: { coverage: PlanCoverage }) {
  const rows = [
    ...coverage.goals.map((g) => ({
      key: `goal-${g.number}`,
      name: `Goal Area ${g.number}`,
      value: g.coverage,
      detail: `${g.covered} of ${g.objectives}`,
      total: false,
    })),
    {
      key: 'plan',
      name: 'Whole plan',
      value: coverage.coverage,
      detail: `${coverage.objectives.covered} of ${coverage.objectives.total}`,
      total: true,
    },
  ]
  const width = CONTENT_WIDTH
  const x0 = LABEL_WIDTH
  const x1 = width - VALUE_WIDTH
  const span = x1 - x0
  const height = rows.length * ROW + 6 + AXIS
  const plotBottom = rows.length * ROW + 6

  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {TICKS.map((t) => (
        <G key={`tick-${t}`}>
          <Line
            x1={x0 + t * span}
            x2={x0 + t * span}
            y1={0}
            y2={plotBottom}
            stroke={t === 0 ? COLORS.muted : COLORS.rule}
            strokeWidth={t === 0 ? 0.75 : 0.5}
          />
          <Text
            x={x0 + t * span}
            y={plotBottom + 11}
            textAnchor="middle"
            fill={COLORS.muted}
            style={{ ...label, fontSize: 7.5 }}
          >
            {`${Math.round(t * 100)}%`}
          </Text>
        </G>
      ))}
      {rows.map((row, i) => {
        const y = i * ROW + (row.total ? 6 : 0) + (ROW - BAR) / 2
        const barWidth = Math.max(0, Math.min(1, row.value)) * span
        const color = row.total ? COLORS.brand : COLORS.bar
        return (
          <G key={row.key}>
            {row.total ? (
              <Line
                x1={0}
                x2={width}
                y1={i * ROW + 3}
                y2={i * ROW + 3}
                stroke={COLORS.rule}
                strokeWidth={0.5}
                strokeDasharray="2,2"
              />
            ) : null}
            <Text
              x={0}
              y={y + BAR - 3}
              fill={COLORS.ink}
              style={{ ...label, fontWeight: row.total ? 700 : 600 }}
            >
              {row.name}
            </Text>
            <Rect x={x0} y={y} width={span} height={BAR} fill={COLORS.track} />
            {barWidth > 0 ? <Rect x={x0} y={y} width={barWidth} height={BAR} fill={color} /> : null}
            <Text
              x={x1 + 8}
              y={y + BAR - 3}
              fill={COLORS.ink}
              style={{ ...label, fontWeight: 700 }}
            >
              {formatPercent(row.value)}
            </Text>
            <Text x={x1 + 40} y={y + BAR - 3} fill={COLORS.muted} style={label}>
              {row.detail}
            </Text>
          </G>
        )
      })}
    </Svg>
  )
}
