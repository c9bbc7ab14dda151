import { Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer'

import type { StatusCounts } from '@/lib/plan/coverage'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { statusTitle } from '@/lib/format/labels'
import { COLORS, CONTENT_WIDTH, STATUS_COLORS } from './theme'

const s = StyleSheet.create({
  legend: { flexDirection: 'row', flexWrap: 'wrap', marginTop: 5 },
  item: { flexDirection: 'row', alignItems: 'center', marginRight: 12, marginBottom: 2 },
  swatch: { width: 7, height: 7, marginRight: 4 },
  text: { fontFamily: PDF_FONTS.sans, fontSize: 8.5, lineHeight: 1.35, color: COLORS.ink },
  count: { fontWeight: 700 },
  none: { fontFamily: PDF_FONTS.sans, fontSize: 8.5, lineHeight: 1.35, color: COLORS.muted },
})

const HEIGHT = 10

/** Published initiatives by status: one stacked bar and a legend with the counts. */
export function StatusBreakdown({ byStatus }: { byStatus: StatusCounts }) {
  const total = INITIATIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0)
  if (total === 0) {
    return <Text style={s.none}>No published initiatives serve this goal area yet.</Text>
  }
  const segments = INITIATIVE_STATUSES.filter((status) => byStatus[status] > 0).reduce<
    { status: (typeof INITIATIVE_STATUSES)[number]; x: number; width: number }[]
  >((acc, status) => {
    const last = acc.at(-1)
    const x = last ? last.x + last.width : 0
    return [...acc, { status, x, width: (byStatus[status] / total) * CONTENT_WIDTH }]
  }, [])
  return (
    <View wrap={false}>
      <Svg width={CONTENT_WIDTH} height={HEIGHT} viewBox={`0 0 ${CONTENT_WIDTH} ${HEIGHT}`}>
        {segments.map((seg) => (
          <Rect
            key={seg.status}
            x={seg.x}
            y={0}
            width={Math.max(seg.width - 1, 0.5)}
            height={HEIGHT}
            fill={STATUS_COLORS[seg.status]}
          />
        ))}
      </Svg>
      <View style={s.legend}>
        {INITIATIVE_STATUSES.map((status) => (
          <View key={status} style={s.item}>
            <View style={[s.swatch, { backgroundColor: STATUS_COLORS[status] }]} />
            <Text style={s.text}>
              {statusTitle(status)} <Text style={s.count}>{byStatus[status]}</Text>
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
