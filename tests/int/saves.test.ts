/**
 * What an initiative save does (issue #16: the editor of the mixed load saves a `lead` about five
 * times a second): the reads it makes, counted as the constant-query tests count them, with the
 * staff-only `stale` column still in its answer and still right, still absent for members, and the
 * pages that show the initiative still expired. `next/cache` is replaced by a recorder so the test
 * sees which cache tags each save expires.
 */
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { cacheTags } from '@/lib/data/tags'
import { idOf, type Relation } from '@/lib/format/ids'
import { findPerson, getTestPayload, loginToken, rest, seedDemo, seededPlanId } from './helpers'
import { countQueries } from './queryCount'

const expired = vi.hoisted(() => [] as string[])
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidateTag: (tag: string) => {
    expired.push(tag)
  },
}))

type Doc = Record<string, unknown> & { id: number | string }
let payload: Payload
let admin: Awaited<ReturnType<typeof findPerson>>
let planId: number | string
let editorToken: string

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  admin = await findPerson(payload, 'users', 'admin@example.org')
  planId = await seededPlanId(payload)
  editorToken = await loginToken('users', 'editor@example.org')
})

afterAll(async () => {
  await payload?.destroy()
})

/** The plan's published initiatives as staff read them in the admin's list, `stale` computed. */
async function staffList(): Promise<Doc[]> {
  const { docs } = await payload.find({
    collection: 'initiatives',
    where: { and: [{ plan: { equals: planId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    user: admin,
    overrideAccess: false,
  })
  return docs as unknown as Doc[]
}

/** The adapter's reads during `fn`, each as its operation and collection. */
async function readsDuring(fn: () => Promise<unknown>) {
  const db = payload.db as unknown as Record<string, unknown>
  const reads: { op: string; collection: string; where: string }[] = []
  const names = ['find', 'findOne', 'findVersions', 'queryDrafts', 'count'] as const
  const originals = names.map((name) => [name, db[name]] as const)
  for (const [name, original] of originals) {
    db[name] = function (this: unknown, args: { collection?: string; where?: Where }) {
      reads.push({
        op: name,
        collection: String(args?.collection ?? ''),
        where: JSON.stringify(args?.where ?? {}),
      })
      return (original as (a: unknown) => unknown).call(this, args)
    }
  }
  try {
    await fn()
  } finally {
    for (const [name, original] of originals) db[name] = original
  }
  return reads
}

const save = (id: Doc['id'], data: Record<string, unknown>) =>
  rest('PATCH', `/api/initiatives/${id}?depth=0`, { token: editorToken, body: data })

describe('an initiative save', () => {
  it('reads no plan-wide list for the stale column, and its answer still carries the right value', async () => {
    const list = await staffList()
    const stale = list.find((d) => d.stale === true)
    const fresh = list.find((d) => d.stale === false)
    expect(stale && fresh).toBeTruthy()
    for (const doc of [stale!, fresh!]) {
      let answer: Awaited<ReturnType<typeof save>> | undefined
      const reads = await readsDuring(async () => {
        answer = await save(doc.id, { lead: `Lead of ${doc.id}` })
      })
      expect(answer!.status).toBe(200)
      const saved = (answer!.json as { doc: Doc }).doc
      expect(saved.lead).toBe(`Lead of ${doc.id}`)
      expect(saved.stale).toBe(doc.stale)
      // no read of the plan's initiatives, and the progress updates of this initiative only
      expect(reads.filter((r) => r.collection === 'initiatives' && r.op === 'find')).toEqual([])
      const updates = reads.filter((r) => r.collection === 'progress-updates')
      expect(updates).toHaveLength(1)
      expect(updates[0]!.where).toContain('"initiative"')
      // the objectives once (planFromObjectives' check, whose goal areas the revalidation reuses)
      expect(reads.filter((r) => r.collection === 'objectives')).toHaveLength(1)
    }
    // the list still agrees after the saves
    const after = await staffList()
    expect(after.find((d) => d.id === stale!.id)!.stale).toBe(true)
    expect(after.find((d) => d.id === fresh!.id)!.stale).toBe(false)
  })

  it('runs a bounded number of reads and statements', async () => {
    const [doc] = await staffList()
    await save(doc!.id, { lead: 'warm' })
    const count = await countQueries(payload, () => save(doc!.id, { lead: 'counted' }))
    // the staff user, the latest version, the document lock, the objectives, the section's
    // filter check, the stale column's cycles and updates, the versions beyond maxPerDoc, the goal
    // areas: 9 adapter reads (11 before the stale column read per initiative and the objectives once)
    expect(count.adapterCalls).toBeLessThanOrEqual(9)
    if (payload.db.name !== 'mongoose') expect(count.databaseQueries).toBeLessThanOrEqual(22)
  })

  it('shows the value after the save, not before it: unpublishing a stale initiative', async () => {
    const stale = (await staffList()).find((d) => d.stale === true)!
    const admin = await loginToken('users', 'admin@example.org')
    const res = await rest('PATCH', `/api/initiatives/${stale.id}?depth=0`, {
      token: admin,
      body: { _status: 'draft' },
    })
    expect(res.status).toBe(200)
    // an unpublished initiative is no one's stale work (findStale reads the published ones)
    expect((res.json as { doc: Doc }).doc.stale).toBe(false)
    const again = await rest('PATCH', `/api/initiatives/${stale.id}?depth=0`, {
      token: admin,
      body: { _status: 'published' },
    })
    expect((again.json as { doc: Doc }).doc.stale).toBe(true)
  })

  it('keeps the stale value out of members’ and the public’s answers, one document or a list', async () => {
    const [doc] = (await staffList()).filter((d) => d.visibility === 'members')
    const member = await loginToken('members', '100001')
    for (const token of [member, undefined]) {
      const one = await rest('GET', `/api/initiatives/${doc!.id}?depth=0`, { token })
      if (token) {
        expect(one.status).toBe(200)
        expect('stale' in (one.json as Doc)).toBe(false)
      } else expect(one.status).not.toBe(200)
      const list = await rest('GET', '/api/initiatives?limit=100&depth=0', { token })
      const docs = (list.json as { docs: Doc[] }).docs
      expect(docs.length).toBeGreaterThan(0)
      expect(docs.some((d) => 'stale' in d)).toBe(false)
    }
    const staffOne = await rest('GET', `/api/initiatives/${doc!.id}?depth=0`, {
      token: editorToken,
    })
    expect((staffOne.json as Doc).stale).toBe(doc!.stale)
  })

  it('expires the pages of the goal areas it serves, before and after a change of objectives', async () => {
    const objectives = (
      await payload.find({
        collection: 'objectives',
        where: { plan: { equals: planId } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs
    const goals = new Map(
      (
        await payload.find({
          collection: 'goals',
          where: { plan: { equals: planId } },
          depth: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs.map((g) => [String(g.id), g.number]),
    )
    const goalTag = (objective: (typeof objectives)[number]) =>
      cacheTags.goalArea(planId, goals.get(String(idOf(objective.goal as Relation)))!)
    const [doc] = await staffList()
    const own = ((doc!.objectives as Relation[]) ?? []).map((o) => String(idOf(o)))
    const ownTags = objectives.filter((o) => own.includes(String(o.id))).map(goalTag)
    expired.length = 0
    expect((await save(doc!.id, { lead: 'Goal tags' })).status).toBe(200)
    expect(expired.filter((t) => t.includes(':goal:')).sort()).toEqual([...new Set(ownTags)].sort())

    // moved to an objective of another goal area: both goal areas' pages
    const other = objectives.find(
      (o) => !ownTags.includes(goalTag(o)) && String(idOf(o.goal as Relation)) !== '',
    )!
    expired.length = 0
    expect((await save(doc!.id, { objectives: [other.id] })).status).toBe(200)
    expect(expired.filter((t) => t.includes(':goal:')).sort()).toEqual(
      [...new Set([...ownTags, goalTag(other)])].sort(),
    )
  })
})
