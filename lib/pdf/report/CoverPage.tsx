import { Page, StyleSheet, Text, View } from '@react-pdf/renderer'

import { formatPercent } from '@/lib/plan/coverage'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { formatDate } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { TOP_PER_OBJECTIVE, type ProgressReportModel } from './model'
import { COLORS, PAGE } from './theme'

const s = StyleSheet.create({
  page: {
    fontFamily: PDF_FONTS.serif,
    color: COLORS.ink,
    paddingTop: 120,
    paddingBottom: 72,
    paddingLeft: 96,
    paddingRight: 72,
  },
  band: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    left: 0,
    width: 28,
    backgroundColor: COLORS.brand,
  },
  organization: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 11,
    lineHeight: 1.35,
    fontWeight: 600,
    color: COLORS.brand,
    textTransform: 'uppercase',
    letterSpacing: 0.8,
    marginBottom: 36,
  },
  label: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 13,
    lineHeight: 1.25,
    fontWeight: 600,
    color: COLORS.muted,
    textTransform: 'uppercase',
    letterSpacing: 1,
    marginBottom: 10,
  },
  title: { fontSize: 32, fontWeight: 700, lineHeight: 1.15, marginBottom: 12 },
  period: { fontSize: 16, lineHeight: 1.25, color: COLORS.muted, marginBottom: 6 },
  section: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 13,
    lineHeight: 1.25,
    fontWeight: 600,
    color: COLORS.brand,
    marginTop: 10,
  },
  rule: { width: 72, borderBottomWidth: 3, borderBottomColor: COLORS.brand, marginVertical: 30 },
  figure: { flexDirection: 'row', alignItems: 'flex-end' },
  figureValue: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 40,
    lineHeight: 1.1,
    fontWeight: 700,
    color: COLORS.brand,
  },
  figureText: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 12,
    lineHeight: 1.25,
    color: COLORS.muted,
    marginLeft: 12,
    marginBottom: 7,
    maxWidth: 300,
  },
  bottom: {
    position: 'absolute',
    left: 96,
    right: 72,
    bottom: 72,
    borderTopWidth: 0.75,
    borderTopColor: COLORS.rule,
    paddingTop: 12,
    fontFamily: PDF_FONTS.sans,
  },
  reading: { marginTop: 48, maxWidth: 400 },
  readingTitle: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 10,
    lineHeight: 1.3,
    fontWeight: 600,
    color: COLORS.ink,
    marginBottom: 4,
  },
  readingText: { fontFamily: PDF_FONTS.sans, fontSize: 9, lineHeight: 1.45, color: COLORS.muted },
  prepared: { fontSize: 12, lineHeight: 1.25, fontWeight: 600, color: COLORS.ink },
  asOf: { fontSize: 11, lineHeight: 1.35, color: COLORS.muted, marginTop: 3 },
})

/** What the figures count and what the listing shows: on the cover, where it is read first. */
function readingNote(report: ProgressReportModel): string {
  const scope = report.section ? `, of the ${report.section.name} only` : ''
  const listing =
    report.listing === 'summary'
      ? `Under each objective the report lists its ${TOP_PER_OBJECTIVE} most advanced initiatives (work under way, furthest along first) and how many more there are; ${report.appendix ? 'the appendix lists every initiative by section' : 'the report with ?listing=full lists every one'}.`
      : 'Every initiative is listed under each objective it serves and, by section, in the appendix.'
  return (
    'An initiative is active when it is planned, in progress or completed, and an objective is ' +
    'covered when at least one active initiative serves it. Figures count every published ' +
    `initiative, public and members-only${scope}; drafts never count. “Initiatives” counts the ` +
    'distinct active initiatives serving a goal area, so one that serves two areas counts in ' +
    `each. ${listing}`
  )
}

/**
 * The cover: organization, plan and period, "Progress report", the headline figure, how to read
 * the report, the as-of date and the audience.
 */
export function CoverPage({ report }: { report: ProgressReportModel }) {
  const { plan, coverage, section } = report
  return (
    <Page size={PAGE.size} style={s.page}>
      <View style={s.band} />
      <Text style={s.organization}>{plan.organization}</Text>
      <Text style={s.label}>Progress report</Text>
      <Text style={s.title}>{plan.title}</Text>
      <Text style={s.period}>Plan period {formatPeriod(plan.startYear, plan.endYear)}</Text>
      {section ? <Text style={s.section}>Work of the {section.name}</Text> : null}
      <View style={s.rule} />
      <View style={s.figure}>
        <Text style={s.figureValue}>{formatPercent(coverage.coverage)}</Text>
        <Text style={s.figureText}>
          of objectives covered: {coverage.objectives.covered} of {coverage.objectives.total} have
          active initiatives
        </Text>
      </View>
      <View style={s.reading}>
        <Text style={s.readingTitle}>How to read this report</Text>
        <Text style={s.readingText}>{readingNote(report)}</Text>
      </View>
      <View style={s.bottom}>
        <Text style={s.prepared}>Prepared for the Board</Text>
        <Text style={s.asOf}>
          As of {formatDate(report.asOf)}
          {report.cycle ? ` · ${report.cycle.name} reporting cycle` : ''}
        </Text>
      </View>
    </Page>
  )
}
