import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { formatPercent } from '@/lib/plan/coverage'
import { PDF_FONTS } from '@/lib/pdf/fonts'
import { Bookmarked } from './Bookmarked'
import { CONTINUED, GroupHeading, GroupRows } from './GroupHeading'
import { InitiativeCells, InitiativeHeadCells } from './InitiativeCells'
import { ListingMarker, useListingDrawnLater } from './listing/Marker'
import type { ReportGoal, ReportObjective } from './model'
import { MoreRow } from './More'
import { StatusBreakdown } from './StatusBreakdown'
import { codeWidth, COLORS, styles } from './theme'

const s = StyleSheet.create({
  stats: { flexDirection: 'row', alignItems: 'flex-end', marginBottom: 12 },
  percent: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 26,
    lineHeight: 1.1,
    fontWeight: 700,
    color: COLORS.brand,
  },
  statText: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 10,
    lineHeight: 1.35,
    color: COLORS.ink,
    marginLeft: 10,
    marginBottom: 3,
  },
  code: { width: 30, fontSize: 9.5, lineHeight: '13pt', fontWeight: 700, color: COLORS.brand },
  objectiveText: {
    flex: 1,
    fontFamily: PDF_FONTS.serif,
    fontSize: 9.5,
    lineHeight: '13pt',
    paddingRight: 8,
  },
  badge: {
    width: 92,
    textAlign: 'center',
    fontWeight: 700,
    fontSize: 7.5,
    lineHeight: '10pt',
    paddingVertical: 1.5,
    textTransform: 'uppercase',
    letterSpacing: 0.4,
  },
  covered: { color: COLORS.ok, backgroundColor: COLORS.okTint },
  gap: { color: COLORS.gap, backgroundColor: COLORS.gapTint },
  initiative: { flex: 1, paddingLeft: 30, paddingRight: 8 },
  none: { flex: 1, paddingLeft: 30, color: COLORS.muted, fontStyle: 'italic' },
  inactive: { color: COLORS.faint },
  continued: { color: COLORS.muted },
})

function ObjectiveRow({ objective }: { objective: ReportObjective }) {
  return (
    <GroupHeading minPresenceAhead={24}>
      {(continued) => (
        <>
          <Text style={[s.code, codeWidth(objective.name)]}>{objective.name}</Text>
          <Text style={s.objectiveText}>
            {objective.text}
            {continued ? <Text style={s.continued}>{CONTINUED}</Text> : null}
          </Text>
          <Text style={[s.badge, objective.covered ? s.covered : s.gap]}>
            {objective.covered ? `Covered · ${objective.activeInitiatives} active` : 'Gap'}
          </Text>
        </>
      )}
    </GroupHeading>
  )
}

function ObjectiveGroup({ objective, top }: { objective: ReportObjective; top: number | null }) {
  const shown = top == null ? objective.initiatives : objective.initiatives.slice(0, top)
  const activeLeft = objective.activeInitiatives - shown.filter((i) => i.active).length
  return (
    <View>
      <ObjectiveRow objective={objective} />
      {objective.initiatives.length === 0 ? (
        <View style={styles.row} wrap={false}>
          <Text style={s.none}>No published initiative serves this objective.</Text>
        </View>
      ) : (
        <GroupRows
          rows={() =>
            shown.map((initiative) => (
              <View key={initiative.key} style={styles.row} wrap={false}>
                <Text style={[s.initiative, initiative.active ? {} : s.inactive]}>
                  {initiative.title}
                </Text>
                <InitiativeCells initiative={initiative} />
              </View>
            ))
          }
        />
      )}
      <MoreRow
        shown={shown.length}
        total={objective.initiatives.length}
        detail={`${activeLeft} active`}
        indent={30}
      />
    </View>
  )
}

/**
 * A goal area on pages of its own: coverage, status breakdown, objectives and their work (in a
 * summary the `top` most advanced initiatives of each objective, then how many more).
 * `breakBefore` false when it opens a document part (already on a new page).
 */
export function GoalAreaSection({
  goal,
  top,
  breakBefore = true,
}: {
  goal: ReportGoal
  top: number | null
  breakBefore?: boolean
}) {
  const cov = goal.coverage
  const active = cov.initiatives
  const drawnLater = useListingDrawnLater()
  return (
    <Bookmarked
      break={breakBefore}
      bookmark={{ title: `Goal Area ${goal.number}: ${goal.title}`, fit: true }}
    >
      <Text style={styles.kicker}>Goal Area {goal.number}</Text>
      <Text style={styles.h1}>{goal.title}</Text>
      <View style={s.stats}>
        <Text style={s.percent}>{formatPercent(cov.coverage)}</Text>
        <Text style={s.statText}>
          coverage: {cov.covered} of {cov.objectives} objectives covered · {active} active{' '}
          {active === 1 ? 'initiative' : 'initiatives'}
        </Text>
      </View>

      <Text style={[styles.h2, { marginTop: 0 }]}>Initiatives by status</Text>
      <StatusBreakdown byStatus={cov.byStatus} />

      <Text style={styles.h2} minPresenceAhead={60}>
        Objectives and the initiatives serving them
      </Text>
      {goal.objectives.length === 0 ? (
        <Text style={styles.note}>This goal area has no objectives yet.</Text>
      ) : drawnLater ? (
        <ListingMarker id={`goal:${goal.number}`} />
      ) : (
        <View style={styles.table}>
          <View style={styles.headRow} fixed>
            <Text style={{ width: 30 }}>Code</Text>
            <Text style={{ flex: 1 }}>Objective · initiative</Text>
            <InitiativeHeadCells />
          </View>
          {goal.objectives.map((objective) => (
            <ObjectiveGroup key={objective.code} objective={objective} top={top} />
          ))}
        </View>
      )}
    </Bookmarked>
  )
}
