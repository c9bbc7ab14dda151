/**
 * The SQLite connection (issue #16, lib/sqlite.ts). libSQL's client gives each transaction the
 * connection it has and opens a new one for whatever comes next, so settings made once on the
 * first connection were lost after the first write. Checks that the connection the adapter uses
 * after writes is in WAL mode with synchronous=NORMAL and the busy timeout; that a write waits for
 * another process's write instead of failing with SQLITE_BUSY; that writes made at the same
 * time in this process all succeed (before: all but one failed with SQLITE_BUSY at once; with a
 * busy timeout alone each would block the event loop for the whole timeout, then fail); and that a
 * write made outside any transaction (the job runner's bookkeeping, email claims, Payload's count
 * of failed logins) takes its turn after an open transaction with the event loop free (before: it
 * blocked the loop for the whole busy timeout, then failed with SQLITE_BUSY); and that Payload's
 * destroy and a process's exit leave every committed write in the database file, the -wal emptied
 * (before: libSQL never closed its connections, so no checkpoint ran and a copy of the file alone
 * missed the last writes). SQLite only.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mayWrite, SQLITE_BUSY_TIMEOUT_MS } from '@/lib/sqlite'
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

/** The longest the event loop went without running a 10 ms timer, from now until `stop`. */
function loopLag() {
  let last = performance.now()
  let max = 0
  const timer = setInterval(() => {
    const now = performance.now()
    max = Math.max(max, now - last - 10)
    last = now
  }, 10)
  return {
    stop: () => {
      clearInterval(timer)
      return max
    },
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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

describe('which statements take a turn to write', () => {
  it('reads never wait, anything that may write does', () => {
    const reads = [
      'select "id", "lead" from "initiatives" where "initiatives"."id" = ?',
      '  (select count(*) from "plans")',
      'with "x" as (select 1) select * from "x"',
      '/* a comment */ SELECT 1',
      'PRAGMA journal_mode',
      'PRAGMA table_info(`plans`)',
      'EXPLAIN QUERY PLAN select 1',
    ]
    const writes = [
      'insert into "payload_jobs" ("queue") values (?) returning "id"',
      'update "members" set "login_attempts" = ? where "id" = ?',
      'delete from "payload_locked_documents" where false',
      'with "old" as (select 1) delete from "emails_sent" where "id" in "old"',
      '-- a comment\nREPLACE INTO "x" VALUES (1)',
      'PRAGMA user_version = 3',
      'CREATE INDEX `x_idx` ON `x` (`a`)',
      'BEGIN IMMEDIATE;',
      'VACUUM',
    ]
    expect(reads.filter((sql) => mayWrite(sql))).toEqual([])
    expect(writes.filter((sql) => !mayWrite({ sql }))).toEqual([])
  })
})

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

  it('takes a write made outside a transaction after the open one, the event loop free', async () => {
    const [doc, other, later] = [initiatives[2]!, initiatives[3]!, initiatives[4]!]
    await saveLead(doc, 'before the transaction')
    // a save's transaction, open: it holds the database's write lock
    const transactionID = await payload.db.beginTransaction()
    expect(transactionID).not.toBeNull()
    const req = { transactionID: transactionID! } as Partial<PayloadRequest>
    await payload.update({
      collection: 'initiatives',
      id: doc.id,
      data: { lead: 'in the transaction' },
      depth: 0,
      context: { disableRevalidate: true },
      overrideAccess: true,
      req,
    })

    const lag = loopLag()
    const order: string[] = []
    // as lib/jobs/deliver.ts claims and the job runner records its jobs
    const outside = payload
      .update({
        collection: 'initiatives',
        id: doc.id,
        data: { lead: 'outside any transaction' },
        depth: 0,
        context: { disableRevalidate: true },
        overrideAccess: true,
        disableTransaction: true,
      })
      .then(() => order.push('outside'))
    // as Payload counts a failed login: the adapter itself, without req
    const counted = payload.db
      .updateOne({ collection: 'initiatives', id: other.id, data: { lead: 'by the adapter' } })
      .then(() => order.push('adapter'))
    // a read does not wait for the transaction (it sees the database as before it)
    expect(await leadOf(doc)).toBe('before the transaction')
    order.push('read')
    await sleep(300)
    // the transaction writes again on its own connection after the others queued: no deadlock
    await payload.update({
      collection: 'initiatives',
      id: later.id,
      data: { lead: 'later in the transaction' },
      depth: 0,
      context: { disableRevalidate: true },
      overrideAccess: true,
      req,
    })
    order.push('commit')
    await payload.db.commitTransaction(transactionID!)
    await Promise.all([outside, counted])
    const maxLag = lag.stop()

    expect(order.slice(0, 2)).toEqual(['read', 'commit'])
    expect(order.slice(2).sort()).toEqual(['adapter', 'outside'])
    // far below the busy timeout the loop was blocked for before
    expect(maxLag).toBeLessThan(SQLITE_BUSY_TIMEOUT_MS / 5)
    expect(await leadOf(doc)).toBe('outside any transaction')
    expect(await leadOf(other)).toBe('by the adapter')
    expect(await leadOf(later)).toBe('later in the transaction')
  })

  it('leaves everything in the database file when Payload is destroyed (the WAL emptied)', async () => {
    await saveLead(initiatives[0]!, 'the last save')
    expect(fs.statSync(`${databaseFile()}-wal`).size).toBeGreaterThan(0)
    await payload.destroy()
    expect(fs.statSync(`${databaseFile()}-wal`).size).toBe(0)
    // a copy of the database file alone, as a backup that forgot the -wal would be
    const copy = path.join(path.dirname(databaseFile()), 'copy.db')
    fs.copyFileSync(databaseFile(), copy)
    const client = createClient({ url: `file:${copy}` })
    const { rows } = await client.execute({
      sql: 'select lead from initiatives where id = ?',
      args: [initiatives[0]!.id],
    })
    client.close()
    expect(rows[0]?.lead).toBe('the last save')
  })
})

describe.skipIf(!sqlite)('a process that exits', () => {
  it('leaves everything in the database file (the WAL emptied)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-exit-'))
    try {
      const file = path.join(dir, 'exit.db')
      const script = `
        import { sqliteClient } from ${JSON.stringify(path.resolve('lib/sqlite.ts'))}
        const client = sqliteClient({ url: ${JSON.stringify(`file:${file}`)} })
        await client.execute('PRAGMA journal_mode = WAL')
        await client.execute('create table t (x text)')
        await client.execute("insert into t values ('before the exit')")
        process.exit(0)`
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      )
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0)
      expect(fs.statSync(`${file}-wal`).size).toBe(0)
      const copy = path.join(dir, 'copy.db')
      fs.copyFileSync(file, copy)
      const client = createClient({ url: `file:${copy}` })
      const { rows } = await client.execute('select x from t')
      client.close()
      expect(rows.map((row) => row.x)).toEqual(['before the exit'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
