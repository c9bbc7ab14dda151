import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { gapsSentence } from '@/lib/plan/coverage'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { Bookmarked } from './Bookmarked'
import { CONTINUED, GroupHeading } from './GroupHeading'
import { statusTitle } from '@/lib/format/labels'
import { SUMMARY_GAP_WORK_ROWS, type ProgressReportModel, type ReportGap } from './model'
import { codeWidth, COLORS, styles } from './theme'

const s = StyleSheet.create({
  code: { width: 30, fontSize: 9.5, lineHeight: '13pt', fontWeight: 700, color: COLORS.gap },
  text: {
    flex: 1,
    fontFamily: PDF_FONTS.serif,
    fontSize: 9.5,
    lineHeight: '13pt',
    paddingRight: 8,
  },
  work: { width: 190 },
  workLine: { color: COLORS.muted, marginBottom: 1 },
  goal: { fontWeight: 600, color: COLORS.brand },
})

function GapRow({ gap, rows }: { gap: ReportGap; rows: number | null }) {
  const shown = rows == null ? gap.inactive : gap.inactive.slice(0, rows)
  const rest = gap.inactive.length - shown.length
  return (
    <View style={styles.row} wrap={false}>
      <Text style={[s.code, codeWidth(gap.name)]}>{gap.name}</Text>
      <Text style={s.text}>{gap.text}</Text>
      <View style={s.work}>
        {gap.inactive.length === 0 ? (
          <Text style={s.workLine}>–</Text>
        ) : (
          shown.map((i) => (
            <Text key={i.key} style={s.workLine}>
              {statusTitle(i.status)}: {i.title} ({i.section})
            </Text>
          ))
        )}
        {rest > 0 ? <Text style={s.workLine}>… and {rest} more</Text> : null}
      </View>
    </View>
  )
}

/** Every uncovered objective in one list, grouped by goal area (on pages of its own). */
export function GapsSection({
  report,
  breakBefore = true,
}: {
  report: ProgressReportModel
  breakBefore?: boolean
}) {
  const goals = report.goals.filter((g) => report.gaps.some((gap) => gap.goalNumber === g.number))
  const rows = report.listing === 'full' ? null : SUMMARY_GAP_WORK_ROWS
  return (
    <Bookmarked
      break={breakBefore}
      bookmark={{ title: 'Gaps: objectives without active work', fit: true }}
    >
      <Text style={styles.kicker}>Gaps</Text>
      <Text style={styles.h1}>Objectives without an active initiative</Text>
      <Text style={styles.paragraph}>
        {gapsSentence(report.coverage)}. These are the objectives no planned, in-progress or
        completed initiative serves{report.section ? ` in the ${report.section.name}` : ''}. Work
        that is only proposed, deferred or cancelled is listed beside them; it does not count yet.
      </Text>
      {report.gaps.length === 0 ? null : (
        <View style={styles.table}>
          <View style={styles.headRow} fixed>
            <Text style={{ width: 30 }}>Code</Text>
            <Text style={{ flex: 1 }}>Objective</Text>
            <Text style={s.work}>Work that does not count yet</Text>
          </View>
          {goals.map((goal) => (
            <View key={goal.number}>
              <GroupHeading minPresenceAhead={24}>
                {(continued) => (
                  <Text style={s.goal}>
                    Goal Area {goal.number}: {goal.title}
                    {continued ? CONTINUED : ''}
                  </Text>
                )}
              </GroupHeading>
              {report.gaps
                .filter((gap) => gap.goalNumber === goal.number)
                .map((gap) => (
                  <GapRow key={gap.code} gap={gap} rows={rows} />
                ))}
            </View>
          ))}
        </View>
      )}
    </Bookmarked>
  )
}
