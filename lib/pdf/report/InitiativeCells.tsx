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

/** The status dot and the progress bar, in pt (lib/pdf/report/listing draws them too); the tables' text is 11 pt high. */
export const DOT = 6
export const DOT_GAP = 4
export const BAR = { width: 24, height: 4 } as const
const LINE = 11

const s = StyleSheet.create({
  dot: {
    width: DOT,
    height: DOT,
    borderRadius: DOT / 2,
    marginTop: (LINE - DOT) / 2,
    marginRight: DOT_GAP,
  },
  status: { width: COLUMNS.status - DOT - DOT_GAP },
  // one box for the whole bar: the track is its background, the filled part its left border
  bar: {
    width: BAR.width,
    height: BAR.height,
    marginTop: (LINE - BAR.height) / 2,
    marginRight: DOT_GAP,
    backgroundColor: COLORS.track,
    borderLeftColor: COLORS.bar,
  },
  progress: { width: COLUMNS.progress - BAR.width - DOT_GAP },
  noProgress: { width: COLUMNS.progress },
  target: { width: COLUMNS.target, textAlign: 'right' },
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

/**
 * Section (unless the table is of one section), status, progress and target date: flat children
 * of the row (no wrapper boxes), since a full listing has thousands of rows and react-pdf's cost
 * grows with every box it lays out and paginates.
 */
export function InitiativeCells({
  initiative,
  section = true,
}: {
  initiative: ReportInitiative
  section?: boolean
}) {
  const muted = initiative.active ? undefined : s.inactive
  const progress = initiative.progress
  const filled =
    progress == null || !Number.isFinite(progress)
      ? null
      : (Math.min(100, Math.max(0, progress)) / 100) * BAR.width
  return (
    <>
      {section ? (
        <Text
          style={
            muted
              ? [{ width: COLUMNS.section }, styles.cell, muted]
              : [{ width: COLUMNS.section }, styles.cell]
          }
        >
          {initiative.section}
        </Text>
      ) : null}
      <View style={[s.dot, { backgroundColor: STATUS_COLORS[initiative.status] }]} />
      <Text style={muted ? [s.status, muted] : s.status}>{statusTitle(initiative.status)}</Text>
      {filled == null ? null : <View style={[s.bar, { borderLeftWidth: filled }]} />}
      <Text style={[filled == null ? s.noProgress : s.progress, ...(muted ? [muted] : [])]}>
        {formatProgress(progress)}
      </Text>
      <Text style={muted ? [s.target, muted] : s.target}>
        {formatCellDate(initiative.targetDate)}
      </Text>
    </>
  )
}
