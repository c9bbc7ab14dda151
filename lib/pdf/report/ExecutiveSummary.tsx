import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { formatPercent } from '@/lib/plan/coverage'
import { plural } from '@/lib/format/plural'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { Bookmarked } from './Bookmarked'
import { CoverageChart } from './CoverageChart'
import type { ProgressReportModel } from './model'
import { COLORS, styles } from './theme'

const s = StyleSheet.create({
  figures: { flexDirection: 'row', marginTop: 4, marginBottom: 14 },
  figure: {
    flex: 1,
    borderTopWidth: 2,
    borderTopColor: COLORS.brand,
    paddingTop: 6,
    marginRight: 10,
  },
  lastFigure: { marginRight: 0 },
  value: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 22,
    lineHeight: 1.1,
    fontWeight: 700,
    color: COLORS.brand,
  },
  caption: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 8.5,
    lineHeight: 1.35,
    color: COLORS.ink,
    marginTop: 1,
  },
  detail: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 8,
    lineHeight: 1.35,
    color: COLORS.muted,
    marginTop: 1,
  },
  sentences: { marginBottom: 4 },
  bullet: { flexDirection: 'row', marginBottom: 3 },
  dot: { width: 12, color: COLORS.brand },
  sentence: { flex: 1, fontSize: 10.5, lineHeight: 1.35 },
  goalNo: { width: 24 },
  goalTitle: { flex: 1 },
  col: { width: 58 },
})

interface Figure {
  value: string
  caption: string
  detail: string
}

/** Headline figures, sentences written from the data, the chart and the goal-area table. */
export function ExecutiveSummary({ report }: { report: ProgressReportModel }) {
  const cov = report.coverage
  const figures: Figure[] = [
    {
      value: formatPercent(cov.coverage),
      caption: 'objectives covered',
      detail: `${cov.objectives.covered} of ${cov.objectives.total} objectives`,
    },
    {
      value: String(cov.initiatives.active),
      caption: plural(cov.initiatives.active, 'active initiative', 'active initiatives'),
      detail: 'planned, in progress or completed',
    },
    {
      value: String(cov.initiatives.completed),
      caption: plural(cov.initiatives.completed, 'initiative completed', 'initiatives completed'),
      detail: `of ${cov.initiatives.active} active`,
    },
    {
      value: String(cov.sectionsEngaged),
      caption: plural(cov.sectionsEngaged, 'section engaged', 'sections engaged'),
      detail: `of ${cov.sections.length} with active initiatives`,
    },
  ]
  return (
    <Bookmarked bookmark={{ title: 'Executive summary', fit: true }}>
      <Text style={styles.kicker}>Executive summary</Text>
      <Text style={styles.h1}>Where the plan stands</Text>

      <View style={s.figures}>
        {figures.map((f, i) => (
          <View key={f.caption} style={[s.figure, i === figures.length - 1 ? s.lastFigure : {}]}>
            <Text style={s.value}>{f.value}</Text>
            <Text style={s.caption}>{f.caption}</Text>
            <Text style={s.detail}>{f.detail}</Text>
          </View>
        ))}
      </View>

      <View style={s.sentences}>
        {report.sentences.map((text) => (
          <View key={text} style={s.bullet} wrap={false}>
            <Text style={s.dot}>•</Text>
            <Text style={s.sentence}>{text}</Text>
          </View>
        ))}
      </View>

      <View wrap={false}>
        <Text style={styles.h2}>Coverage by goal area</Text>
        <Text style={[styles.note, { marginBottom: 8 }]}>
          Share of each goal area&apos;s objectives served by at least one active initiative.
        </Text>
        <CoverageChart coverage={cov} />
      </View>

      <View style={styles.table} wrap={false}>
        <View style={[styles.headRow, { marginTop: 12 }]}>
          <Text style={s.goalNo}>No.</Text>
          <Text style={s.goalTitle}>Goal area</Text>
          <Text style={[s.col, styles.num]}>Objectives</Text>
          <Text style={[s.col, styles.num]}>Covered</Text>
          <Text style={[s.col, styles.num]}>Coverage</Text>
          <Text style={[s.col, styles.num]}>Initiatives</Text>
        </View>
        {cov.goals.map((g) => (
          <View key={g.number} style={styles.row}>
            <Text style={s.goalNo}>{g.number}</Text>
            <Text style={[s.goalTitle, styles.cell]}>{g.title}</Text>
            <Text style={[s.col, styles.num]}>{g.objectives}</Text>
            <Text style={[s.col, styles.num]}>{g.covered}</Text>
            <Text style={[s.col, styles.num, { fontWeight: 600 }]}>
              {formatPercent(g.coverage)}
            </Text>
            <Text style={[s.col, styles.num]}>{g.initiatives}</Text>
          </View>
        ))}
      </View>
    </Bookmarked>
  )
}
