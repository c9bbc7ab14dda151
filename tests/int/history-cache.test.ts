/**
 * The dashboard's history at size (issue 16): the history is read in two parts — the updates the
 * closed cycles are frozen on (kept in the data cache until something that can reach them
 * changes) and the recent ones — and the views computed from it are kept per kind of reader.
 * Checked against a real database, with `next/cache` replaced by a small in-memory data cache
 * that keeps entries by key and tags, skips its cache inside another entry's callback as Next's
 * does, and forgets what `revalidateTag` expires:
 * - every number as of every cycle equals lib/plan's over the whole history read in one find
 *   (the reference), for a member and for a reader of the public view;
 * - a second view reads no progress update; an update in the open cycle expires the views but not
 *   the closed part; closing the cycle moves the closed line and the numbers follow;
 * - members and the public view are cached apart and differ;
 * - the numbers as of a closed cycle are computed once: a save that changes nothing they count
 *   leaves them cached (and `?cycle=` of a closed cycle then reads no update), one that does
 *   computes them again, equal to lib/plan's over the history read afresh;
 * - a move to another section keeps the closed history (its updates' copies of the section are
 *   read by no rule) and recounts only the two sections; a visibility change still expires it.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const cacheFake = vi.hoisted(() => ({
  entries: new Map<string, { body: string; tags: string[] }>(),
  expired: [] as string[],
  /** the keys of the entries written, in order */
  written: [] as string[],
}))
vi.mock('next/cache', async (original) =>
  (await import('./nextCacheFake')).fakeNextCache(() => original(), cacheFake),
)

import { getPlanCoverage, loadCoverageData, type CoverageUser } from '@/lib/data/coverage'
import {
  coverageWithHistoryForQuery,
  cyclesForPlan,
  getDashboardHistory,
  getPlanCoverageAsOf,
  loadHistoryData,
  loadHistoryNow,
} from '@/lib/data/cycles'
import { updateRecord, UPDATE_SELECT } from '@/lib/data/staleness'
import { computeCoverage } from '@/lib/plan/coverage'
import {
  coverageAsOf,
  cycleCompletion,
  cycleHistory,
  findStale,
  initiativesAsOf,
  type HistoryInput,
} from '@/lib/plan/cycles'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { findPerson, getTestPayload, seedDemo, seededPlanId } from './helpers'
import { countQueries } from './queryCount'

let payload: Payload
let member: CoverageUser
let lapsed: CoverageUser
let editor: Awaited<ReturnType<typeof findPerson>>
let plan: number

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  member = await findPerson(payload, 'members', '100001')
  // a lapsed member reads what the public reads
  lapsed = await findPerson(payload, 'members', '100003')
  editor = await findPerson(payload, 'users', 'editor@example.org')
  plan = await seededPlanId(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

/** The whole history as this person may read it, in one find: what the fetch used to read. */
async function reference(user: CoverageUser): Promise<HistoryInput> {
  const data = (await loadHistoryData(SEED_PLAN_SLUG, user))!
  const { docs } = await payload.find({
    collection: 'progress-updates',
    where: { plan: { equals: plan } },
    select: UPDATE_SELECT,
    depth: 0,
    pagination: false,
    user,
    overrideAccess: false,
  })
  return { ...data.history, updates: docs.flatMap((u) => updateRecord(u) ?? []) }
}

/** Every number as of every cycle (and now), from lib/plan. */
function numbers(history: HistoryInput, audience: 'members' | 'public', now: Date) {
  return {
    cycles: cycleHistory(history, now, { audience }).map((c) => [c.summary, c.coverage]),
    stale: [null, ...history.cycles].map(
      (cycle) => findStale(history, { now, ...(cycle ? { asOf: cycle } : {}) }).initiatives,
    ),
    completion: history.cycles.map((c) => cycleCompletion(history, c, now)),
    asOf: history.cycles.map((c) => coverageAsOf(history, c, now, { audience })),
  }
}

const updatesFinds = () => {
  let finds = 0
  const find = payload.find.bind(payload)
  const spy = vi.spyOn(payload, 'find').mockImplementation(((args: { collection: string }) => {
    if (args.collection === 'progress-updates') finds += 1
    return find(args as Parameters<typeof find>[0])
  }) as typeof payload.find)
  return {
    count: () => finds,
    restore: () => spy.mockRestore(),
  }
}

describe('the history in two parts gives the numbers of the whole history', () => {
  it.each([
    ['a member', () => member, 'members'],
    ['a reader of the public view', () => lapsed, 'public'],
  ] as const)('for %s, as of every cycle and now', async (_, who, audience) => {
    const user = who()
    const data = (await loadHistoryData(SEED_PLAN_SLUG, user))!
    expect(data.audience).toBe(audience)
    const whole = await reference(user)
    // the demo history has closed cycles: the closed part is not empty
    expect(data.history.cycles.filter((c) => c.state === 'closed').length).toBeGreaterThan(0)
    const ids = (h: HistoryInput) => h.updates.map((u) => String(u.id)).sort()
    expect(ids(data.history)).toEqual(ids(whole))
    const now = new Date()
    expect(numbers(data.history, audience, now)).toEqual(numbers(whole, audience, now))
  })
})

describe('the history for numbers now keeps fewer updates and gives the same numbers now', () => {
  it.each([
    ['a member', () => member, 'members'],
    ['a reader of the public view', () => lapsed, 'public'],
  ] as const)('for %s', async (_, who, audience) => {
    const user = who()
    const data = (await loadHistoryNow(SEED_PLAN_SLUG, user))!
    const whole = await reference(user)
    expect(data.history.updates.length).toBeLessThan(whole.updates.length)
    const now = new Date()
    const open = whole.cycles.find((c) => c.state === 'open')!
    const numbers = (h: HistoryInput) => ({
      stale: findStale(h, { now }),
      completion: cycleCompletion(h, open, now),
      coverage: coverageAsOf(h, open, now, { audience }),
      asOf: initiativesAsOf(h.initiatives, h.updates, now),
    })
    expect(numbers(data.history)).toEqual(numbers(whole))
    // and the dashboard's history now shows them
    const view = (await getDashboardHistory(SEED_PLAN_SLUG, user, {}, null))!
    expect(view.open!.completion).toEqual(numbers(whole).completion)
    expect(view.stale.rows.map((r) => String(r.id)).sort()).toEqual(
      numbers(whole).stale.initiatives.map(String).sort(),
    )
  })
})

describe('the history views are cached per kind of reader and expired by the plan’s history', () => {
  it('a second view reads no update; an update in the open cycle refreshes it, not the closed part; closing moves the line', async () => {
    cacheFake.entries.clear()
    const history = (await loadHistoryData(SEED_PLAN_SLUG, member))!.history
    const open = history.cycles.find((c) => c.state === 'open')!
    const last = history.cycles.filter((c) => c.state === 'closed').at(-1)!

    const first = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    const asOfFirst = await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))
    const finds = updatesFinds()
    const warm = await countQueries(payload, async () => {
      expect(await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null)).toEqual(first)
      expect(await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))).toEqual(
        asOfFirst,
      )
    })
    expect(finds.count()).toBe(0)
    finds.restore()
    // the plan's lookup as the person, and nothing else
    expect(warm.adapterCalls).toBeLessThanOrEqual(2)

    // an editor reports in the open cycle, through the hooks
    cacheFake.expired.length = 0
    const reported = new Set(
      history.updates.filter((u) => String(u.cycle) === String(open.id)).map((u) => u.initiative),
    )
    const target = history.initiatives.find(
      (i) =>
        i.published &&
        !reported.has(i.id) &&
        (i.status === 'planned' || i.status === 'in-progress'),
    )!
    await payload.create({
      collection: 'progress-updates',
      data: {
        initiative: target.id as number,
        cycle: open.id as number,
        status: 'in-progress',
        progress: 55,
      },
      user: editor,
      overrideAccess: false,
    })
    expect(cacheFake.expired).toContain(`plan:${plan}:history`)
    expect(cacheFake.expired).not.toContain(`plan:${plan}:closed-history`)
    const recentOnly = updatesFinds()
    const after = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    expect(after.open!.completion.submitted).toBe(first.open!.completion.submitted + 1)
    // the closed part came from the cache: only the recent updates were read
    expect(recentOnly.count()).toBe(1)
    recentOnly.restore()
    const now = new Date()
    const whole = await reference(member)
    expect(after.cycles.map((c) => c.coverage)).toEqual(
      cycleHistory(whole, now, { audience: 'members' })
        .filter((c) => c.summary.state !== 'draft')
        .map((c) => c.coverage),
    )

    // closing the open cycle: the closed line moves and the cycle's numbers are frozen ones
    cacheFake.expired.length = 0
    await payload.update({ collection: 'cycles', id: open.id as number, data: { state: 'closed' } })
    expect(cacheFake.expired).toContain(`plan:${plan}:closed-history`)
    const cycles = await cyclesForPlan(SEED_PLAN_SLUG, member)
    if (cycles.status !== 200) throw new Error(cycles.error)
    const closedNow = cycles.cycles.find((c) => String(c.id) === String(open.id))!
    expect(closedNow.state).toBe('closed')
    expect(closedNow.submitted).toBe(after.open!.completion.submitted)
    const fresh = await reference(member)
    expect(cycles.cycles).toEqual(
      cycleHistory(fresh, new Date(), { audience: 'members' }).map((c) => c.summary),
    )
    const json = await coverageWithHistoryForQuery(
      SEED_PLAN_SLUG,
      new URLSearchParams({ cycle: String(open.id) }),
      member,
    )
    if (json.status !== 200) throw new Error(json.error)
    const closed = fresh.cycles.find((c) => String(c.id) === String(open.id))!
    expect(json.coverage.objectives).toEqual(
      coverageAsOf(fresh, closed, new Date(), { audience: 'members' }).objectives,
    )
  })

  it('members and the public view are kept apart', async () => {
    cacheFake.entries.clear()
    const forMember = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    const forPublic = (await getDashboardHistory(SEED_PLAN_SLUG, lapsed, {}, null))!
    const whole = await reference(lapsed)
    expect(forPublic.cycles.map((c) => c.coverage)).toEqual(
      cycleHistory(whole, new Date(), { audience: 'public' })
        .filter((c) => c.summary.state !== 'draft')
        .map((c) => c.coverage),
    )
    expect(forPublic.cycles.map((c) => c.coverage)).not.toEqual(
      forMember.cycles.map((c) => c.coverage),
    )
    // no update of a members-only initiative reaches the public view's history
    const members = new Set(
      whole.initiatives.filter((i) => i.visibility === 'members').map((i) => String(i.id)),
    )
    expect(members.size).toBe(0)
    const data = (await loadHistoryData(SEED_PLAN_SLUG, lapsed))!
    const memberData = (await loadHistoryData(SEED_PLAN_SLUG, member))!
    const membersOnly = new Set(
      memberData.history.initiatives
        .filter((i) => i.visibility === 'members')
        .map((i) => String(i.id)),
    )
    expect(membersOnly.size).toBeGreaterThan(0)
    expect(data.history.updates.some((u) => membersOnly.has(String(u.initiative)))).toBe(false)
    expect(memberData.history.updates.some((u) => membersOnly.has(String(u.initiative)))).toBe(true)
  })
})

describe('the as-of-cycle fetch has a fixed bound', () => {
  it('reads at most ten times from the database, the data caches empty', async () => {
    cacheFake.entries.clear()
    const cold = await countQueries(payload, () => loadHistoryData(SEED_PLAN_SLUG, member))
    console.info('history fetch, cold:', JSON.stringify(cold))
    expect(cold.databaseQueries).toBeLessThanOrEqual(10)
    const warm = await countQueries(payload, () => loadHistoryData(SEED_PLAN_SLUG, member))
    console.info('history fetch, data cached:', JSON.stringify(warm))
    // the plan's lookup, the cycles and the recent updates (with one published-plans lookup)
    expect(warm.databaseQueries).toBeLessThanOrEqual(4)
  })
})

describe('the dashboard’s data is kept in parts by section', () => {
  /** The plan's initiatives as this person may read them, in one uncached find. */
  const allInitiatives = async (user: CoverageUser) =>
    (
      await payload.find({
        collection: 'initiatives',
        where: { plan: { equals: plan } },
        depth: 0,
        pagination: false,
        select: { section: true },
        user,
        overrideAccess: false,
      })
    ).docs

  const initiativeFinds = () => {
    const read: number[] = []
    const find = payload.find.bind(payload)
    const spy = vi.spyOn(payload, 'find').mockImplementation((async (args: {
      collection: string
    }) => {
      const result = await find(args as Parameters<typeof find>[0])
      if (args.collection === 'initiatives') read.push(result.docs.length)
      return result
    }) as typeof payload.find)
    return { read, restore: () => spy.mockRestore() }
  }

  it('a save expires the parts of the sections it left and joined; the numbers follow; queries stay at most 6', async () => {
    cacheFake.entries.clear()
    const first = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    const firstCoverage = (await getPlanCoverage(SEED_PLAN_SLUG, member))!
    const sections = first.input.sections
    expect(sections.length).toBeGreaterThan(2)

    // warm: no initiative is read, and the numbers are those computed before
    const warmFinds = initiativeFinds()
    const warm = await countQueries(payload, async () => {
      expect(await getPlanCoverage(SEED_PLAN_SLUG, member)).toEqual(firstCoverage)
      expect(await loadCoverageData(SEED_PLAN_SLUG, member)).toEqual(first)
    })
    warmFinds.restore()
    expect(warmFinds.read).toEqual([])
    expect(warm.databaseQueries).toBeLessThanOrEqual(2)

    // an active, published initiative moves to another section (a change the numbers show)
    const moved = first.input.initiatives.find(
      (i) => i.published && (i.status === 'planned' || i.status === 'in-progress'),
    )!
    const from = String(moved.section)
    const to = sections.find((s) => String(s.id) !== from)!
    cacheFake.expired.length = 0
    await payload.update({
      collection: 'initiatives',
      id: moved.id as number,
      data: { section: to.id as number },
    })
    expect(cacheFake.expired).toContain(`plan:${plan}:work:${from}`)
    expect(cacheFake.expired).toContain(`plan:${plan}:work:${to.id}`)
    const untouched = sections.filter((s) => ![from, String(to.id)].includes(String(s.id)))
    for (const s of untouched) expect(cacheFake.expired).not.toContain(`plan:${plan}:work:${s.id}`)

    // cold: one find, of the two sections' initiatives only; the other parts come from the cache
    const all = await allInitiatives(member)
    const inTwo = all.filter((i) => [from, String(to.id)].includes(String(i.section))).length
    expect(inTwo).toBeLessThan(all.length)
    const coldFinds = initiativeFinds()
    const cold = await countQueries(payload, () => loadCoverageData(SEED_PLAN_SLUG, member))
    coldFinds.restore()
    expect(coldFinds.read).toEqual([inTwo])
    expect(cold.databaseQueries).toBeLessThanOrEqual(6)

    // the numbers are those of the plan read afresh, without any cache
    const after = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    expect(after.input.initiatives.find((i) => i.id === moved.id)?.section).toEqual(to.id)
    cacheFake.entries.clear()
    const fresh = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    expect(after).toEqual(fresh)
    const coverage = (await getPlanCoverage(SEED_PLAN_SLUG, member))!
    expect(coverage).toEqual(computeCoverage(fresh.input, { audience: 'members' }))
    expect(coverage.sections).not.toEqual(firstCoverage.sections)

    await payload.update({
      collection: 'initiatives',
      id: moved.id as number,
      data: { section: Number(from) || (from as unknown as number) },
    })
  })

  it('keeps the public view’s parts apart from the members’', async () => {
    cacheFake.entries.clear()
    const forMember = (await loadCoverageData(SEED_PLAN_SLUG, member))!
    const forPublic = (await loadCoverageData(SEED_PLAN_SLUG, lapsed))!
    expect(forMember.input.initiatives.some((i) => i.visibility === 'members')).toBe(true)
    expect(forPublic.input.initiatives.some((i) => i.visibility === 'members')).toBe(false)
    const ids = (list: { id: unknown }[]) => list.map((i) => String(i.id)).sort()
    expect(ids(forPublic.input.initiatives)).toEqual(ids(await allInitiatives(lapsed)))
  })
})

describe('the numbers as of a closed cycle are computed once', () => {
  /** How many entries of this kind were written since the last reset. */
  const writes = (kind: string) => cacheFake.written.filter((k) => k.includes(`,${kind},`)).length

  it('a save that changes no number they count leaves them cached; one that does computes them again, as a read afresh gives them', async () => {
    cacheFake.entries.clear()
    cacheFake.written.length = 0
    const data = (await loadHistoryData(SEED_PLAN_SLUG, member))!
    const last = data.history.cycles.filter((c) => c.state === 'closed').at(-1)!
    const first = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    // the states as of each close once, and the numbers in one part per section with initiatives
    const sections = new Set(data.input.initiatives.map((i) => String(i.section)))
    expect(sections.size).toBeGreaterThan(2)
    expect(writes('closed-states')).toBe(1)
    expect(writes('closed-counts')).toBe(sections.size)
    // the cycles JSON and `?cycle=` of a closed cycle use the same numbers
    cacheFake.written.length = 0
    await cyclesForPlan(SEED_PLAN_SLUG, member)
    await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))
    expect(writes('closed-states')).toBe(0)
    expect(writes('closed-counts')).toBe(0)

    // a title is saved: the views are computed again, the closed cycles' numbers are not
    const renamed = data.history.initiatives.find((i) => i.published)!
    cacheFake.expired.length = 0
    cacheFake.written.length = 0
    await payload.update({
      collection: 'initiatives',
      id: renamed.id as number,
      data: { title: `${renamed.title} (renamed)` },
    })
    expect(cacheFake.expired).toContain(`plan:${plan}:work`)
    const finds = updatesFinds()
    const afterTitle = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    expect(writes('dashboard-history')).toBe(1)
    expect(writes('closed-counts')).toBe(0)
    // the closed part of the history came from the cache: only the recent updates were read
    expect(finds.count()).toBe(1)
    finds.restore()
    expect(afterTitle.cycles).toEqual(first.cycles)
    // `?cycle=` of a closed cycle needs no update at all, and stays within 6 queries
    const asOfFinds = updatesFinds()
    const asOf = await countQueries(payload, () =>
      getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id)),
    )
    asOfFinds.restore()
    expect(asOfFinds.count()).toBe(0)
    expect(asOf.databaseQueries).toBeLessThanOrEqual(6)
    const whole = await reference(member)
    expect(await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))).toEqual(
      coverageAsOf(whole, last, new Date(), { audience: 'members' }),
    )

    // an initiative active as of the last closed cycle serves another objective instead (its
    // progress updates keep no copy of its objectives, so the closed part of the history stays):
    // the numbers as of that cycle change, and are computed again
    const atLast = initiativesAsOf(whole.initiatives, whole.updates, new Date(last.closedAt!)).find(
      (i) =>
        i.published &&
        i.objectives.length > 0 &&
        ['planned', 'in-progress', 'completed'].includes(i.status),
    )!
    const served = atLast.objectives
    const other = data.input.objectives.find((o) => !served.map(String).includes(String(o.id)))!
    cacheFake.expired.length = 0
    cacheFake.written.length = 0
    await payload.update({
      collection: 'initiatives',
      id: atLast.id as number,
      data: { objectives: [other.id as number] },
    })
    expect(cacheFake.expired).not.toContain(`plan:${plan}:closed-history`)
    // its section's numbers are counted again, from the kept states: no update is read for them
    const movedFinds = updatesFinds()
    const moved = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    expect(writes('closed-counts')).toBe(1)
    expect(writes('closed-states')).toBe(0)
    // (the dashboard's other widgets read the recent updates)
    expect(movedFinds.count()).toBe(1)
    movedFinds.restore()
    const fresh = await reference(member)
    const expected = cycleHistory(fresh, new Date(), { audience: 'members' })
      .filter((c) => c.summary.state !== 'draft')
      .map((c) => c.coverage)
    expect(moved.cycles.map((c) => c.coverage)).toEqual(expected)
    const lastIndex = moved.cycles.findIndex((c) => String(c.cycle.id) === String(last.id))
    expect(moved.cycles[lastIndex]!.coverage.goals).not.toEqual(
      first.cycles[lastIndex]!.coverage.goals,
    )
    const cycles = await cyclesForPlan(SEED_PLAN_SLUG, member)
    if (cycles.status !== 200) throw new Error(cycles.error)
    expect(cycles.cycles).toEqual(
      cycleHistory(fresh, new Date(), { audience: 'members' }).map((c) => c.summary),
    )

    // more counted fields: a status (of an initiative whose own status counts as of a closed
    // cycle: no update, created before the close; the demo may have none), a target date (its
    // section counted again), a move to another section (the section it left and the one it
    // joined counted again, from the kept states: its updates' new copies of the section do not
    // expire the closed history);
    // after each the numbers as of every cycle are lib/plan's over the history read afresh
    const reporting = new Set(whole.updates.map((u) => String(u.initiative)))
    const ownFields = whole.initiatives.find(
      (i) =>
        i.published &&
        i.status !== 'deferred' &&
        !reporting.has(String(i.id)) &&
        !(Date.parse(i.createdAt ?? '') > Date.parse(last.closedAt!)),
    )
    const elsewhere = data.input.sections.find((s) => String(s.id) !== String(atLast.section))!
    /** initiative, change, parts counted again, states computed again */
    type Edit = [number, Record<string, unknown>, number, number]
    const edits: Edit[] = [
      ...(ownFields ? [[ownFields.id as number, { status: 'deferred' }, 1, 0] satisfies Edit] : []),
      [renamed.id as number, { targetDate: '2031-06-30' }, 1, 0],
      [atLast.id as number, { section: elsewhere.id }, 2, 0],
    ]
    const before = new Map(
      whole.initiatives.map((i) => [
        String(i.id),
        { status: i.status, targetDate: i.targetDate ?? null, section: i.section },
      ]),
    )
    for (const [id, change, parts, states] of edits) {
      cacheFake.written.length = 0
      await payload.update({ collection: 'initiatives', id, data: change })
      const view = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
      expect(writes('closed-counts'), JSON.stringify(change)).toBe(parts)
      expect(writes('closed-states'), JSON.stringify(change)).toBe(states)
      const afresh = await reference(member)
      expect(
        view.cycles.map((c) => c.coverage),
        JSON.stringify(change),
      ).toEqual(
        cycleHistory(afresh, new Date(), { audience: 'members' })
          .filter((c) => c.summary.state !== 'draft')
          .map((c) => c.coverage),
      )
      const json = await cyclesForPlan(SEED_PLAN_SLUG, member)
      if (json.status !== 200) throw new Error(json.error)
      expect(json.cycles).toEqual(
        cycleHistory(afresh, new Date(), { audience: 'members' }).map((c) => c.summary),
      )
    }
    if (ownFields) {
      // its own status counts as of the last closed cycle: the numbers then moved
      const afterStatus = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
      expect(afterStatus.cycles.map((c) => c.coverage.byStatus)).not.toEqual(
        first.cycles.map((c) => c.coverage.byStatus),
      )
    }

    for (const [id, change] of edits) {
      const was = before.get(String(id))!
      const back = Object.fromEntries(
        Object.keys(change).map((field) => [field, was[field as keyof typeof was]]),
      )
      await payload.update({ collection: 'initiatives', id, data: back })
    }
    await payload.update({
      collection: 'initiatives',
      id: atLast.id as number,
      data: { objectives: served as number[] },
    })
    await payload.update({
      collection: 'initiatives',
      id: renamed.id as number,
      data: { title: renamed.title },
    })
  })
})

describe('a move to another section keeps the closed history', () => {
  /** How many entries of this kind were written since the last reset. */
  const writes = (kind: string) => cacheFake.written.filter((k) => k.includes(`,${kind},`)).length
  const trend = (history: HistoryInput, audience: 'members' | 'public') =>
    cycleHistory(history, new Date(), { audience })
      .filter((c) => c.summary.state !== 'draft')
      .map((c) => c.coverage)

  it('recounts the two sections from the kept states, reads no closed update, and the numbers are lib/plan’s; a visibility change still expires the closed history', async () => {
    cacheFake.entries.clear()
    const data = (await loadHistoryData(SEED_PLAN_SLUG, member))!
    const whole = await reference(member)
    const last = whole.cycles.filter((c) => c.state === 'closed').at(-1)!
    const first = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    await cyclesForPlan(SEED_PLAN_SLUG, member)
    const asOfFirst = await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))

    // an initiative that reported in a closed cycle and is counted as of the last close, in a
    // section with other initiatives, moves to another section that has some
    const closedIds = new Set(
      whole.cycles.filter((c) => c.state === 'closed').map((c) => String(c.id)),
    )
    const reported = new Set(
      whole.updates
        .filter((u) => u.cycle != null && closedIds.has(String(u.cycle)))
        .map((u) => String(u.initiative)),
    )
    const perSection = new Map<string, number>()
    for (const i of data.input.initiatives) {
      perSection.set(String(i.section), (perSection.get(String(i.section)) ?? 0) + 1)
    }
    const moved = initiativesAsOf(whole.initiatives, whole.updates, new Date(last.closedAt!)).find(
      (i) =>
        i.published &&
        reported.has(String(i.id)) &&
        (perSection.get(String(i.section)) ?? 0) > 1 &&
        ['planned', 'in-progress', 'completed'].includes(i.status),
    )!
    expect(moved).toBeDefined()
    const from = String(moved.section)
    const to = data.input.sections.find(
      (s) => String(s.id) !== from && (perSection.get(String(s.id)) ?? 0) > 0,
    )!
    cacheFake.expired.length = 0
    cacheFake.written.length = 0
    await payload.update({
      collection: 'initiatives',
      id: moved.id as number,
      data: { section: to.id as number },
      user: editor,
      overrideAccess: false,
    })
    // its updates' copies followed it (the hook that used to expire the closed history ran)
    const copies = await payload.find({
      collection: 'progress-updates',
      where: { initiative: { equals: moved.id } },
      select: { section: true },
      depth: 0,
      pagination: false,
    })
    expect(copies.docs.length).toBeGreaterThan(0)
    for (const u of copies.docs) expect(String(u.section)).toBe(String(to.id))
    expect(cacheFake.expired).toContain(`plan:${plan}:work:${from}`)
    expect(cacheFake.expired).toContain(`plan:${plan}:work:${to.id}`)
    expect(cacheFake.expired).not.toContain(`plan:${plan}:closed-history`)

    // the next dashboard: the closed part and the states from the cache, the two sections'
    // counts again, the recent updates read and nothing else of the history
    const finds = updatesFinds()
    const cold = await countQueries(payload, () =>
      getDashboardHistory(SEED_PLAN_SLUG, member, {}, null),
    )
    finds.restore()
    expect(finds.count()).toBe(1)
    expect(writes('closed-updates')).toBe(0)
    expect(writes('closed-now')).toBe(0)
    expect(writes('closed-states')).toBe(0)
    expect(writes('closed-counts')).toBe(2)
    expect(cold.databaseQueries).toBeLessThanOrEqual(10)

    // the numbers are the definition's over the history read afresh: the section matrix as of
    // the last close moved with the initiative
    const afresh = await reference(member)
    const view = (await getDashboardHistory(SEED_PLAN_SLUG, member, {}, null))!
    expect(view.cycles.map((c) => c.coverage)).toEqual(trend(afresh, 'members'))
    const at = view.cycles.findIndex((c) => String(c.cycle.id) === String(last.id))
    expect(view.cycles[at]!.coverage.sections).not.toEqual(first.cycles[at]!.coverage.sections)
    const json = await cyclesForPlan(SEED_PLAN_SLUG, member)
    if (json.status !== 200) throw new Error(json.error)
    expect(json.cycles).toEqual(
      cycleHistory(afresh, new Date(), { audience: 'members' }).map((c) => c.summary),
    )
    // `?cycle=` of the last closed cycle, and one section's view of it, read no update
    const fromSlug = data.input.sections.find((s) => String(s.id) === from)!.slug
    const asOfFinds = updatesFinds()
    const asOf = await getPlanCoverageAsOf(SEED_PLAN_SLUG, member, {}, String(last.id))
    const asOfFrom = await getPlanCoverageAsOf(
      SEED_PLAN_SLUG,
      member,
      { section: fromSlug },
      String(last.id),
    )
    asOfFinds.restore()
    expect(asOfFinds.count()).toBe(0)
    expect(asOf).toEqual(coverageAsOf(afresh, last, new Date(), { audience: 'members' }))
    expect(asOf).not.toEqual(asOfFirst)
    expect(asOfFrom).toEqual(
      coverageAsOf(afresh, last, new Date(), {
        audience: 'members',
        filters: { section: fromSlug },
      }),
    )

    // a change of who may read the updates (visibility) still expires the closed history, and
    // the public view's numbers follow it
    const hidden = whole.initiatives.find(
      (i) => i.published && i.visibility === 'members' && reported.has(String(i.id)),
    )!
    expect(hidden).toBeDefined()
    await getDashboardHistory(SEED_PLAN_SLUG, lapsed, {}, null)
    cacheFake.expired.length = 0
    cacheFake.written.length = 0
    await payload.update({
      collection: 'initiatives',
      id: hidden.id as number,
      data: { visibility: 'public' },
      user: editor,
      overrideAccess: false,
    })
    expect(cacheFake.expired).toContain(`plan:${plan}:closed-history`)
    const publicView = (await getDashboardHistory(SEED_PLAN_SLUG, lapsed, {}, null))!
    expect(writes('closed-states')).toBe(1)
    const publicWhole = await reference(lapsed)
    expect(publicWhole.updates.some((u) => String(u.initiative) === String(hidden.id))).toBe(true)
    expect(publicView.cycles.map((c) => c.coverage)).toEqual(trend(publicWhole, 'public'))

    cacheFake.expired.length = 0
    await payload.update({
      collection: 'initiatives',
      id: hidden.id as number,
      data: { visibility: 'members' },
      user: editor,
      overrideAccess: false,
    })
    expect(cacheFake.expired).toContain(`plan:${plan}:closed-history`)
    await payload.update({
      collection: 'initiatives',
      id: moved.id as number,
      data: { section: Number(from) || (from as unknown as number) },
      user: editor,
      overrideAccess: false,
    })
    const back = await reference(lapsed)
    expect(back.updates.some((u) => String(u.initiative) === String(hidden.id))).toBe(false)
  })
})
