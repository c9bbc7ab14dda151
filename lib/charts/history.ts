/**
 * The dashboard's cycle tables: the trend, the status mix, the open cycle's completion and the
 * stale list, by name. The page renders each as a <table> and the CSV route serves the very same
 * rows (`/dashboard/<slug>/csv/<name>.csv`). Pure.
 */
import { formatDate } from '@/lib/format/dates'
import { statusLabel } from '@/lib/format/labels'
import type { Table } from '@/lib/plan/csv'
import type { CycleCompletion, StaleRule } from '@/lib/plan/cycles'
import type { Id, InitiativeStatus } from '@/lib/plan/types'
import { statusMixTable, trendTable, type CycleCoverage } from './trend'

/** One stale initiative as the dashboard lists it. */
export interface StaleRow {
  id: Id
  title: string
  section: string
  status: InitiativeStatus
  /** when it last reported (ISO), null when it never did */
  lastUpdate: string | null
}

/** What the history tables are built from (lib/data/cycles, getDashboardHistory). */
export interface HistoryTables {
  cycles: CycleCoverage[]
  open: { cycle: { name: string }; completion: CycleCompletion } | null
  stale: { rule: StaleRule; rows: StaleRow[] }
}

/** Per section: initiatives expected to report in the open cycle, and how many have. */
export const completionTable = (open: HistoryTables['open']): Table => ({
  headers: ['Section', 'Expected', 'Submitted', 'Missing'],
  rows: (open?.completion.sections ?? []).map((s) => [
    s.name,
    s.expected,
    s.submitted,
    s.expected - s.submitted,
  ]),
})

/** One row per stale initiative: title, section, status and its last update. */
export const staleTable = (stale: HistoryTables['stale']): Table => ({
  headers: ['Initiative', 'Section', 'Status', 'Last update'],
  rows: stale.rows.map((r) => [
    r.title,
    r.section,
    statusLabel(r.status),
    r.lastUpdate ? formatDate(r.lastUpdate) : 'never',
  ]),
})

/**
 * The stale initiatives the dashboard lists before "and N more" (the CSV lists every one): at
 * 50,000 initiatives the plan had about 4,000 stale, a 3.3 MB page (the list and its data table,
 * each twice with React's payload) that took most of a warm dashboard's 0.5 s to render
 * (bench/coverage/README.md).
 */
export const DASHBOARD_STALE_ROWS = 100

/** The stale list as the dashboard shows it: its first rows, and how many more the CSV has. */
export const shownStale = (
  stale: HistoryTables['stale'],
  limit: number = DASHBOARD_STALE_ROWS,
): { rule: StaleRule; rows: StaleRow[]; more: number } => ({
  rule: stale.rule,
  rows: stale.rows.slice(0, limit),
  more: Math.max(0, stale.rows.length - limit),
})

/** How staleness was decided, in words ("no update in Midwinter 2009"). */
export const staleRuleText = (rule: StaleRule): string =>
  rule.kind === 'cycle'
    ? `no update in ${rule.cycle.name}, the latest closed cycle`
    : `no update in the last ${rule.days} days`

export const HISTORY_TABLES = {
  trend: {
    title: 'Coverage over the reporting cycles',
    build: (h: HistoryTables) => trendTable(h.cycles),
  },
  'status-mix': {
    title: 'Initiatives by status over the reporting cycles',
    build: (h: HistoryTables) => statusMixTable(h.cycles),
  },
  completion: {
    title: 'Reporting in the open cycle, by section',
    build: (h: HistoryTables) => completionTable(h.open),
  },
  stale: { title: 'Stale initiatives', build: (h: HistoryTables) => staleTable(h.stale) },
} as const satisfies Record<string, { title: string; build: (h: HistoryTables) => Table }>

export type HistoryTableName = keyof typeof HISTORY_TABLES

export const isHistoryTable = (name: string): name is HistoryTableName =>
  Object.hasOwn(HISTORY_TABLES, name)
