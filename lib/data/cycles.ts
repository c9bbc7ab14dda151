import 'server-only'

import { createHash } from 'node:crypto'

import type { Where } from 'payload'
import { cache } from 'react'

import { READ_MEMO, type ReadMemo } from '@/lib/auth/roles'
import { env } from '@/lib/env'
import { parseCoverageFilters, type QueryInput } from '@/lib/charts/filters'
import {
  computeCoverage,
  coverageFromCounts,
  emptyCoverageCounts,
  type CoverageFilters,
  type PlanCoverage,
} from '@/lib/plan/coverage'
import { goalDrillDown, type GoalDrillDown } from '@/lib/charts/drilldown'
import type { StaleRow } from '@/lib/charts/history'
import type { CycleCoverage } from '@/lib/charts/trend'
import {
  addClosedCycleCounts,
  closedCycleCounts,
  coverageAsOf,
  cycleCompletion,
  cycleCutoff,
  cycleSummary,
  findStale,
  frozenStates,
  initiativesAsOf,
  latestUpdates,
  openCycle,
  sortCycles,
  updatesForNow,
  type ClosedCycleCounts,
  type CycleCompletion,
  type FrozenStates,
  type InitiativeRecord,
  type StaleRule,
  type Cycle,
  type CycleSummary,
  type HistoryInput,
  type ProgressUpdate,
  type StaleResult,
} from '@/lib/plan/cycles'
import type { Id } from '@/lib/plan/types'
import {
  getDashboardPlan,
  loadCoverageData,
  outsideNextToo,
  readerOf,
  type CoverageData,
  type CoverageUser,
} from './coverage'
import { CYCLE_SELECT, UPDATE_SELECT, cycleRecord, updateRecord } from './staleness'
import { getPayloadClient } from './payload'
import { cacheTags } from './tags'
import { cachedParts, cachedView, sharedCache } from './viewCache'

/**
 * The plan's history for a person: the dashboard's fetch (loadCoverageData) plus the plan's cycles
 * and its progress updates, `depth: 0`, a `select`, no pagination, so the number of queries does not
 * grow with the updates. The updates come in two parts, split at the plan's latest close (the
 * "closed line"): those submitted by then outside any open or draft cycle, which a closed cycle is
 * frozen on (`closedUpdates`, kept in Next's data cache per kind of reader until a cycle or such
 * an update changes), and the rest, read each time (`recentUpdates`: the open cycle's and those
 * since the line). Together they are every update the person may read, so the numbers are those
 * of lib/plan over the whole history. Every call acts as the person: an update of an initiative
 * they may not read never arrives.
 */
export interface HistoryData extends CoverageData {
  history: HistoryInput
}

// Local API options every history read made for a person carries; the read rules of one load's
// finds look the published plans up once between them (READ_MEMO).
const asPerson = (user: CoverageUser, memo: ReadMemo = {}) => ({
  user,
  overrideAccess: false as const,
  depth: 0,
  pagination: false as const,
  context: { [READ_MEMO]: memo },
})

/** The plan's cycles as this person may read them, oldest first (one find). */
export const loadPlanCycles = cache(
  (plan: Id, user: CoverageUser): Promise<Cycle[]> => fetchCycles(plan, user, {}),
)

async function fetchCycles(plan: Id, user: CoverageUser, memo: ReadMemo): Promise<Cycle[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'cycles',
    where: { plan: { equals: plan } },
    sort: 'asOf',
    select: CYCLE_SELECT,
    ...asPerson(user, memo),
  })
  return docs.flatMap((c) => cycleRecord(c, plan) ?? [])
}

/** Where the plan's history is frozen: its latest close, and its cycles that are not closed. */
export interface ClosedLine {
  at: string
  open: Id[]
}

/**
 * Where the plan's history is frozen: the latest close of its closed cycles, and its cycles that
 * are not closed (their updates are never frozen, whenever submitted). Null before any close.
 */
export function closedLine(cycles: readonly Cycle[]): ClosedLine | null {
  const closes = cycles.flatMap((c) => (c.state === 'closed' && c.closedAt ? [c.closedAt] : []))
  if (closes.length === 0) return null
  const at = closes.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
  return { at, open: cycles.filter((c) => c.state !== 'closed').map((c) => c.id) }
}

/** An update as the data cache keeps it: id, initiative, cycle, status, progress, submittedAt. */
type StoredUpdate = [Id, Id, Id | null, ProgressUpdate['status'], number, string]

const store = (u: ProgressUpdate): StoredUpdate => [
  u.id,
  u.initiative,
  u.cycle ?? null,
  u.status,
  u.progress,
  u.submittedAt,
]
const unstore = ([id, initiative, cycle, status, progress, submittedAt]: StoredUpdate) => ({
  id,
  initiative,
  cycle,
  status,
  progress,
  submittedAt,
})

/**
 * The updates a plan's closed cycles are frozen on, as this person may read them: submitted by
 * the closed line, in no open or draft cycle (one find). Kept in Next's data cache per kind of
 * reader and closed line, under `plan:<id>:closed-history`, which an update in the open cycle
 * does not expire (collections/hooks/revalidate.ts): a warm or cold dashboard reads only the
 * recent updates.
 */
async function closedUpdates(
  plan: Id,
  user: CoverageUser,
  line: ClosedLine,
  memo: ReadMemo,
): Promise<ProgressUpdate[]> {
  const direct = async (): Promise<StoredUpdate[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'progress-updates',
      where: { and: [{ plan: { equals: plan } }, { submittedAt: { less_than_equal: line.at } }] },
      sort: 'submittedAt',
      select: UPDATE_SELECT,
      ...asPerson(user, memo),
    })
    const open = new Set(line.open.map(String))
    return docs.flatMap((doc) => {
      const u = updateRecord(doc)
      return u && !(u.cycle != null && open.has(String(u.cycle))) ? [store(u)] : []
    })
  }
  const load = sharedCache(
    direct,
    ['closed-updates', String(plan), readerOf(user), line.at, line.open.map(String).join(',')],
    {
      tags: [cacheTags.plans, cacheTags.plan(plan), cacheTags.planClosedHistory(plan)],
      revalidate: CLOSED_HISTORY_REVALIDATE_SECONDS,
    },
  )
  return (await outsideNextToo(load, direct)).map(unstore)
}

/**
 * How long the closed part of a plan's history stays cached when nothing expires it: a day. The
 * hooks expire it on every change that can reach it; this bounds a history replayed by a script
 * beside a running server.
 */
const CLOSED_HISTORY_REVALIDATE_SECONDS = 86_400

/** The updates not frozen: those of open and draft cycles and those after the line (one find). */
async function recentUpdates(
  plan: Id,
  user: CoverageUser,
  line: ClosedLine | null,
  memo: ReadMemo,
): Promise<ProgressUpdate[]> {
  const payload = await getPayloadClient()
  const recent: Where[] = line
    ? [
        { submittedAt: { greater_than: line.at } },
        ...(line.open.length > 0 ? [{ cycle: { in: line.open } }] : []),
      ]
    : []
  const { docs } = await payload.find({
    collection: 'progress-updates',
    where: { and: [{ plan: { equals: plan } }, ...(recent.length > 0 ? [{ or: recent }] : [])] },
    sort: 'submittedAt',
    select: UPDATE_SELECT,
    ...asPerson(user, memo),
  })
  return docs.flatMap((u) => updateRecord(u) ?? [])
}

/**
 * What both loads of the history share: the plan's data for (slug, person), its cycles, and the
 * updates in two parts read side by side — the closed part as `closed` reads it (none before any
 * close) and the recent part.
 */
async function loadHistoryWith(
  slug: string,
  user: CoverageUser,
  closed: (plan: Id, cycles: Cycle[], line: ClosedLine, memo: ReadMemo) => Promise<ProgressUpdate[]>,
): Promise<HistoryData | null> {
  const data = await loadCoverageData(slug, user)
  if (!data) return null
  const plan = data.input.plan.id
  const memo: ReadMemo = {}
  const cycles = await fetchCycles(plan, user, memo)
  const line = closedLine(cycles)
  const [older, recent] = await Promise.all([
    line ? closed(plan, cycles, line, memo) : [],
    recentUpdates(plan, user, line, memo),
  ])
  return { ...data, history: { ...data.input, updates: [...older, ...recent], cycles } }
}

/**
 * Loads the plan's data and history for (slug, person): the dashboard's fetch, the cycles, the
 * closed part of the updates (from the data cache when there) and the recent ones — nine finds at
 * most whatever the history's size.
 */
export const loadHistoryData = cache(
  (slug: string, user: CoverageUser): Promise<HistoryData | null> =>
    loadHistoryWith(slug, user, (plan, _cycles, line, memo) =>
      closedUpdates(plan, user, line, memo),
    ),
)

/**
 * The plan's data and history for numbers taken now (at or after the latest close: today's
 * coverage, the stale list, the open cycle's completion), like loadHistoryData but with the
 * closed part reduced to the updates that decide them (lib/plan updatesForNow: each initiative's
 * latest, and its latest in the latest closed cycle), kept like the closed part and under its
 * tag. Its history gives wrong numbers as of an earlier moment (a closed cycle): those read
 * loadHistoryData. At 50,000 initiatives × 8 closed cycles a cold dashboard parses ~100,000
 * updates instead of 353,990 (a 22 MB entry).
 */
export const loadHistoryNow = cache(
  (slug: string, user: CoverageUser): Promise<HistoryData | null> =>
    loadHistoryWith(slug, user, (plan, cycles, line, memo) =>
      closedUpdatesForNow(plan, user, cycles, line, memo),
    ),
)

/** The closed part reduced to what numbers now read (loadHistoryNow), kept under its tag. */
async function closedUpdatesForNow(
  plan: Id,
  user: CoverageUser,
  cycles: readonly Cycle[],
  line: ClosedLine,
  memo: ReadMemo,
): Promise<ProgressUpdate[]> {
  // a close in the future (a clock set wrong) is not "before now": the whole part then
  if (Date.parse(line.at) > Date.now()) return closedUpdates(plan, user, line, memo)
  const reduce = async () =>
    updatesForNow(await closedUpdates(plan, user, line, memo), cycles).map(store)
  const closes = cycles
    .filter((c) => c.state === 'closed' && c.closedAt)
    .map((c) => `${c.id}@${c.closedAt}`)
    .join(',')
  const kept = await cachedView(
    ['closed-now', String(plan), readerOf(user), line.at, line.open.map(String).join(','), closes],
    [cacheTags.plans, cacheTags.plan(plan), cacheTags.planClosedHistory(plan)],
    reduce,
    CLOSED_HISTORY_REVALIDATE_SECONDS,
  )
  return kept.map(unstore)
}

/** The tags a view of the plan's history is kept under: its data's and its history's. */
const historyTags = (plan: Id): string[] => [
  cacheTags.plans,
  cacheTags.plan(plan),
  cacheTags.planWork(plan),
  cacheTags.sections,
  cacheTags.planHistory(plan),
  cacheTags.planClosedHistory(plan),
]

/**
 * Fingerprints of what the numbers as of a closed cycle read besides the history: the plan's
 * frame (the plan, its goal areas, objectives and sections), and each section's initiatives'
 * fields that coverage and completion count (section, objectives, status, visibility,
 * publication, dates, creation; not a title or progress, which no number reads). Kept per loaded
 * data.
 */
const fingerprints = new WeakMap<object, { frame: string; sections: Map<string, string> }>()

const digest = (parts: unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url')

export function countedFingerprints(input: CoverageData['input']): {
  frame: string
  sections: Map<string, string>
} {
  const known = fingerprints.get(input)
  if (known) return known
  const { plan, goals, objectives, sections, initiatives } = input
  const hashes = new Map<string, ReturnType<typeof createHash>>()
  const rows = new Map<string, unknown[]>()
  for (const i of initiatives) {
    const section = String(i.section)
    let own = rows.get(section)
    if (!own) rows.set(section, (own = []))
    own.push([
      i.id,
      i.section,
      i.objectives,
      i.status,
      i.visibility,
      i.published,
      i.startDate ?? null,
      i.targetDate ?? null,
      i.completedDate ?? null,
      i.createdAt ?? null,
    ])
    if (own.length === 1000) {
      let hash = hashes.get(section)
      if (!hash) hashes.set(section, (hash = createHash('sha256')))
      hash.update(JSON.stringify(own.splice(0)))
    }
  }
  const prints = new Map<string, string>()
  for (const [section, own] of rows) {
    const hash = hashes.get(section) ?? createHash('sha256')
    prints.set(section, hash.update(JSON.stringify(own)).digest('base64url'))
  }
  const result = { frame: digest([plan, goals, objectives, sections]), sections: prints }
  fingerprints.set(input, result)
  return result
}

/** A closed cycle's numbers in a view: its coverage as of the cycle and its completion's counts. */
export interface ClosedCycleNumbers {
  coverage: PlanCoverage
  expected: number
  submitted: number
}

/** How long a closed cycle's numbers stay cached when nothing expires them (a day). */
const CLOSED_NUMBERS_SECONDS = 86_400

/**
 * The numbers as of each closed cycle of the plan in a view (by cycle id). A closed cycle is
 * never reopened and its updates are frozen (collections/Cycles, collections/ProgressUpdates), so
 * what they read of the history — each initiative's status as of each close, before each cycle
 * and whether it reported in it (lib/plan FrozenStates) — is computed once per kind of reader and
 * closed line and kept with the closed history (`plan:<id>:closed-history`, which a cycle's
 * change, an update outside cycles, new copies of who may read an initiative's updates and a
 * deletion expire). The numbers are kept per section as counts that add (lib/plan
 * closedCycleCounts), each keyed by a fingerprint of its section's counted fields and the plan's
 * frame: a save of a counted field (a status, objectives, dates) recounts its section's
 * initiatives as of each closed cycle, from the kept states and no update, and a move to another
 * section the two sections', while the other sections' counts are read as they are; a title, a
 * lead or a progress report in the open cycle recounts nothing. `history`
 * is read only when the states are not kept.
 */
async function closedNumbers(
  data: CoverageData,
  user: CoverageUser,
  cycles: readonly Cycle[],
  filters: CoverageFilters,
  history: () => Promise<HistoryInput | null>,
): Promise<Map<string, ClosedCycleNumbers>> {
  const closed = sortCycles(cycles).filter((c) => c.state === 'closed' && c.closedAt)
  const line = closedLine(cycles)
  if (closed.length === 0 || !line) return new Map()
  const plan = data.input.plan.id
  const reader = readerOf(user)
  const closes = closed.map((c) => `${c.id}@${c.closedAt}`).join(',')
  const open = line.open.map(String).join(',')
  const frozenTags = [cacheTags.plans, cacheTags.plan(plan), cacheTags.planClosedHistory(plan)]
  let states: Promise<FrozenStates | null> | undefined
  const frozen = () =>
    (states ??= cachedView(
      ['closed-states', String(plan), reader, closes, open],
      frozenTags,
      async () => {
        const input = await history()
        return input && frozenStates(input.updates, closed)
      },
      CLOSED_NUMBERS_SECONDS,
    ))
  const options = { audience: data.audience, filters }
  const prints = countedFingerprints(data.input)
  const bySection = new Map<string, InitiativeRecord[]>()
  for (const i of data.input.initiatives) {
    const section = String(i.section)
    const own = bySection.get(section)
    if (own) own.push(i)
    else bySection.set(section, [i])
  }
  const sections = [...bySection.keys()]
  const view = JSON.stringify(filters)
  const parts = await cachedParts(
    sections.map((section) => ({
      key: [
        'closed-counts',
        String(plan),
        reader,
        view,
        closes,
        open,
        prints.frame,
        section,
        prints.sections.get(section)!,
      ],
      tags: [...frozenTags, cacheTags.sections],
      periodSeconds: CLOSED_NUMBERS_SECONDS,
    })),
    async (missing): Promise<(ClosedCycleCounts[] | null)[]> => {
      const states = await frozen()
      return missing.map((k) =>
        states ? closedCycleCounts(data.input, bySection.get(sections[k]!)!, states, options) : null,
      )
    },
  )
  if (parts.some((part) => part === null)) return new Map()
  const sums = new Map(
    addClosedCycleCounts(parts as ClosedCycleCounts[][]).map((c) => [c.cycle, c]),
  )
  return new Map(
    closed.map((cycle): [string, ClosedCycleNumbers] => {
      const sum = sums.get(String(cycle.id))
      return [
        String(cycle.id),
        {
          coverage: coverageFromCounts(data.input, sum?.coverage ?? emptyCoverageCounts(), options),
          expected: sum?.expected ?? 0,
          submitted: sum?.submitted ?? 0,
        },
      ]
    }),
  )
}

/** What `?cycle=<id>` and the filters resolve to, or why not (4xx and a message). */
export type ResolvedHistoryQuery =
  | { ok: true; data: HistoryData; filters: CoverageFilters; cycle: Cycle | null }
  | { ok: false; status: 400 | 404; error: string }

/** A cycle id as the adapters make them: a whole number (SQLite) or 24 hex digits (MongoDB). */
const CYCLE_ID = /^(?:\d{1,15}|[0-9a-f]{24})$/i

/** The values of `?cycle=` read strictly: none, one well-formed id, or why not. */
function parseCycleParam(
  values: readonly string[],
  slug: string,
): { ok: true; id: string | undefined } | { ok: false; error: string } {
  const wanted = [...new Set(values.map((v) => v.trim()))]
  if (wanted.length > 1) {
    return { ok: false, error: `Choose one cycle at a time (got ${wanted.join(', ')}).` }
  }
  const id = wanted[0]
  if (id !== undefined && !CYCLE_ID.test(id)) {
    return {
      ok: false,
      error: `?cycle= takes a cycle id (as GET /api/plans/${slug}/cycles lists them), not "${id}".`,
    }
  }
  return { ok: true, id }
}

/** The values of `?cycle=` in a query. */
const cycleValues = (query: QueryInput): string[] =>
  query instanceof URLSearchParams
    ? query.getAll('cycle')
    : ([] as string[]).concat(query.cycle ?? [])

/**
 * The filters (as the coverage endpoint reads them) and `?cycle=<id>` of a query, with the plan's
 * history as this person sees it: 404 for a plan they cannot see or a cycle that is not this
 * plan's; 400 for malformed filters, an unknown section, several cycles or a malformed cycle id.
 */
export async function resolveHistoryQuery(
  slug: string,
  query: QueryInput,
  user: CoverageUser,
  unknownSection: (section: string, data: CoverageData) => string = (section) =>
    `No section "${section}".`,
): Promise<ResolvedHistoryQuery> {
  const parsed = parseCoverageFilters(query)
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error }
  const asked = parseCycleParam(cycleValues(query), slug)
  if (!asked.ok) return { ok: false, status: 400, error: asked.error }
  const id = asked.id
  const data = await loadHistoryData(slug, user)
  if (!data) return { ok: false, status: 404, error: `No plan "${slug}".` }
  const { section } = parsed.filters
  if (section && !data.input.sections.some((s) => s.slug === section)) {
    return { ok: false, status: 400, error: unknownSection(section, data) }
  }
  const cycle = id === undefined ? null : data.history.cycles.find((c) => String(c.id) === id)
  if (cycle === undefined) {
    const known = data.history.cycles.map((c) => `${c.id} (${c.name})`).join(', ') || 'none yet'
    return { ok: false, status: 404, error: `No cycle "${id}" in this plan. Cycles: ${known}.` }
  }
  return { ok: true, data, filters: parsed.filters, cycle }
}

/** Stale initiatives among those this view counts (its audience, section and visibility). */
export function staleInView(
  data: HistoryData,
  filters: CoverageFilters,
  cycle: Cycle | null,
  now: Date,
): StaleResult {
  const section = filters.section
    ? data.input.sections.find((s) => s.slug === filters.section)
    : undefined
  const initiatives = data.history.initiatives.filter(
    (i) =>
      (data.audience === 'members' || i.visibility === 'public') &&
      (!filters.visibility || i.visibility === filters.visibility) &&
      (!filters.section || (section && String(section.id) === String(i.section))),
  )
  return findStale(
    { ...data.history, initiatives },
    { now, staleAfterDays: env().staleAfterDays, asOf: cycle ?? undefined },
  )
}

/** The coverage JSON with history: `asOf` when a cycle was asked for, and `stale` always. */
export type CoverageWithHistory = PlanCoverage & {
  asOf?: { cycle: { id: Id; name: string }; date: string }
  stale: number
}

export type CoverageWithHistoryResult =
  { status: 200; coverage: CoverageWithHistory } | { status: 400 | 404; error: string }

/**
 * `GET /api/plans/<slug>/coverage[?cycle=<id>]`: the numbers now, or as of the cycle (each
 * initiative's latest update on or before the cycle's close), with how many initiatives are stale.
 */
export async function coverageWithHistoryForQuery(
  slug: string,
  query: QueryInput,
  user: CoverageUser,
  now: Date = new Date(),
): Promise<CoverageWithHistoryResult> {
  // what needs no data is answered first, and the answer is kept per plan, reader and view
  const parsed = parseCoverageFilters(query)
  if (!parsed.ok) return { status: 400, error: parsed.error }
  const asked = parseCycleParam(cycleValues(query), slug)
  if (!asked.ok) return { status: 400, error: asked.error }
  const plan = await getDashboardPlan(slug, user)
  if (!plan) return { status: 404, error: `No plan "${slug}".` }
  return cachedView(
    ['coverage-json', String(plan.id), readerOf(user), JSON.stringify(parsed.filters), asked.id ?? ''],
    historyTags(plan.id),
    () => computeCoverageWithHistory(slug, query, user, now),
  )
}

async function computeCoverageWithHistory(
  slug: string,
  query: QueryInput,
  user: CoverageUser,
  now: Date,
): Promise<CoverageWithHistoryResult> {
  const resolved = await resolveHistoryQuery(slug, query, user)
  if (!resolved.ok) return { status: resolved.status, error: resolved.error }
  const { data, filters, cycle } = resolved
  const options = { audience: data.audience, filters }
  const known =
    cycle?.state === 'closed'
      ? (await closedNumbers(data, user, data.history.cycles, filters, async () => data.history))
          .get(String(cycle.id))?.coverage
      : undefined
  const coverage =
    known ??
    (cycle ? coverageAsOf(data.history, cycle, now, options) : computeCoverage(data.input, options))
  const stale = staleInView(data, filters, cycle, now).initiatives.length
  return {
    status: 200,
    coverage: {
      ...coverage,
      ...(cycle ? { asOf: { cycle: { id: cycle.id, name: cycle.name }, date: cycle.asOf } } : {}),
      stale,
    },
  }
}

export type CyclesResult = { status: 200; cycles: CycleSummary[] } | { status: 404; error: string }

/**
 * `GET /api/plans/<slug>/cycles`: the plan's cycles, oldest first, each with its coverage and
 * covered objectives as of the cycle and its completion (expected vs submitted updates), as this
 * person sees them.
 */
export async function cyclesForPlan(
  slug: string,
  user: CoverageUser,
  now: Date = new Date(),
): Promise<CyclesResult> {
  const plan = await getDashboardPlan(slug, user)
  if (!plan) return { status: 404, error: `No plan "${slug}".` }
  return cachedView(['cycles-json', String(plan.id), readerOf(user)], historyTags(plan.id), async () => {
    const data = await loadHistoryData(slug, user)
    if (!data) return { status: 404, error: `No plan "${slug}".` }
    const { history, audience } = data
    const known = await closedNumbers(data, user, history.cycles, {}, async () => history)
    return {
      status: 200,
      // lib/plan cycleHistory's summaries, the closed cycles' numbers computed once
      cycles: sortCycles(history.cycles).map((cycle) => {
        const numbers = known.get(String(cycle.id))
        return numbers
          ? cycleSummary(cycle, numbers.coverage, numbers)
          : cycleSummary(
              cycle,
              coverageAsOf(history, cycle, now, { audience }),
              cycleCompletion(history, cycle, now),
            )
      }),
    }
  })
}

/** The cycle dimension of the dashboard, in the view's audience and filters. */
export interface DashboardHistory {
  /** non-draft cycles, oldest first, each with the view's coverage as of it */
  cycles: CycleCoverage[]
  /** the cycle asked for with `?cycle=`, null for now */
  selected: Cycle | null
  /** the open cycle's reporting completion, per section (null when no cycle is open) */
  open: { cycle: Cycle; completion: CycleCompletion } | null
  /** stale initiatives in the view (as of the selected cycle, else now) */
  stale: { rule: StaleRule; rows: StaleRow[] }
}

/**
 * The dashboard's history widgets for (plan, person, view, cycle): the trend over the plan's
 * cycles, the open cycle's completion and the stale list, from the one history fetch. Null for a
 * plan the person cannot see or a cycle id that is not the plan's.
 */
export const getDashboardHistory = cache(
  async (
    slug: string,
    user: CoverageUser,
    filters: CoverageFilters,
    cycleId: string | null,
  ): Promise<DashboardHistory | null> => {
    const plan = await getDashboardPlan(slug, user)
    if (!plan) return null
    return cachedView(
      ['dashboard-history', String(plan.id), readerOf(user), JSON.stringify(filters), cycleId ?? ''],
      historyTags(plan.id),
      () => computeDashboardHistory(slug, user, filters, cycleId),
    )
  },
)

async function computeDashboardHistory(
  slug: string,
  user: CoverageUser,
  filters: CoverageFilters,
  cycleId: string | null,
): Promise<DashboardHistory | null> {
    // now: the history reduced to what numbers now read; as of a cycle: all of it
    const data = await (cycleId === null ? loadHistoryNow : loadHistoryData)(slug, user)
    if (!data) return null
    const now = new Date()
    const selected =
      cycleId === null ? null : data.history.cycles.find((c) => String(c.id) === cycleId)
    if (selected === undefined) return null
    const options = { audience: data.audience, filters }
    const whole = async () =>
      cycleId === null ? ((await loadHistoryData(slug, user))?.history ?? null) : data.history
    const known = await closedNumbers(data, user, data.history.cycles, filters, whole)
    // lib/plan cycleHistory's coverage per cycle, the closed cycles' computed once (a closed
    // cycle not among them, which cannot happen while the plan is there, from the whole history)
    const shown = sortCycles(data.history.cycles).filter((c) => c.state !== 'draft')
    const missing = shown.some((c) => c.state === 'closed' && !known.has(String(c.id)))
    const history = (missing ? await whole() : null) ?? data.history
    const cycles = shown.map((c) => ({
      cycle: { id: c.id, name: c.name, state: c.state, asOf: c.asOf },
      coverage:
        known.get(String(c.id))?.coverage ??
        coverageAsOf(c.state === 'closed' ? history : data.history, c, now, options),
    }))
    const open = openCycle(data.history.cycles)
    const completion = open ? cycleCompletion(data.history, open, now) : null
    const stale = staleInView(data, filters, selected, now)
    const byId = new Map(data.history.initiatives.map((i) => [String(i.id), i]))
    const sections = new Map(data.input.sections.map((s) => [String(s.id), s.name]))
    const latest = latestUpdates(data.history.updates, selected ? cycleCutoff(selected, now) : now)
    const asOf = new Map(
      initiativesAsOf(
        data.history.initiatives,
        data.history.updates,
        selected ? cycleCutoff(selected, now) : now,
      ).map((i) => [String(i.id), i]),
    )
    const rows = stale.initiatives.flatMap((id): StaleRow[] => {
      const i = asOf.get(String(id)) ?? byId.get(String(id))
      if (!i) return []
      return [
        {
          id: i.id,
          title: i.title,
          section: sections.get(String(i.section)) ?? '—',
          status: i.status,
          lastUpdate: latest.get(String(i.id))?.submittedAt ?? null,
        },
      ]
    })
    rows.sort((a, b) => a.section.localeCompare(b.section) || a.title.localeCompare(b.title))
    return {
      cycles,
      selected,
      open: open && completion ? { cycle: open, completion } : null,
      stale: { rule: stale.rule, rows },
    }
}

/**
 * The view's coverage as of `?cycle=` (null for a plan the person cannot see or an unknown
 * cycle): the dashboard's widgets when a past cycle is chosen.
 */
export const getPlanCoverageAsOf = cache(
  async (
    slug: string,
    user: CoverageUser,
    filters: CoverageFilters,
    cycleId: string,
  ): Promise<PlanCoverage | null> => {
    const plan = await getDashboardPlan(slug, user)
    if (!plan) return null
    return cachedView(
      ['coverage-as-of', String(plan.id), readerOf(user), JSON.stringify(filters), cycleId],
      historyTags(plan.id),
      async () => {
        // a closed cycle's numbers need the plan's data and cycles, not its history, when kept
        const data = await loadCoverageData(slug, user)
        const cycles = await loadPlanCycles(plan.id, user)
        const cycle = cycles.find((c) => String(c.id) === cycleId)
        if (!data || !cycle) return null
        const history = async () => (await loadHistoryData(slug, user))?.history ?? null
        if (cycle.state === 'closed') {
          const known = await closedNumbers(data, user, cycles, filters, history)
          const numbers = known.get(cycleId)
          if (numbers) return numbers.coverage
        }
        const input = await history()
        return input && coverageAsOf(input, cycle, new Date(), { audience: data.audience, filters })
      },
    )
  },
)

/** A goal area's drill-down in a view, with the rule its stale markers follow. */
export interface DrillDownInView {
  /** undefined when the plan has no such goal area */
  drill: GoalDrillDown | undefined
  stale: StaleRule
}

/**
 * The drill-down of goal area `goal` in a view: the initiatives as of the cycle (each with its
 * latest update by the cycle's close, left out if it did not exist yet; lib/plan
 * `initiativesAsOf`), else as they are now, with stale work marked as of the same moment.
 */
export function drillDownInView(
  data: HistoryData,
  filters: CoverageFilters,
  cycle: Cycle | null,
  goal: number,
  now: Date = new Date(),
): DrillDownInView {
  const input = cycle
    ? {
        ...data.input,
        initiatives: initiativesAsOf(
          data.history.initiatives,
          data.history.updates,
          cycleCutoff(cycle, now),
        ),
      }
    : data.input
  const stale = staleInView(data, filters, cycle, now)
  const drill = goalDrillDown(input, goal, {
    audience: data.audience,
    filters,
    stale: new Set(stale.initiatives.map(String)),
  })
  return { drill, stale: stale.rule }
}

/**
 * The dashboard's drill-down of goal area `goal` as of `?cycle=` (null: now); null for a plan the
 * person cannot see or a cycle that is not the plan's.
 */
export const getGoalDrillDown = cache(
  async (
    slug: string,
    user: CoverageUser,
    filters: CoverageFilters,
    cycleId: string | null,
    goal: number,
  ): Promise<DrillDownInView | null> => {
    const data = await loadHistoryData(slug, user)
    if (!data) return null
    const cycle =
      cycleId === null ? null : data.history.cycles.find((c) => String(c.id) === cycleId)
    if (cycle === undefined) return null
    return drillDownInView(data, filters, cycle, goal)
  },
)

/** `?cycle=` on the dashboard page: the cycle to show, or a message (the page then shows now). */
export type DashboardCycle = { cycle: string | undefined } | { cycle: undefined; error: string }

/**
 * Checks the dashboard's `?cycle=` against the plan's cycles as this person sees them: a
 * malformed id, several ids or a cycle of another plan give a message for the page instead of
 * a 404, and the page shows the numbers as they are now.
 */
export async function checkDashboardCycle(
  slug: string,
  user: CoverageUser,
  value: string | string[] | undefined,
): Promise<DashboardCycle> {
  const values = ([] as string[]).concat(value ?? []).filter((v) => v.trim() !== '')
  if (values.length === 0) return { cycle: undefined }
  const notOurs = 'That cycle is not one of this plan’s cycles'
  const distinct = [...new Set(values.map((v) => v.trim()))]
  if (distinct.length > 1) {
    return { cycle: undefined, error: 'Choose one cycle at a time: the address names several.' }
  }
  const asked = parseCycleParam(distinct, slug)
  if (!asked.ok) {
    return { cycle: undefined, error: `${notOurs} (“${distinct[0]}” is not a cycle id).` }
  }
  const plan = await getDashboardPlan(slug, user)
  const known = plan && (await loadPlanCycles(plan.id, user)).some((c) => String(c.id) === asked.id)
  if (!known) return { cycle: undefined, error: `${notOurs}.` }
  return { cycle: asked.id }
}
