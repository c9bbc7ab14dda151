import { StyleSheet, Text, View } from '@react-pdf/renderer'

import { PDF_FONTS } from '@/lib/pdf/fonts'
import { Bookmarked } from './Bookmarked'
import { statusTitle } from '@/lib/format/labels'
import { plural } from '@/lib/format/plural'
import { formatProgress } from './format'
import { SUMMARY_LIST_ROWS, type ProgressReportModel } from './model'
import { MoreRow } from './More'
import type { ReportChange, ReportSince } from './since'
import { COLORS, styles } from './theme'

const s = StyleSheet.create({
  figures: { flexDirection: 'row', marginTop: 2, marginBottom: 10 },
  figure: {
    flex: 1,
    borderTopWidth: 2,
    borderTopColor: COLORS.brand,
    paddingTop: 5,
    marginRight: 8,
  },
  lastFigure: { marginRight: 0 },
  value: {
    fontFamily: PDF_FONTS.sans,
    fontSize: 18,
    lineHeight: 1.1,
    fontWeight: 700,
    color: COLORS.brand,
  },
  caption: { fontFamily: PDF_FONTS.sans, fontSize: 8, lineHeight: 1.35, color: COLORS.ink },
  title: { flex: 1, paddingRight: 8 },
  section: { width: 52, paddingRight: 6 },
  change: { width: 150 },
  delta: { width: 44, textAlign: 'right', fontWeight: 700 },
  up: { color: COLORS.ok },
  down: { color: COLORS.gap },
  none: { fontFamily: PDF_FONTS.sans, fontSize: 8.5, lineHeight: 1.35, color: COLORS.muted },
})

const state = (value: ReportChange['to'] | null): string =>
  value ? `${statusTitle(value.status)} · ${formatProgress(value.progress)}` : 'new'

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')

/** One list of changes: initiative, section, then what moved. */
function ChangeTable({
  title,
  rows,
  empty,
  show,
  limit,
}: {
  title: string
  rows: ReportChange[]
  empty: string
  show: 'status' | 'progress' | 'now'
  /** rows shown before "and N more" (null: all) */
  limit: number | null
}) {
  const shown = limit == null ? rows : rows.slice(0, limit)
  return (
    <View>
      <Text style={styles.h2} minPresenceAhead={40}>
        {title} ({rows.length})
      </Text>
      {rows.length === 0 ? (
        <Text style={s.none}>{empty}</Text>
      ) : (
        <View style={styles.table}>
          <View style={styles.headRow} fixed>
            <Text style={{ flex: 1 }}>Initiative</Text>
            <Text style={{ width: 52 }}>Section</Text>
            <Text style={{ width: 150 }}>
              {show === 'now' ? 'Status and progress' : 'Before → now'}
            </Text>
            {show === 'progress' ? (
              <Text style={{ width: 44, textAlign: 'right' }}>Change</Text>
            ) : null}
          </View>
          {shown.map((row) => (
            <View key={row.key} style={styles.row} wrap={false}>
              <Text style={s.title}>{row.title}</Text>
              <Text style={s.section}>{row.section}</Text>
              <Text style={s.change}>
                {show === 'now'
                  ? state(row.to)
                  : show === 'progress'
                    ? `${row.from ? formatProgress(row.from.progress) : 'new'} → ${formatProgress(row.to.progress)}`
                    : `${row.from ? statusTitle(row.from.status) : 'new'} → ${statusTitle(row.to.status)}`}
              </Text>
              {show === 'progress' ? (
                <Text style={[s.delta, row.progressDelta > 0 ? s.up : s.down]}>
                  {signed(row.progressDelta)}
                </Text>
              ) : null}
            </View>
          ))}
          <MoreRow shown={shown.length} total={rows.length} />
        </View>
      )}
    </View>
  )
}

function Figures({ since }: { since: ReportSince }) {
  const figures = [
    { value: String(since.newlyCompleted.length), caption: 'newly completed' },
    { value: String(since.newlyStarted.length), caption: 'newly started' },
    {
      value: String(since.statusChanges.length),
      caption: plural(since.statusChanges.length, 'status change', 'status changes'),
    },
    {
      value: String(since.stale.length),
      caption: plural(since.stale.length, 'stale initiative', 'stale initiatives'),
    },
    {
      value: String(since.sectionsNotReported.length),
      caption: plural(
        since.sectionsNotReported.length,
        'section did not report',
        'sections did not report',
      ),
    },
  ]
  return (
    <View style={s.figures}>
      {figures.map((f, i) => (
        <View key={f.caption} style={[s.figure, i === figures.length - 1 ? s.lastFigure : {}]}>
          <Text style={s.value}>{f.value}</Text>
          <Text style={s.caption}>{f.caption}</Text>
        </View>
      ))}
    </View>
  )
}

/** "Since <previous cycle>": what moved between the previous cycle and this one. */
export function SinceSection({ report }: { report: ProgressReportModel }) {
  const since = report.since
  if (!since) return null
  const to = report.cycle ? report.cycle.name : 'today'
  const limit = report.listing === 'full' ? null : SUMMARY_LIST_ROWS
  return (
    <Bookmarked break bookmark={{ title: `Since ${since.from.name}`, fit: true }}>
      <Text style={styles.kicker}>Since {since.from.name}</Text>
      <Text style={styles.h1}>What changed since {since.from.name}</Text>
      <Text style={styles.paragraph}>
        {since.trend}. Each initiative is compared as its latest progress update left it at{' '}
        {since.from.name} and at {to}.
      </Text>
      <Figures since={since} />
      <ChangeTable
        title="Newly completed"
        rows={since.newlyCompleted}
        empty={`No initiative was completed since ${since.from.name}.`}
        show="status"
        limit={limit}
      />
      <ChangeTable
        title="Newly started"
        rows={since.newlyStarted}
        empty={`No initiative started since ${since.from.name}.`}
        show="status"
        limit={limit}
      />
      <ChangeTable
        title="Status changes"
        rows={since.statusChanges}
        empty="No initiative changed status."
        show="status"
        limit={limit}
      />
      {since.added.length > 0 ? (
        <ChangeTable title="New initiatives" rows={since.added} empty="" show="now" limit={limit} />
      ) : null}
      <ChangeTable
        title="Largest progress changes"
        rows={since.progressChanges}
        empty="No initiative reported a change in progress."
        show="progress"
        limit={limit}
      />
      <ChangeTable
        title="Stale initiatives"
        rows={since.stale}
        empty="No initiative is stale."
        show="now"
        limit={limit}
      />
      <Text style={[styles.note, { marginTop: 4 }]}>{since.staleRule}</Text>
      <Text style={styles.h2} minPresenceAhead={30}>
        Sections that did not report ({since.sectionsNotReported.length})
      </Text>
      <Text style={since.sectionsNotReported.length === 0 ? s.none : styles.paragraph}>
        {since.sectionsNotReported.length === 0
          ? `Every section with work to report sent an update for ${to}.`
          : `${since.sectionsNotReported.join('; ')}.`}
      </Text>
    </Bookmarked>
  )
}
