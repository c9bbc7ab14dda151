import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { statusTitle } from '@/lib/format/labels'
import { formatCellDate, formatProgress } from './format'
import type { ReportInitiative } from './model'
import { COLORS, STATUS_COLORS, styles } from './theme'

/** Column widths shared by every initiative table, so the tables line up page after page. */
export const COLUMNS = {
  section: 44,
  status: 66,
  progress: 56,
  target: 64,
} as const

const s = StyleSheet.create({
  status: { flexDirection: 'row', alignItems: 'center', alignSelf: 'flex-start' },
  dot: { width: 6, height: 6, borderRadius: 3, marginRight: 4 },
  progress: { flexDirection: 'row', alignItems: 'center', alignSelf: 'flex-start' },
  track: { width: 24, height: 4, backgroundColor: COLORS.track, marginRight: 4 },
  fill: { height: 4, backgroundColor: COLORS.bar },
  inactive: { color: COLORS.faint },
})

/** The header cells of the initiative columns. */
export function InitiativeHeadCells({ section = true }: { section?: boolean }) {
  return (
    <>
      {section ? <Text style={{ width: COLUMNS.section }}>Section</Text> : null}
      <Text style={{ width: COLUMNS.status }}>Status</Text>
      <Text style={{ width: COLUMNS.progress }}>Progress</Text>
      <Text style={{ width: COLUMNS.target, textAlign: 'right' }}>Target date</Text>
    </>
  )
}

/** Section (unless the table is of one section), status, progress and target date. */
export function InitiativeCells({
  initiative,
  section = true,
}: {
  initiative: ReportInitiative
  section?: boolean
}) {
  const muted = initiative.active ? {} : s.inactive
  const progress = initiative.progress
  return (
    <>
      {section ? (
        <Text style={[{ width: COLUMNS.section }, styles.cell, muted]}>{initiative.section}</Text>
      ) : null}
      <View style={[{ width: COLUMNS.status }, s.status]}>
        <View style={[s.dot, { backgroundColor: STATUS_COLORS[initiative.status] }]} />
        <Text style={muted}>{statusTitle(initiative.status)}</Text>
      </View>
      <View style={[{ width: COLUMNS.progress }, s.progress]}>
        {progress == null ? null : (
          <View style={s.track}>
            <View style={[s.fill, { width: (Math.min(100, Math.max(0, progress)) / 100) * 24 }]} />
          </View>
        )}
        <Text style={muted}>{formatProgress(progress)}</Text>
      </View>
      <Text style={[{ width: COLUMNS.target, textAlign: 'right' }, muted]}>
        {formatCellDate(initiative.targetDate)}
      </Text>
    </>
  )
}
