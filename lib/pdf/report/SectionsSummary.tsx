import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { Bookmarked } from './Bookmarked'
import type { ProgressReportModel } from './model'
import { COLORS, styles } from './theme'

const s = StyleSheet.create({
  name: { flex: 1, paddingRight: 8 },
  count: { width: 90, textAlign: 'right' },
  inactive: { color: COLORS.faint },
})

/**
 * In a summary of a large plan, instead of every initiative: each section's totals, and where the
 * full listing is (the report with `?listing=full`, the dashboard's CSV downloads).
 */
export function SectionsSummary({
  report,
  breakBefore = true,
}: {
  report: ProgressReportModel
  breakBefore?: boolean
}) {
  return (
    <Bookmarked break={breakBefore} bookmark={{ title: 'Sections', fit: true }}>
      <Text style={styles.kicker}>Sections</Text>
      <Text style={styles.h1}>Initiatives by section</Text>
      <Text style={styles.paragraph}>
        This summary lists the {report.initiativeCount} published initiatives only by their
        sections&rsquo; totals. The report with the full listing (add ?listing=full to its address)
        and the dashboard&rsquo;s CSV downloads list every one of them.
      </Text>
      {report.idleSections.length > 0 && report.sections.length > 0 ? (
        <Text style={[styles.note, { marginBottom: 6 }]}>
          No published initiatives: {report.idleSections.join('; ')}.
        </Text>
      ) : null}
      <View style={styles.table}>
        <View style={styles.headRow} fixed>
          <Text style={{ flex: 1 }}>Section</Text>
          <Text style={s.count}>Active initiatives</Text>
          <Text style={s.count}>Published in all</Text>
        </View>
        {report.sections.map((group) => (
          <View key={group.slug} style={styles.row} wrap={false}>
            <Text style={s.name}>
              {group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name}
            </Text>
            <Text style={[s.count, group.activeInitiatives === 0 ? s.inactive : {}]}>
              {group.activeInitiatives}
            </Text>
            <Text style={s.count}>{group.initiatives.length}</Text>
          </View>
        ))}
      </View>
    </Bookmarked>
  )
}
