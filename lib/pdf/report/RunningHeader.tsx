import { Text, View } from '@react-pdf/renderer'

import { formatDate } from '@/lib/format/dates'
import type { ProgressReportModel } from './model'
import { styles } from './theme'

/**
 * Plan title and as-of date on top of every content page; "Page x of y" at the foot, unless
 * `pageNumbers` is false (a part of a long report: the join numbers its pages, see join.ts).
 */
export function RunningHeader({
  report,
  pageNumbers = true,
}: {
  report: ProgressReportModel
  pageNumbers?: boolean
}) {
  const scope = report.section ? ` · ${report.section.abbreviation ?? report.section.name}` : ''
  return (
    <>
      <View style={styles.header} fixed>
        <Text>
          {report.plan.title}
          {scope}
        </Text>
        <Text>
          Progress report as of {formatDate(report.asOf)}
          {report.cycle ? ` (${report.cycle.name})` : ''}
        </Text>
      </View>
      <View style={styles.footer} fixed>
        <Text>{report.plan.organization} · Prepared for the Board</Text>
        {pageNumbers ? (
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        ) : null}
      </View>
    </>
  )
}
