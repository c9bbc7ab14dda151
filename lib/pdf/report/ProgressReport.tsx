import { Document, Page } from '@react-pdf/renderer'

import { AppendixSection } from './AppendixSection'
import { CoverPage } from './CoverPage'
import { ExecutiveSummary } from './ExecutiveSummary'
import { formatDate } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { GapsSection } from './GapsSection'
import { GoalAreaSection } from './GoalAreaSection'
import { TOP_PER_OBJECTIVE, type ProgressReportModel } from './model'
import { RunningHeader } from './RunningHeader'
import { SectionsSummary } from './SectionsSummary'
import { SinceSection } from './SinceSection'
import { PAGE, styles } from './theme'

/**
 * The board progress report: cover, summary, what changed since the previous cycle, one part per
 * goal area, gaps, and every initiative by section (or, in a summary of a large plan, the
 * sections' totals).
 */
export function ProgressReport({ report }: { report: ProgressReportModel }) {
  const { plan } = report
  const period = formatPeriod(plan.startYear, plan.endYear)
  const scope = report.section ? ` (${report.section.name})` : ''
  const top = report.listing === 'full' ? null : TOP_PER_OBJECTIVE
  return (
    <Document
      title={`${plan.title}: progress report${scope}`}
      author={plan.organization}
      subject={`Progress on the ${plan.title} (${period}) as of ${formatDate(report.asOf)}, prepared for the Board`}
      keywords={['progress report', 'strategic plan', 'coverage', plan.organization].join(', ')}
      creator="Lodestar"
      producer="Lodestar"
      language="en-US"
      creationDate={report.generatedAt}
      modificationDate={report.generatedAt}
      pageMode="useOutlines"
    >
      <CoverPage report={report} />
      {/* react-pdf's newer pagination engine: the legacy one drops the "Page x of y" footer */}
      <Page size={PAGE.size} style={styles.page} wrap experimentalPagination>
        <RunningHeader report={report} />
        <ExecutiveSummary report={report} />
        <SinceSection report={report} />
        {report.goals.map((goal) => (
          <GoalAreaSection key={goal.number} goal={goal} top={top} />
        ))}
        <GapsSection report={report} />
        {report.appendix ? (
          <AppendixSection report={report} />
        ) : (
          <SectionsSummary report={report} />
        )}
      </Page>
    </Document>
  )
}
