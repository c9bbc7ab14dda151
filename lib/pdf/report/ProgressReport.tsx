import { Document, Page } from '@react-pdf/renderer'

import { AppendixSection } from './AppendixSection'
import { CoverPage } from './CoverPage'
import { ExecutiveSummary } from './ExecutiveSummary'
import { formatDate } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { GapsSection } from './GapsSection'
import { GoalAreaSection } from './GoalAreaSection'
import { PageCountRead } from './GroupHeading'
import { TOP_PER_OBJECTIVE, type ProgressReportModel } from './model'
import type { ReportBlock, ReportPart } from './parts'
import { ListingDrawnLater } from './listing/Marker'
import { RunningHeader } from './RunningHeader'
import { SectionsSummary } from './SectionsSummary'
import { SinceSection } from './SinceSection'
import { PAGE, styles } from './theme'

/** The whole report as one part: every block, pages numbered by react-pdf. */
function wholeReport(report: ProgressReportModel): ReportBlock[] {
  return [
    { kind: 'intro' },
    ...report.goals.map((goal) => ({ kind: 'goal' as const, number: goal.number })),
    { kind: 'gaps' },
    report.appendix
      ? { kind: 'appendix', slugs: report.sections.map((s) => s.slug), heading: true }
      : { kind: 'sections-summary' },
  ]
}

function Block({
  report,
  block,
  breakBefore,
}: {
  report: ProgressReportModel
  block: ReportBlock
  breakBefore: boolean
}) {
  const top = report.listing === 'full' ? null : TOP_PER_OBJECTIVE
  switch (block.kind) {
    case 'intro':
      return (
        <>
          <ExecutiveSummary report={report} />
          <SinceSection report={report} />
        </>
      )
    case 'goal': {
      const goal = report.goals.find((g) => g.number === block.number)
      return goal ? <GoalAreaSection goal={goal} top={top} breakBefore={breakBefore} /> : null
    }
    case 'gaps':
      return <GapsSection report={report} breakBefore={breakBefore} />
    case 'appendix': {
      const slugs = new Set(block.slugs)
      return (
        <AppendixSection
          report={report}
          groups={report.sections.filter((group) => slugs.has(group.slug))}
          heading={block.heading}
          breakBefore={breakBefore}
        />
      )
    }
    case 'sections-summary':
      return <SectionsSummary report={report} breakBefore={breakBefore} />
  }
}

/**
 * The board progress report: cover, summary, what changed since the previous cycle, one part per
 * goal area, gaps, and every initiative by section (or, in a summary of a large plan, the
 * sections' totals). With `part`, only that part's blocks (lib/pdf/report/parts.ts), without
 * page numbers: the join numbers the pages of the whole.
 */
export function ProgressReport({
  report,
  part,
  tablesLater = false,
}: {
  report: ProgressReportModel
  part?: ReportPart
  /** the full listing's tables left to lib/pdf/report/listing: markers where they start */
  tablesLater?: boolean
}) {
  const { plan } = report
  const period = formatPeriod(plan.startYear, plan.endYear)
  const scope = report.section ? ` (${report.section.name})` : ''
  const blocks = part?.blocks ?? wholeReport(report)
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
      {blocks[0]?.kind === 'intro' ? <CoverPage report={report} /> : null}
      {/* react-pdf's newer pagination engine: the legacy one drops the "Page x of y" footer */}
      <Page size={PAGE.size} style={styles.page} wrap experimentalPagination>
        <RunningHeader report={report} pageNumbers={!part} />
        <PageCountRead.Provider value={!part}>
          <ListingDrawnLater.Provider value={tablesLater}>
            {blocks.map((block, i) => (
              <Block key={i} report={report} block={block} breakBefore={i > 0} />
            ))}
          </ListingDrawnLater.Provider>
        </PageCountRead.Provider>
      </Page>
    </Document>
  )
}
