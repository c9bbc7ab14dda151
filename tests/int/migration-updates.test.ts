/**
 * The SQLite migration of the old free-text `updates` array (issue 12): a database built by
 * Payload's own migrate up to the migration before it, holding old-shape rows (initiatives with
 * dated and undated notes, published and draft, one without notes, a version row), is migrated by
 * Payload's migrate like any server start does; the progress updates it produced are then read
 * back through the Local API (with the follow-up 20261129_232144, which gives the initiatives'
 * latest versions the same lastUpdateAt). SQLite only: MongoDB has no migrations (the array had
 * no table of its own).
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { migrations } from '@/migrations'
import { currentValues, type ProgressUpdate } from '@/lib/plan/cycles'
import { getTestPayload } from './helpers'

const mongo = Boolean(process.env.MONGODB_URI?.trim())
const TARGET = '20261129_200401_updates_array_to_progress_updates'

interface SqliteAdapter {
  dropDatabase: (args: { adapter: unknown }) => Promise<void>
  migrate: (args: { migrations: typeof migrations }) => Promise<void>
  drizzle: {
    run: (query: unknown) => Promise<unknown>
    all: (query: unknown) => Promise<Record<string, unknown>[]>
  }
}

let payload: Payload
let adapter: SqliteAdapter

const A_CREATED = '2007-01-10T00:00:00.000Z'
const B_CREATED = '2007-03-01T12:00:00.000Z'

/** Rows as the app wrote them before the migration: initiatives with an `updates` array. */
async function writeOldShapeRows(db: SqliteAdapter['drizzle']) {
  await db.run(sql`INSERT INTO plans (id, title, slug, start_year, end_year, _status)
    VALUES (1, 'Old Plan', 'old-plan', 2006, 2011, 'published')`)
  await db.run(sql`INSERT INTO goals (id, plan_id, number, title) VALUES (1, 1, 1, 'Goal one')`)
  await db.run(sql`INSERT INTO objectives (id, goal_id, number, text, code, plan_id, position)
    VALUES (1, 1, 1, 'Objective one', '1.1', 1, 1)`)
  await db.run(sql`INSERT INTO sections (id, name, slug) VALUES
    (1, 'Acquisitions', 'acquisitions'), (2, 'Preservation', 'preservation')`)
  await db.run(sql`INSERT INTO initiatives
    (id, title, section_id, visibility, plan_id, status, progress, _status, created_at, updated_at)
    VALUES
    (1, 'Migrated A', 1, 'public', 1, 'in-progress', 40, 'published', ${A_CREATED}, ${A_CREATED}),
    (2, 'Migrated B', 2, 'members', 1, 'planned', 0, 'draft', ${B_CREATED}, ${B_CREATED}),
    (3, 'Migrated C', 1, 'public', 1, 'completed', 100, 'published', ${A_CREATED}, ${A_CREATED})`)
  await db.run(sql`INSERT INTO initiatives_rels (id, "order", parent_id, path, objectives_id)
    VALUES (1, 1, 1, 'objectives', 1), (2, 1, 2, 'objectives', 1), (3, 1, 3, 'objectives', 1)`)
  // the array, out of order on purpose: _order decides, the dates decide submittedAt
  await db.run(sql`INSERT INTO initiatives_updates (_order, _parent_id, id, date, note) VALUES
    (2, 1, 'a2', '2008-01-15T00:00:00.000Z', 'Pilot running'),
    (1, 1, 'a1', '2007-06-01T00:00:00.000Z', 'Vendor chosen'),
    (1, 2, 'b1', NULL, 'An undated note')`)
  // drafts are on: every initiative has versions, the latest one flagged (A has an older one too)
  await db.run(sql`INSERT INTO _initiatives_v (id, parent_id, version_title, version_section_id,
      version_plan_id, version_status, version_progress, version__status, latest)
    VALUES (1, 1, 'Migrated A', 1, 1, 'planned', 0, 'published', NULL),
      (2, 1, 'Migrated A', 1, 1, 'in-progress', 40, 'published', 1),
      (3, 2, 'Migrated B', 2, 1, 'planned', 0, 'draft', 1),
      (4, 3, 'Migrated C', 1, 1, 'completed', 100, 'published', 1)`)
  await db.run(sql`INSERT INTO _initiatives_v_version_updates (_order, _parent_id, id, date, note)
    VALUES (1, 1, 1, '2007-06-01T00:00:00.000Z', 'Vendor chosen')`)
}

beforeAll(async () => {
  payload = await getTestPayload()
  if (mongo) return
  adapter = payload.db as unknown as SqliteAdapter
  const before = migrations.findIndex((m) => m.name === TARGET)
  expect(before).toBeGreaterThan(0)
  // the database as the previous release left it: Payload's migrate with the migrations up to then
  await adapter.dropDatabase({ adapter })
  await adapter.migrate({ migrations: migrations.slice(0, before) })
  await writeOldShapeRows(adapter.drizzle)
  // then a server start of this release: Payload's migrate with every migration
  await adapter.migrate({ migrations })
})

afterAll(async () => {
  await payload?.destroy()
})

const updatesOf = async (initiative: number) =>
  (
    await payload.find({
      collection: 'progress-updates',
      where: { initiative: { equals: initiative } },
      sort: 'submittedAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const iso = (value: unknown) => (value == null ? null : new Date(String(value)).toISOString())

describe.skipIf(mongo)('the updates array becomes progress updates', () => {
  it('ran each missing migration once, the earlier ones not again', async () => {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      overrideAccess: true,
    })
    const names = docs.map((d) => d.name)
    expect(names.filter((n) => n === TARGET)).toHaveLength(1)
    expect(names.sort()).toEqual(migrations.map((m) => m.name).sort())
  })

  it('each dated note is an update between cycles on its date, with the initiative’s values and copies', async () => {
    const a = await updatesOf(1)
    expect(
      a.map((u) => [u.note, iso(u.submittedAt), u.status, u.progress, u.cycle ?? null]),
    ).toEqual([
      ['Vendor chosen', '2007-06-01T00:00:00.000Z', 'in-progress', 40, null],
      ['Pilot running', '2008-01-15T00:00:00.000Z', 'in-progress', 40, null],
    ])
    for (const u of a) {
      expect([u.section, u.plan, u.visibility, u.published]).toEqual([1, 1, 'public', true])
    }
  })

  it('an undated note takes the initiative’s creation; a draft’s update is not published', async () => {
    const b = await updatesOf(2)
    expect(b.map((u) => [u.note, iso(u.submittedAt), u.status, u.progress])).toEqual([
      ['An undated note', B_CREATED, 'planned', 0],
    ])
    expect([b[0]!.section, b[0]!.plan, b[0]!.visibility, b[0]!.published]).toEqual([
      2,
      1,
      'members',
      false,
    ])
    expect(await updatesOf(3)).toEqual([])
  })

  it('sets lastUpdateAt to the latest, on the initiative and on its latest version', async () => {
    for (const draft of [false, true]) {
      const { docs } = await payload.find({
        collection: 'initiatives',
        sort: 'id',
        depth: 0,
        pagination: false,
        draft,
        overrideAccess: true,
        select: { lastUpdateAt: true, status: true, progress: true },
      })
      // draft: true reads each initiative's latest version, as the admin's edit view does
      expect(
        docs.map((d) => [d.id, iso(d.lastUpdateAt)]),
        `draft: ${draft}`,
      ).toEqual([
        [1, '2008-01-15T00:00:00.000Z'],
        [2, B_CREATED],
        [3, null],
      ])
      // one source of truth: the latest update's values are the initiative's
      for (const doc of docs.filter((d) => d.id !== 3)) {
        const history = (await updatesOf(doc.id as number)).map((u): ProgressUpdate => ({
          id: u.id,
          initiative: doc.id,
          status: u.status as ProgressUpdate['status'],
          progress: u.progress ?? 0,
          submittedAt: iso(u.submittedAt)!,
        }))
        expect(currentValues(history)).toMatchObject({ status: doc.status, progress: doc.progress })
      }
    }
  })

  it('a migrated initiative’s progress can no longer be typed by hand', async () => {
    await expect(
      payload.update({
        collection: 'initiatives',
        id: 1,
        data: { progress: 55 },
        overrideAccess: true,
        context: { disableRevalidate: true },
      }),
    ).rejects.toThrow(/progress|invalid/i)
    const after = await payload.findByID({
      collection: 'initiatives',
      id: 1,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.progress).toBe(40)
  })

  it('the copies drive the read rule: the public reads A’s updates, not the draft B’s', async () => {
    const { docs } = await payload.find({
      collection: 'progress-updates',
      depth: 0,
      pagination: false,
      overrideAccess: false,
    })
    expect(docs.map((u) => u.note).sort()).toEqual(['Pilot running', 'Vendor chosen'])
  })

  it('dropped the array’s tables', async () => {
    const tables = await adapter.drizzle.all(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%updates%'`,
    )
    expect(tables.map((t) => t.name).sort()).toEqual(['_progress_updates_v', 'progress_updates'])
  })
})
