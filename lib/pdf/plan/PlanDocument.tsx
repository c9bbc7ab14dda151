import { Document, Link, Page, StyleSheet, Text, View } from '@react-pdf/renderer'

import type { PlanPdfData } from '@/lib/data/publicQueries'
import { formatDate, formatMonth } from '@/lib/format/dates'
import { formatPeriod } from '@/lib/format/period'
import { coverageSummarySentence } from '@/lib/plan/coverage'
import { labelledCode } from '@/lib/plan/numbering'
import { sameId } from '@/lib/plan/types'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { PdfRichText, type RichTextStyles } from './richText'

const INK = '#1c2430'
const MUTED = '#4a5565'
const BRAND = '#1b3a5c'
const RULE = '#d5dbe3'

// Line height is set on each text style, never on the Page or a View: with react-pdf 4.9 an
// inherited lineHeight makes `fixed` page furniture (the footer) vanish from every page. A
// unitless lineHeight multiplies the style's own fontSize (18 when the size is inherited), so
// each style that sets one sets its size too.
const LEADING = 1.45
const BODY = { fontSize: 10.5, lineHeight: LEADING }

const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONTS.serif,
    fontSize: 10.5,
    color: INK,
    paddingTop: 54,
    paddingBottom: 64,
    paddingHorizontal: 60,
  },
  organization: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 10,
    fontWeight: 600,
    color: BRAND,
    textTransform: 'uppercase',
    letterSpacing: 0.8,
    marginBottom: 6,
  },
  title: { fontSize: 24, fontWeight: 700, lineHeight: 1.2, color: INK, marginBottom: 10 },
  meta: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 10,
    lineHeight: LEADING,
    color: MUTED,
    marginBottom: 2,
  },
  rule: { borderBottomWidth: 1, borderBottomColor: RULE, marginTop: 14, marginBottom: 6 },
  partTitle: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 14,
    fontWeight: 600,
    color: BRAND,
    marginTop: 16,
    marginBottom: 6,
  },
  goal: { marginTop: 12 },
  goalLabel: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 9.5,
    fontWeight: 600,
    color: MUTED,
    textTransform: 'uppercase',
    letterSpacing: 0.6,
  },
  goalTitle: { fontSize: 13, fontWeight: 600, lineHeight: 1.3, marginBottom: 6 },
  goalDescription: { ...BODY, marginBottom: 6 },
  objective: { flexDirection: 'row', marginBottom: 5 },
  code: {
    width: 34,
    ...BODY,
    fontFamily: PDF_FONTS.sans,
    fontWeight: 600,
    color: BRAND,
  },
  objectiveText: { flex: 1, ...BODY },
  note: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 9,
    lineHeight: LEADING,
    color: MUTED,
    marginTop: 18,
  },
  link: { color: BRAND },
  footer: {
    position: 'absolute',
    bottom: 28,
    left: 60,
    right: 60,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontFamily: PDF_FONTS.sans,
    fontSize: 8.5,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 6,
  },
})

const richTextStyles: RichTextStyles = {
  paragraph: { ...BODY, marginBottom: 7 },
  heading: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 11.5,
    fontWeight: 600,
    lineHeight: 1.3,
    marginTop: 6,
    marginBottom: 4,
  },
  quote: { ...BODY, marginLeft: 14, fontStyle: 'italic', marginBottom: 7 },
  listItem: { flexDirection: 'row', marginBottom: 3 },
  listText: { flex: 1, ...BODY },
  bullet: { width: 16, ...BODY },
  link: { color: BRAND },
}

export interface PlanDocumentProps {
  bundle: PlanPdfData
  /** absolute address of the plan page, printed in the footer and the closing note */
  url: string
}

/** The published plan as ALCTS laid it out: preamble, vision, mission, goal areas and objectives. */
export function PlanDocument({ bundle, url }: PlanDocumentProps) {
  const { plan, goals, objectives, coverage } = bundle
  const period = formatPeriod(plan.startYear, plan.endYear)
  // "Strategy 2.3" needs a wider code column than "2.3" (about 5.5 pt a character at 10.5 pt)
  const codeWidth = plan.objectiveLabel?.trim()
    ? { width: 34 + 5.5 * (plan.objectiveLabel.trim().length + 1) }
    : {}
  const adopted = [
    plan.adoptedOn ? `Adopted ${formatMonth(plan.adoptedOn)}` : '',
    plan.adoptedBy ? `${plan.adoptedOn ? 'by' : 'Adopted by'} ${plan.adoptedBy}` : '',
  ]
    .filter(Boolean)
    .join(' ')
  const revised = plan.lastRevised ?? plan.updatedAt
  const parts = [
    { title: 'Preamble', value: plan.preamble },
    { title: 'Vision', value: plan.vision },
    { title: 'Mission', value: plan.mission },
  ].filter((part) => part.value && part.value.root.children.length > 0)

  return (
    <Document
      title={plan.title}
      author={plan.organization}
      subject={`${plan.organization}: strategic plan ${period}`}
      creator="Lodestar"
      producer="Lodestar"
      language="en"
    >
      <Page size="LETTER" style={styles.page} wrap>
        <View style={styles.footer} fixed>
          <Text>{plan.title}</Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>
        <View>
          <Text style={styles.organization}>{plan.organization}</Text>
          <Text style={styles.title}>{plan.title}</Text>
          <Text style={styles.meta}>Plan period {period}</Text>
          {adopted ? <Text style={styles.meta}>{adopted}</Text> : null}
          <Text style={styles.meta}>
            {plan.lastRevised ? 'Last revised' : 'Last updated'} {formatDate(revised)}
          </Text>
          <View style={styles.rule} />
        </View>

        {parts.map((part) => (
          <View key={part.title}>
            <Text style={styles.partTitle} minPresenceAhead={40}>
              {part.title}
            </Text>
            <PdfRichText value={part.value} styles={richTextStyles} />
          </View>
        ))}

        {plan.values.length > 0 ? (
          <View>
            <Text style={styles.partTitle} minPresenceAhead={40}>
              Values
            </Text>
            {plan.values.map((value) => (
              <View key={value} style={richTextStyles.listItem}>
                <Text style={richTextStyles.bullet}>•</Text>
                <Text style={richTextStyles.listText}>{value}</Text>
              </View>
            ))}
          </View>
        ) : null}

        <Text style={styles.partTitle} minPresenceAhead={80}>
          Goals
        </Text>
        {goals.map((goal) => (
          <View key={String(goal.id)} style={styles.goal}>
            <View wrap={false} minPresenceAhead={40}>
              <Text style={styles.goalLabel}>Goal Area {goal.number}.</Text>
              <Text style={styles.goalTitle}>{goal.title}</Text>
            </View>
            {goal.description ? (
              <Text style={styles.goalDescription}>{goal.description}</Text>
            ) : null}
            {objectives
              .filter((o) => sameId(o.goal, goal.id))
              .map((objective) => (
                <View key={String(objective.id)} style={styles.objective} wrap={false}>
                  <Text style={[styles.code, codeWidth]}>
                    {labelledCode(objective.code, plan.objectiveLabel)}
                  </Text>
                  <Text style={styles.objectiveText}>{objective.text}</Text>
                </View>
              ))}
          </View>
        ))}

        <Text style={styles.note}>
          The initiatives behind each objective, and their progress, are published at{' '}
          <Link src={url} style={styles.link}>
            {url}
          </Link>
          . {coverageSummarySentence(coverage)} (public initiatives).
        </Text>
      </Page>
    </Document>
  )
}
