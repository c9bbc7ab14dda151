/**
 * Progress cycles (docs/architecture.md, "Progress cycles"): the history of progress updates, and every
 * number as of a cycle, staleness and each cycle's reporting completion computed from it.
 * Pure: plain records in, plain records out; the clock is always passed in.
 */
import {
  addCoverageCounts,
  computeCoverage,
  countCoverage,
  emptyCoverageCounts,
  formatPercent,
  type CoverageCounts,
  type CoverageInput,
  type CoverageOptions,
  type PlanCoverage,
} from './coverage'
import {
  INITIATIVE_STATUSES,
  type Id,
  type InitiativeStatus,
  type InitiativeSummary,
  type SectionSummary,
} from './types'

/** Collection slugs (Payload) of the two history collections. */
export const CYCLES_SLUG = 'cycles'
export const PROGRESS_UPDATES_SLUG = 'progress-updates'

export const CYCLE_STATES = ['draft', 'open', 'closed'] as const
export type CycleState = (typeof CYCLE_STATES)[number]

/** Days without an update after which active work is stale when the plan has no closed cycle. */
export const DEFAULT_STALE_AFTER_DAYS = 120

/** Statuses of work that is expected to report and can go stale (planned or in progress). */
export const OPEN_WORK_STATUSES: readonly InitiativeStatus[] = ['planned', 'in-progress']

/** A reporting cycle of a plan (collection `cycles`). Dates are ISO strings. */
export interface Cycle {
  id: Id
  plan: Id
  /** e.g. "Midwinter 2008" */
  name: string
  /** the date the updates describe */
  asOf: string
  opensOn?: string | null
  dueOn?: string | null
  instructions?: string | null
  state: CycleState
  /** set when the cycle is closed: numbers "as of the cycle" use updates submitted by then */
  closedAt?: string | null
}

/** One progress report on an initiative (collection `progress-updates`). */
export interface ProgressUpdate {
  id: Id
  initiative: Id
  /** absent for an update between cycles */
  cycle?: Id | null
  status: InitiativeStatus
  /** 0–100 */
  progress: number
  /** what happened and what is next */
  note?: string | null
  submittedBy?: Id | null
  /** ISO date-time; orders the history */
  submittedAt: string
}

/** An initiative as the history needs it: its summary plus when it was created. */
export interface InitiativeRecord extends InitiativeSummary {
  /** ISO date-time; unknown (null) counts as "always existed" */
  createdAt?: string | null
}

/** Everything coverage needs, plus the history. */
export interface HistoryInput extends Omit<CoverageInput, 'initiatives'> {
  initiatives: InitiativeRecord[]
  updates: ProgressUpdate[]
  /** the plan's cycles, any order */
  cycles: Cycle[]
}

const key = (id: Id): string => String(id)

const time = (date: string | null | undefined): number => {
  if (!date) return Number.NaN
  return Date.parse(date)
}

/** Compares ids as numbers when both are numeric (SQLite), else as text (MongoDB ObjectIds). */
const compareIds = (a: Id, b: Id): number => {
  const x = Number(a)
  const y = Number(b)
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
}

/** Orders updates oldest first: by submittedAt, then by id (the later-created wins a tie). */
export const compareUpdates = (a: ProgressUpdate, b: ProgressUpdate): number =>
  time(a.submittedAt) - time(b.submittedAt) || compareIds(a.id, b.id)

/** Cycles oldest first: by asOf, then closedAt (open/draft last), then id. */
export const sortCycles = <C extends Cycle>(cycles: readonly C[]): C[] =>
  [...cycles].sort(
    (a, b) =>
      time(a.asOf) - time(b.asOf) ||
      (time(a.closedAt) || Infinity) - (time(b.closedAt) || Infinity) ||
      compareIds(a.id, b.id),
  )

/**
 * The instant a cycle's numbers are taken at: its closedAt once closed; for an open or draft
 * cycle, `now` (its numbers are today's and move until it closes).
 */
export const cycleCutoff = (cycle: Pick<Cycle, 'state' | 'closedAt'>, now: Date): Date =>
  cycle.state === 'closed' && cycle.closedAt ? new Date(cycle.closedAt) : now

/** The cycle just before `cycle` in the plan's order (oldest first), if any. */
export const previousCycle = <C extends Cycle>(cycles: readonly C[], cycle: Id): C | undefined => {
  const sorted = sortCycles(cycles)
  const index = sorted.findIndex((c) => key(c.id) === key(cycle))
  return index > 0 ? sorted[index - 1] : undefined
}

/** The plan's latest closed cycle whose close is on or before `at` (default: any). */
export const latestClosedCycle = <C extends Cycle>(
  cycles: readonly C[],
  at?: Date,
): C | undefined =>
  sortCycles(cycles)
    .filter((c) => c.state === 'closed' && c.closedAt)
    .filter((c) => !at || time(c.closedAt) <= at.getTime())
    .sort((a, b) => time(a.closedAt) - time(b.closedAt))
    .at(-1)

/** The open cycle (at most one per plan). */
export const openCycle = <C extends Cycle>(cycles: readonly C[]): C | undefined =>
  cycles.find((c) => c.state === 'open')

/**
 * Updates oldest first (compareUpdates) with their times parsed and their initiatives' keys made
 * once, per array: the dashboard asks for the latest updates some twenty times per view over the
 * same (never changed) array, and parsing every date each time was most of a cold dashboard's
 * work at size. An update without a readable date sorts first (and is never "on or before"
 * anything).
 */
const orderedUpdates = new WeakMap<
  readonly ProgressUpdate[],
  { updates: ProgressUpdate[]; times: Float64Array; initiatives: string[] }
>()

const inOrder = (updates: readonly ProgressUpdate[]) => {
  let ordered = orderedUpdates.get(updates)
  // an array that grew since (one being filled) is ordered again
  if (!ordered || ordered.updates.length !== updates.length) {
    const times = updates.map((u) => time(u.submittedAt))
    const at = (i: number) => (Number.isNaN(times[i]!) ? -Infinity : times[i]!)
    const compare = (a: number, b: number) =>
      at(a) - at(b) || compareIds(updates[a]!.id, updates[b]!.id)
    // the history arrives ordered by date (lib/data reads it so): checking that is one pass, where
    // sorting 354,000 updates took ~0.5 s of a cold dashboard (bench/coverage/README.md)
    let sorted = true
    for (let i = 1; i < updates.length && sorted; i++) sorted = compare(i - 1, i) <= 0
    const order = sorted ? null : updates.map((_, i) => i).sort(compare)
    const list = order ? order.map((i) => updates[i]!) : [...updates]
    ordered = {
      updates: list,
      times: order ? Float64Array.from(order, (i) => times[i]!) : Float64Array.from(times),
      initiatives: list.map((u) => key(u.initiative)),
    }
    orderedUpdates.set(updates, ordered)
  }
  return ordered
}

/**
 * Each initiative's latest update submitted on or before `at` (all updates when `at` is
 * omitted), keyed by initiative id; `skip` leaves some updates out (a cycle's own).
 */
export const latestUpdates = (
  updates: readonly ProgressUpdate[],
  at?: Date,
  skip?: (update: ProgressUpdate) => boolean,
): Map<string, ProgressUpdate> => {
  const latest = new Map<string, ProgressUpdate>()
  const limit = at?.getTime()
  const ordered = inOrder(updates)
  for (let i = 0; i < ordered.updates.length; i++) {
    const t = ordered.times[i]!
    if (limit !== undefined) {
      if (t > limit) break // the rest are later
      if (!(t <= limit)) continue
    }
    const update = ordered.updates[i]!
    if (skip?.(update)) continue
    latest.set(ordered.initiatives[i]!, update) // later in the order wins
  }
  return latest
}

/**
 * The updates of a history that decide every number taken at or after its latest close (today's
 * coverage, stale work and the open cycle's completion): each initiative's latest, and its latest
 * in the latest closed cycle (stale work asks whether it reported there); oldest first. The others
 * matter only as of earlier moments. lib/data keeps the closed part of a plan's history so for
 * the dashboard's numbers now: at 50,000 initiatives × 8 closed cycles, ~100,000 updates of
 * 353,990. tests/unit/cycles.test.ts checks the numbers now are the same.
 */
export const updatesForNow = (
  updates: readonly ProgressUpdate[],
  cycles: readonly Cycle[],
): ProgressUpdate[] => {
  const keep = new Set<ProgressUpdate>(latestUpdates(updates).values())
  const last = latestClosedCycle(cycles)
  if (last) {
    const lastKey = key(last.id)
    const notInLast = (u: ProgressUpdate) => !(u.cycle != null && key(u.cycle) === lastKey)
    for (const u of latestUpdates(updates, undefined, notInLast).values()) keep.add(u)
  }
  return inOrder(updates).updates.filter((u) => keep.has(u))
}

/**
 * The status and progress an initiative's own fields should show: those of its latest update,
 * else its own (one source of truth). Null when it has no update.
 */
export const currentValues = (
  updates: readonly ProgressUpdate[],
): { status: InitiativeStatus; progress: number; submittedAt: string } | null => {
  const latest = [...updates].sort(compareUpdates).at(-1)
  return latest
    ? { status: latest.status, progress: latest.progress, submittedAt: latest.submittedAt }
    : null
}

/**
 * The initiatives as of an instant (docs/architecture.md, "Progress cycles"): each with the status and
 * progress of its latest update on or before `at`; without one, its own fields if it was created
 * by then; an initiative with neither is left out.
 */
export const initiativesAsOf = <I extends InitiativeRecord>(
  initiatives: readonly I[],
  updates: readonly ProgressUpdate[],
  at: Date,
): I[] => {
  const latest = latestUpdates(updates, at)
  return initiatives.flatMap((initiative) => {
    const update = latest.get(key(initiative.id))
    if (update) return [{ ...initiative, status: update.status, progress: update.progress }]
    const created = time(initiative.createdAt)
    if (Number.isNaN(created) || created <= at.getTime()) return [initiative]
    return []
  })
}

/** Coverage as of a cycle: computeCoverage over the initiatives as of the cycle's cutoff. */
export const coverageAsOf = (
  input: HistoryInput,
  cycle: Cycle,
  now: Date,
  options: CoverageOptions = {},
): PlanCoverage =>
  computeCoverage(
    {
      ...input,
      initiatives: initiativesAsOf(input.initiatives, input.updates, cycleCutoff(cycle, now)),
    },
    options,
  )

export interface StaleOptions {
  now: Date
  /** default DEFAULT_STALE_AFTER_DAYS */
  staleAfterDays?: number
  /** compute staleness as of this cycle (its cutoff and the latest closed cycle by then) */
  asOf?: Cycle
}

/** How staleness was decided: against a closed cycle, or a number of days. */
export type StaleRule =
  | { kind: 'cycle'; cycle: Pick<Cycle, 'id' | 'name'> }
  | { kind: 'days'; days: number; since: string }

export interface StaleResult {
  rule: StaleRule
  /** ids of stale initiatives, in the order of the input */
  initiatives: Id[]
}

/**
 * Stale work (docs/architecture.md, "Progress cycles"): a published initiative planned or in progress (as of the
 * cutoff) with no update in the latest closed cycle; when there is none, with no update (or,
 * without any, no creation) in the last `staleAfterDays` days. An initiative created after that
 * cycle closed, with no update by then, could not have reported in it and is not stale.
 */
export const findStale = (
  input: Omit<HistoryInput, 'goals' | 'objectives' | 'sections' | 'plan'>,
  options: StaleOptions,
): StaleResult => {
  const at = options.asOf ? cycleCutoff(options.asOf, options.now) : options.now
  const initiatives = initiativesAsOf(input.initiatives, input.updates, at).filter(
    (i) => i.published && OPEN_WORK_STATUSES.includes(i.status),
  )
  const closed = latestClosedCycle(input.cycles, at)
  if (closed) {
    const closedAt = time(closed.closedAt)
    const reportedBy = latestUpdates(input.updates, new Date(closedAt))
    const closedKey = key(closed.id)
    const reported = new Set(
      input.updates
        .filter((u) => u.cycle != null && key(u.cycle) === closedKey)
        .map((u) => key(u.initiative)),
    )
    return {
      rule: { kind: 'cycle', cycle: { id: closed.id, name: closed.name } },
      initiatives: initiatives
        .filter((i) => !reported.has(key(i.id)))
        // created after the cycle closed, with nothing reported by then: it could not report
        .filter((i) => !(time(i.createdAt) > closedAt) || reportedBy.has(key(i.id)))
        .map((i) => i.id),
    }
  }
  const days = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS
  const since = at.getTime() - days * 86_400_000
  const latest = latestUpdates(input.updates, at)
  return {
    rule: { kind: 'days', days, since: new Date(since).toISOString() },
    initiatives: initiatives
      .filter((i) => {
        const touched = time(latest.get(key(i.id))?.submittedAt ?? i.createdAt)
        return Number.isNaN(touched) || touched < since
      })
      .map((i) => i.id),
  }
}

export interface SectionCompletion {
  section: Id
  slug: string
  name: string
  expected: number
  submitted: number
}

export interface CycleCompletion {
  cycle: Id
  /** initiatives expected to report in the cycle */
  expected: number
  /** of those, how many have an update in the cycle */
  submitted: number
  /** sections with at least one expected initiative, in the input's order */
  sections: SectionCompletion[]
  /** ids of expected initiatives with no update in the cycle */
  missing: Id[]
}

/**
 * Reporting completion of a cycle: the published initiatives expected to report (planned or in
 * progress before the cycle — as of the cutoff, not counting the cycle's own updates — and any
 * that reported in it anyway) against those with an update in the cycle, overall and per section.
 */
export const cycleCompletion = (
  input: Pick<HistoryInput, 'initiatives' | 'updates' | 'sections'>,
  cycle: Cycle,
  now: Date,
): CycleCompletion => {
  const at = cycleCutoff(cycle, now)
  const cycleKey = key(cycle.id)
  const inCycle = (u: ProgressUpdate) => u.cycle != null && key(u.cycle) === cycleKey
  const reported = new Set(input.updates.filter(inCycle).map((u) => key(u.initiative)))
  // each initiative before the cycle (its own updates left out); one that reported in it existed
  const latestBefore = latestUpdates(input.updates, at, inCycle)
  const before = input.initiatives.flatMap((i) => {
    const update = latestBefore.get(key(i.id))
    if (update) return [{ ...i, status: update.status, progress: update.progress }]
    const created = time(i.createdAt)
    if (reported.has(key(i.id)) || Number.isNaN(created) || created <= at.getTime()) return [i]
    return []
  })
  const expected = before.filter(
    (i) => i.published && (reported.has(key(i.id)) || OPEN_WORK_STATUSES.includes(i.status)),
  )
  const sections = input.sections.flatMap((section): SectionCompletion[] => {
    const own = expected.filter((i) => key(i.section) === key(section.id))
    if (own.length === 0) return []
    return [
      {
        section: section.id,
        slug: section.slug,
        name: section.name,
        expected: own.length,
        submitted: own.filter((i) => reported.has(key(i.id))).length,
      },
    ]
  })
  return {
    cycle: cycle.id,
    expected: expected.length,
    submitted: expected.filter((i) => reported.has(key(i.id))).length,
    sections,
    missing: expected.filter((i) => !reported.has(key(i.id))).map((i) => i.id),
  }
}

/**
 * What the numbers as of closed cycles read of the history (coverageAsOf and cycleCompletion),
 * per initiative and cycle — its status as of the close, and whether it reported in the cycle —
 * and nothing else: with it and the initiatives' own fields those
 * numbers are computed without the updates (closedCycleCounts). It changes only with the history
 * up to the cycles' closes (and their own updates), never with an initiative's fields, so lib/data
 * keeps it with the closed history and an edit recounts only what it touched. Compact: one
 * character per initiative and cycle in each string, a digit for a status (its index in
 * INITIATIVE_STATUSES) or '-' for none.
 */
export interface FrozenStates {
  /** keys of the initiatives the history names by the closes or in the cycles, in order */
  initiatives: string[]
  cycles: {
    /** the cycle's id (as text) and close */
    cycle: string
    closedAt: string
    /** each initiative's status of its latest update by the close, or '-' */
    asOf: string
    /** '1' for an initiative with an update in the cycle, else '0' */
    reported: string
  }[]
}

const statusCode = (update: ProgressUpdate | undefined): string => {
  const index = update ? INITIATIVE_STATUSES.indexOf(update.status) : -1
  return index < 0 ? '-' : String(index)
}

/**
 * The FrozenStates of `cycles` (closed ones; others are left out) over a plan's history: for each,
 * what latestUpdates gives coverageAsOf and cycleCompletion at its close.
 */
export const frozenStates = (
  updates: readonly ProgressUpdate[],
  cycles: readonly Cycle[],
): FrozenStates => {
  const closed = sortCycles(cycles).filter((c) => c.state === 'closed' && c.closedAt)
  const perCycle = closed.map((cycle) => {
    const at = new Date(cycle.closedAt!)
    const cycleKey = key(cycle.id)
    const inCycle = (u: ProgressUpdate) => u.cycle != null && key(u.cycle) === cycleKey
    return {
      cycle,
      asOf: latestUpdates(updates, at),
      reported: new Set(updates.filter(inCycle).map((u) => key(u.initiative))),
    }
  })
  const named = new Set<string>()
  for (const c of perCycle) {
    for (const id of c.asOf.keys()) named.add(id)
    for (const id of c.reported) named.add(id)
  }
  const initiatives = [...named].sort()
  return {
    initiatives,
    cycles: perCycle.map((c) => ({
      cycle: key(c.cycle.id),
      closedAt: c.cycle.closedAt!,
      asOf: initiatives.map((id) => statusCode(c.asOf.get(id))).join(''),
      reported: initiatives.map((id) => (c.reported.has(id) ? '1' : '0')).join(''),
    })),
  }
}

/** A closed cycle's numbers over some initiatives, as counts that add (per section in lib/data). */
export interface ClosedCycleCounts {
  cycle: string
  /** coverageAsOf's counts (coverageFromCounts makes the numbers of their sum) */
  coverage: CoverageCounts
  /** cycleCompletion's expected and submitted */
  expected: number
  submitted: number
}

const positions = new WeakMap<FrozenStates, Map<string, number>>()

/**
 * The numbers as of each closed cycle of `states` over `initiatives` (any subset of the plan's:
 * the counts of disjoint subsets add up to those of their union), the same as coverageAsOf and
 * cycleCompletion over the whole history give: each initiative with its status as of the close
 * (else its own if it existed by then, else left out), and whether it reported in the cycle.
 * tests/unit/cycles.test.ts checks it against them.
 */
export const closedCycleCounts = (
  frame: Omit<CoverageInput, 'initiatives'>,
  initiatives: readonly InitiativeRecord[],
  states: FrozenStates,
  options: CoverageOptions = {},
): ClosedCycleCounts[] => {
  let position = positions.get(states)
  if (!position) {
    position = new Map(states.initiatives.map((id, i) => [id, i]))
    positions.set(states, position)
  }
  const at = initiatives.map((i) => position.get(key(i.id)) ?? -1)
  const created = initiatives.map((i) => time(i.createdAt))
  return states.cycles.map((c) => {
    const close = time(c.closedAt)
    const existed = (k: number) => Number.isNaN(created[k]!) || created[k]! <= close
    const asOf: InitiativeRecord[] = []
    let expected = 0
    let submitted = 0
    initiatives.forEach((i, k) => {
      const p = at[k]!
      const now = p < 0 ? '-' : c.asOf[p]!
      if (now !== '-') asOf.push({ ...i, status: INITIATIVE_STATUSES[Number(now)]! })
      else if (existed(k)) asOf.push(i)
      // completion: expected if it reported in the cycle, or if it existed and was planned or in
      // progress before it (without an update in the cycle its status before the cycle is its
      // status as of the close: cycleCompletion's updates left out are the cycle's own)
      const reported = p >= 0 && c.reported[p] === '1'
      const status = now === '-' ? i.status : INITIATIVE_STATUSES[Number(now)]!
      const before = now !== '-' || existed(k)
      if (i.published && (reported || (before && OPEN_WORK_STATUSES.includes(status)))) {
        expected += 1
        if (reported) submitted += 1
      }
    })
    return {
      cycle: c.cycle,
      coverage: countCoverage({ ...frame, initiatives: asOf }, options),
      expected,
      submitted,
    }
  })
}

/** ClosedCycleCounts of parts of a plan's initiatives added up, cycle by cycle. */
export const addClosedCycleCounts = (
  parts: readonly (readonly ClosedCycleCounts[])[],
): ClosedCycleCounts[] => {
  const sum = new Map<string, ClosedCycleCounts>()
  for (const part of parts) {
    for (const c of part) {
      const into = sum.get(c.cycle)
      if (!into) {
        sum.set(c.cycle, {
          cycle: c.cycle,
          coverage: addCoverageCounts(emptyCoverageCounts(), c.coverage),
          expected: c.expected,
          submitted: c.submitted,
        })
        continue
      }
      addCoverageCounts(into.coverage, c.coverage)
      into.expected += c.expected
      into.submitted += c.submitted
    }
  }
  return [...sum.values()]
}

/** One row of `GET /api/plans/<slug>/cycles` (docs/architecture.md, "Routes"), oldest first. */
export interface CycleSummary {
  id: Id
  name: string
  state: CycleState
  asOf: string
  dueOn: string | null
  closedAt: string | null
  /** plan coverage as of the cycle, 0–1 */
  coverage: number
  /** covered objectives as of the cycle */
  covered: number
  expected: number
  submitted: number
}

/** A cycle's row of `GET /api/plans/<slug>/cycles` from its coverage and completion as of it. */
export const cycleSummary = (
  cycle: Cycle,
  coverage: Pick<PlanCoverage, 'coverage' | 'objectives'>,
  completion: Pick<CycleCompletion, 'expected' | 'submitted'>,
): CycleSummary => ({
  id: cycle.id,
  name: cycle.name,
  state: cycle.state,
  asOf: cycle.asOf,
  dueOn: cycle.dueOn ?? null,
  closedAt: cycle.closedAt ?? null,
  coverage: coverage.coverage,
  covered: coverage.objectives.covered,
  expected: completion.expected,
  submitted: completion.submitted,
})

/** Each cycle of the plan (oldest first) with its coverage and completion, plus the full numbers. */
export const cycleHistory = (
  input: HistoryInput,
  now: Date,
  options: CoverageOptions = {},
): { summary: CycleSummary; coverage: PlanCoverage; completion: CycleCompletion }[] =>
  sortCycles(input.cycles).map((cycle) => {
    const coverage = coverageAsOf(input, cycle, now, options)
    const completion = cycleCompletion(input, cycle, now)
    return { summary: cycleSummary(cycle, coverage, completion), coverage, completion }
  })

/** An initiative's values on one side of a comparison. */
export interface InitiativeState {
  status: InitiativeStatus
  progress: number | null
}

export interface InitiativeChange {
  id: Id
  title: string
  section: Id
  /** null when the initiative did not exist (or was not in view) at the earlier cycle */
  from: InitiativeState | null
  to: InitiativeState
  /** to.progress − from.progress (missing progress counts as 0) */
  progressDelta: number
}

/** What moved between two cycles (docs/architecture.md, "Progress cycles"). */
export interface CycleDiff {
  from: Pick<Cycle, 'id' | 'name'> | null
  to: Pick<Cycle, 'id' | 'name'>
  /** completed now, not completed before */
  newlyCompleted: InitiativeChange[]
  /** in progress now, neither in progress nor completed before */
  newlyStarted: InitiativeChange[]
  /** every initiative whose status differs (new initiatives included, from = null) */
  statusChanges: InitiativeChange[]
  /** progress changed, largest change first (ties by title) */
  progressChanges: InitiativeChange[]
  /** stale as of `to` */
  stale: Id[]
  /** sections expected to report in `to` that submitted nothing */
  sectionsNotReported: Pick<SectionSummary, 'id' | 'slug' | 'name'>[]
}

/**
 * What changed from the cycle before `cycle` to `cycle`: each side is the initiatives as of that
 * cycle's cutoff (published only). With no previous cycle, every initiative counts as new.
 */
export const sinceDiff = (input: HistoryInput, cycle: Cycle, options: StaleOptions): CycleDiff => {
  const prev = previousCycle(input.cycles, cycle.id)
  const state = (i: InitiativeRecord): InitiativeState => ({
    status: i.status,
    progress: i.progress ?? null,
  })
  const after = initiativesAsOf(
    input.initiatives,
    input.updates,
    cycleCutoff(cycle, options.now),
  ).filter((i) => i.published)
  const before = new Map(
    (prev ? initiativesAsOf(input.initiatives, input.updates, cycleCutoff(prev, options.now)) : [])
      .filter((i) => i.published)
      .map((i) => [key(i.id), state(i)]),
  )
  const changes: InitiativeChange[] = after.map((i) => {
    const from = before.get(key(i.id)) ?? null
    const to = state(i)
    return {
      id: i.id,
      title: i.title,
      section: i.section,
      from,
      to,
      progressDelta: (to.progress ?? 0) - (from?.progress ?? 0),
    }
  })
  const completion = cycleCompletion(input, cycle, options.now)
  return {
    from: prev ? { id: prev.id, name: prev.name } : null,
    to: { id: cycle.id, name: cycle.name },
    newlyCompleted: changes.filter(
      (c) => c.to.status === 'completed' && c.from?.status !== 'completed',
    ),
    newlyStarted: changes.filter(
      (c) =>
        c.to.status === 'in-progress' &&
        c.from?.status !== 'in-progress' &&
        c.from?.status !== 'completed',
    ),
    statusChanges: changes.filter((c) => c.from?.status !== c.to.status),
    progressChanges: changes
      .filter((c) => c.progressDelta !== 0)
      .sort(
        (a, b) =>
          Math.abs(b.progressDelta) - Math.abs(a.progressDelta) || a.title.localeCompare(b.title),
      ),
    stale: findStale(input, { ...options, asOf: cycle }).initiatives,
    sectionsNotReported: completion.sections
      .filter((s) => s.submitted === 0)
      .map((s) => ({ id: s.section, slug: s.slug, name: s.name })),
  }
}

/**
 * The trend in one sentence for the executive summary: "Coverage rose from 58% to 69% since
 * Midwinter 2008" (or fell, or "stayed at 69%"); percentages as formatPercent shows them.
 */
export const coverageTrendSentence = (
  previous: Pick<PlanCoverage, 'coverage'>,
  current: Pick<PlanCoverage, 'coverage'>,
  previousName: string,
): string => {
  const from = formatPercent(previous.coverage)
  const to = formatPercent(current.coverage)
  if (from === to) return `Coverage stayed at ${to} since ${previousName}`
  const verb = current.coverage > previous.coverage ? 'rose' : 'fell'
  return `Coverage ${verb} from ${from} to ${to} since ${previousName}`
}
