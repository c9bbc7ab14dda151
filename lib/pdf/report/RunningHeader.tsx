import { Text, View } from '@react-pdf/renderer'

import { formatDate } from '@/lib/format/dates'
import type { ProgressReportModel } from './model'
import { styles } from './theme'

/** The running header's and footer's words (lib/pdf/report/listing draws them too). */
export function runningTexts(report: ProgressReportModel) {
  const scope = report.section ? ` · ${report.section.abbreviation ?? report.section.name}` : ''
  return {
    left: `${report.plan.title}${scope}`,
    right: `Progress report as of ${formatDate(report.asOf)}${report.cycle ? ` (${report.cycle.name})` : ''}`,
    footer: `${report.plan.organization} · Prepared for the Board`,
  }
}

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
  const text = runningTexts(report)
  return (
    <>
      <View style={styles.header} fixed>
        <Text>{text.left}</Text>
        <Text>{text.right}</Text>
      </View>
      <View style={styles.footer} fixed>
        <Text>{text.footer}</Text>
        {pageNumbers ? (
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        ) : null}
      </View>
    </>
  )
}
