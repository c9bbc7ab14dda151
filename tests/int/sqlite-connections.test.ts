/**
 * The SQLite connection (issue #16, lib/sqlite.ts). libSQL's client gives each transaction the
 * connection it has and opens a new one for whatever comes next, so settings made once on the
 * first connection were lost after the first write. Checks that the connection the adapter uses
 * after writes is in WAL mode with synchronous=NORMAL and the busy timeout; that a write waits for
 * another process's write instead of failing with SQLITE_BUSY; and that writes made at the same
 * time in this process all succeed (before: all but one failed with SQLITE_BUSY at once; with a
 * busy timeout alone each would block the event loop for the whole timeout, then fail). SQLite only.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SQLITE_BUSY_TIMEOUT_MS } from '@/lib/sqlite'
import { getTestPayload, seedDemo } from './helpers'

const sqlite = !process.env.MONGODB_URI
type Doc = { id: number | string; lead?: string | null }
type Client = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

let payload: Payload
let initiatives: Doc[]

beforeAll(async () => {
  if (!sqlite) return
  payload = await getTestPayload()
  await seedDemo(payload)
  const { docs } = await payload.find({
    collection: 'initiatives',
    depth: 0,
    limit: 6,
    overrideAccess: true,
  })
  initiatives = docs
  expect(initiatives).toHaveLength(6)
})

afterAll(async () => {
  await payload?.destroy()
})

const databaseFile = () => process.env.DATABASE_URI!.replace(/^file:/, '')
/** A PRAGMA's value on the connection the adapter's client uses next. */
const pragma = async (name: string) => {
  const client = (payload.db as unknown as { client: Client }).client
  return Object.values((await client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]
}
const saveLead = (doc: Doc, lead: string) =>
  payload.update({
    collection: 'initiatives',
    id: doc.id,
    data: { lead },
    depth: 0,
    context: { disableRevalidate: true },
    overrideAccess: true,
  })
const leadOf = async (doc: Doc) =>
  (
    (await payload.findByID({
      collection: 'initiatives',
      id: doc.id,
      depth: 0,
      overrideAccess: true,
    })) as Doc
  ).lead

/**
 * Another process (as `npm run jobs` beside the web server) that takes the database's write lock,
 * sets the lead of `doc`, holds the lock for `ms` and commits. Resolves once the lock is held.
 */
async function otherProcessWriting(doc: Doc, lead: string, ms: number) {
  const script = `
    const { createClient } = require('@libsql/client')
    const c = createClient({ url: ${JSON.stringify(process.env.DATABASE_URI)} })
    c.transaction('write').then(async (tx) => {
      await tx.execute({ sql: 'update initiatives set lead = ? where id = ?', args: [${JSON.stringify(lead)}, ${JSON.stringify(doc.id)}] })
      console.log('locked')
      setTimeout(() => tx.commit().then(() => process.exit(0)), ${ms})
    }, (e) => { console.error(e.message); process.exit(1) })`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
    child.on('exit', (code) => reject(new Error(`the other process ended first (${code})`)))
  })
  return { exited } // not the promise itself: awaiting this would wait for the exit
}

describe.skipIf(!sqlite)('the SQLite connection', () => {
  it('is in WAL mode with synchronous NORMAL and the busy timeout, after writes too', async () => {
    for (let i = 0; i < 3; i++) {
      await saveLead(initiatives[0]!, `settings ${i}`)
      // the connection the client opened after this transaction
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('synchronous')).toBe(1) // NORMAL
      expect(await pragma('busy_timeout')).toBe(SQLITE_BUSY_TIMEOUT_MS)
    }
    // WAL is kept in the file: the write-ahead log and its index sit beside the database
    expect(fs.existsSync(`${databaseFile()}-wal`)).toBe(true)
    expect(fs.existsSync(`${databaseFile()}-shm`)).toBe(true)
  })

  it("waits for another process's write instead of failing with SQLITE_BUSY", async () => {
    await saveLead(initiatives[0]!, 'before the other process')
    const { exited } = await otherProcessWriting(initiatives[5]!, 'other process', 500)
    const started = performance.now()
    await saveLead(initiatives[1]!, 'while the other process writes')
    // it waited for the other process's commit (the wait blocks this process's event loop)
    expect(performance.now() - started).toBeGreaterThan(300)
    expect(await exited).toBe(0)
    expect(await leadOf(initiatives[1]!)).toBe('while the other process writes')
    expect(await leadOf(initiatives[5]!)).toBe('other process')
  })

  it('takes writes made at the same time in this process one after another', async () => {
    const results = await Promise.allSettled([
      ...initiatives.slice(0, 5).map((doc, i) => saveLead(doc, `same time ${i}`)),
      // a write that fails gives up its turn: the ones after it still run
      payload.update({
        collection: 'initiatives',
        id: initiatives[5]!.id,
        data: { status: 'no such status' as 'proposed' },
        overrideAccess: true,
      }),
      saveLead(initiatives[5]!, 'after the failed one'),
    ])
    expect(results.map((r) => r.status)).toEqual([
      ...Array(5).fill('fulfilled'),
      'rejected',
      'fulfilled',
    ])
    for (const [i, doc] of initiatives.slice(0, 5).entries())
      expect(await leadOf(doc)).toBe(`same time ${i}`)
    expect(await leadOf(initiatives[5]!)).toBe('after the failed one')
  })
})
