import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { Bookmarked } from './Bookmarked'
import { CONTINUED, GroupHeading, GroupRows } from './GroupHeading'
import { InitiativeCells, InitiativeHeadCells } from './InitiativeCells'
import { ListingMarker, useListingDrawnLater } from './listing/Marker'
import type { ProgressReportModel, ReportSectionGroup } from './model'
import { COLORS, styles } from './theme'

/** The objectives' codes column of the appendix (lib/pdf/report/listing draws it too). */
export const CODES_WIDTH = 90

const s = StyleSheet.create({
  title: { flex: 1, paddingRight: 8 },
  codes: { width: CODES_WIDTH, paddingRight: 6 },
  inactive: { color: COLORS.faint },
  sectionName: { fontWeight: 700, color: COLORS.brand },
  sectionCount: { color: COLORS.muted },
})

function SectionTable({ group }: { group: ReportSectionGroup }) {
  const name = group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name
  const n = group.activeInitiatives
  return (
    <Bookmarked bookmark={{ title: name, fit: true }}>
      <GroupHeading minPresenceAhead={30}>
        {(continued) => (
          <Text>
            <Text style={s.sectionName}>{name}</Text>
            <Text style={s.sectionCount}>
              {continued ? CONTINUED : `  ${n} active ${n === 1 ? 'initiative' : 'initiatives'}`}
            </Text>
          </Text>
        )}
      </GroupHeading>
      <GroupRows
        rows={() =>
          group.initiatives.map((initiative) => (
            <View key={initiative.key} style={styles.row} wrap={false}>
              <Text style={[s.title, initiative.active ? {} : s.inactive]}>{initiative.title}</Text>
              <Text style={s.codes}>{initiative.objectives.join(', ')}</Text>
              <InitiativeCells initiative={initiative} section={false} />
            </View>
          ))
        }
      />
    </Bookmarked>
  )
}

function HeadRow() {
  return (
    <View style={styles.headRow} fixed>
      <Text style={{ flex: 1 }}>Initiative</Text>
      <Text style={{ width: CODES_WIDTH }}>Objectives</Text>
      <InitiativeHeadCells section={false} />
    </View>
  )
}

/**
 * Appendix: every published initiative in the report, by section. A long one is rendered in
 * pieces (lib/pdf/report/parts.ts): `groups` are the sections of this piece; `heading` whether
 * the appendix opens here (its title, introduction and outline entry); `breakBefore` false when
 * the piece opens a document part.
 */
export function AppendixSection({
  report,
  groups = report.sections,
  heading = true,
  breakBefore = true,
}: {
  report: ProgressReportModel
  groups?: ReportSectionGroup[]
  heading?: boolean
  breakBefore?: boolean
}) {
  const drawnLater = useListingDrawnLater()
  const marker = <ListingMarker id={`appendix:${groups[0]?.slug ?? ''}`} />
  if (!heading) {
    if (drawnLater) return <View break={breakBefore}>{marker}</View>
    return (
      <View break={breakBefore} style={styles.table}>
        <HeadRow />
        {groups.map((group) => (
          <SectionTable key={group.slug} group={group} />
        ))}
      </View>
    )
  }
  return (
    <Bookmarked
      break={breakBefore}
      bookmark={{ title: 'Appendix: initiatives by section', fit: true }}
    >
      <Text style={styles.kicker}>Appendix</Text>
      <Text style={styles.h1}>Initiatives by section</Text>
      <Text style={styles.paragraph}>
        Every published initiative serving the plan, with the objectives it serves. Proposed,
        deferred and cancelled initiatives are shown in grey: they do not count towards coverage.
      </Text>
      {report.idleSections.length > 0 && report.sections.length > 0 ? (
        <Text style={[styles.note, { marginBottom: 6 }]}>
          No published initiatives: {report.idleSections.join('; ')}.
        </Text>
      ) : null}
      {report.sections.length === 0 ? (
        <Text style={styles.note}>No published initiatives yet.</Text>
      ) : drawnLater ? (
        marker
      ) : (
        <View style={styles.table}>
          <HeadRow />
          {groups.map((group) => (
            <SectionTable key={group.slug} group={group} />
          ))}
        </View>
      )}
    </Bookmarked>
  )
}
