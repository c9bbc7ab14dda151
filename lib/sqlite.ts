import { createClient, type Client, type Config, type TransactionMode } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * How long a write waits for another process's write (`npm run jobs` beside the web server, a
 * script) before SQLite answers SQLITE_BUSY. libSQL's client is synchronous (its native statement
 * runs on the event loop), so the wait blocks this process's event loop: it is meant for the short
 * writes of another process; this process's own writes take turns first (`WriteTurns`).
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000
/** How long a write waits for this process's earlier ones (the event loop stays free). */
export const SQLITE_WRITE_QUEUE_TIMEOUT_MS = 30_000
/** The size the WAL file is cut back to after a checkpoint (Payload's default, 64 MiB). */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

/**
 * This process's turn to write: one write transaction, or one write statement made outside any
 * transaction, at a time, the others waiting on a promise (the event loop free) for up to
 * SQLITE_WRITE_QUEUE_TIMEOUT_MS. SQLite takes one writer at a time, and in this process a write
 * that met another's lock would wait in the busy timeout, blocking the loop the other needs to
 * finish, then fail with SQLITE_BUSY.
 */
export class WriteTurns {
  #last: Promise<void> = Promise.resolve()

  /** Waits for the turns taken before; resolves to the function that ends this one. */
  async take(): Promise<() => void> {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const before = this.#last
    this.#last = before.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        before,
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `SQLITE_BUSY: waited ${SQLITE_WRITE_QUEUE_TIMEOUT_MS} ms for this process's other writes`,
                ),
              ),
            SQLITE_WRITE_QUEUE_TIMEOUT_MS,
          )
        }),
      ])
    } catch (err) {
      // gives up its turn (the ones after it wait for those before it, not for it)
      void before.then(release)
      throw err
    } finally {
      clearTimeout(timer)
    }
    return release
  }

  /** Runs `write` in a turn of its own. */
  async run<T>(write: () => Promise<T>): Promise<T> {
    const release = await this.take()
    try {
      return await write()
    } finally {
      release()
    }
  }
}

type Statement = string | { sql: string } | [string, ...unknown[]]
const sqlOf = (stmt: Statement) =>
  typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql
/** Leading blanks, comments and parentheses. */
const LEADING = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/

/**
 * Whether a statement may write (and so takes a turn). Reads never wait: SELECT, VALUES, EXPLAIN,
 * a PRAGMA that sets nothing, a WITH whose body names no INSERT, UPDATE, DELETE or REPLACE.
 * Anything else counts as a write, so a doubt costs a wait, never a lock met on the event loop.
 */
export function mayWrite(stmt: Statement): boolean {
  const sql = sqlOf(stmt).replace(LEADING, '')
  const word = /^[a-z]+/i.exec(sql)?.[0].toLowerCase()
  if (word === 'select' || word === 'values' || word === 'explain') return false
  if (word === 'pragma') return sql.includes('=')
  if (word === 'with') return /\b(?:insert|update|delete|replace)\b/i.test(sql)
  return true
}

/** How long the checkpoint on shutdown waits for a write under way before copying what it can. */
const CHECKPOINT_BUSY_TIMEOUT_MS = 100

/**
 * A libSQL client whose `configure` sets this module's PRAGMAs on the connection it uses next, and
 * whose `checkpoint` copies the WAL into the database file and empties it.
 */
export type ConfiguredClient = Client & {
  configure: () => Promise<void>
  checkpoint: () => Promise<void>
}

/**
 * The libSQL client of the SQLite adapter, every one of its connections configured.
 *
 * libSQL's local client hands its connection to each transaction and opens a new one for whatever
 * comes next (`Sqlite3Client#transaction`), so a PRAGMA run once applies to the first transaction
 * only: Payload's own `busyTimeout` and `wal` options set theirs on the first connection, and every
 * later one had busy_timeout 0 (an instant SQLITE_BUSY when another process writes) and
 * synchronous FULL. Here each new connection gets them as it opens:
 *
 * - `journal_mode = WAL` (kept in the database file itself): readers never wait for a writer and a
 *   COMMIT appends to the `-wal` file instead of writing and fsyncing a rollback journal;
 * - `synchronous = NORMAL`: a COMMIT does not fsync; the WAL is synced at checkpoints. Crash-safe
 *   for the application (a killed process loses nothing committed, the file is never corrupt); a
 *   power loss or OS crash may lose the last transactions before the checkpoint, never corrupt;
 * - `busy_timeout`, and the WAL file's size limit.
 *
 * The COMMIT of a save blocked the one event loop 7–16 ms with the rollback journal's fsyncs.
 *
 * With `turns`, a statement that may write, made on the client itself (outside any transaction:
 * Payload's job-runner bookkeeping and our email claims with `disableTransaction`, its count of
 * failed logins without `req`), runs in a turn of its own; reads run at once. A transaction's
 * statements go to its own connection (the transaction object's `execute`), never through these,
 * so they never wait behind their own transaction.
 */
export function sqliteClient(config: Config, turns?: WriteTurns): ConfiguredClient {
  const client = createClient(config)
  // the unwrapped execute: connection settings are not the application's writes, and they run
  // within the turn of the transaction that opened the connection (a turn here would wait for it)
  const execute = client.execute.bind(client)
  const configure = async () => {
    await execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
    await execute('PRAGMA synchronous = NORMAL')
    await execute(`PRAGMA journal_size_limit = ${JOURNAL_SIZE_LIMIT}`)
  }
  const transaction = client.transaction.bind(client)
  client.transaction = async (mode?: TransactionMode) => {
    const tx = await transaction(mode)
    try {
      await configure() // opens the connection the client uses next
    } catch (err) {
      tx.close()
      throw err
    }
    return tx
  }
  /*
   * `wal_checkpoint(TRUNCATE)`: the database file gets every committed transaction and the -wal
   * is cut to 0 bytes, so a copy of the file alone is whole. libSQL never closes the connection a
   * transaction used (so SQLite's own checkpoint-and-delete at the last close never happens); this
   * runs when Payload is destroyed and as the process exits. libSQL runs each statement before
   * `execute` returns its promise, so the work is done on return, as an `exit` listener needs.
   */
  const checkpoint = () => {
    if (client.closed) return Promise.resolve()
    const steps = [
      execute(`PRAGMA busy_timeout = ${CHECKPOINT_BUSY_TIMEOUT_MS}`),
      execute('PRAGMA wal_checkpoint(TRUNCATE)'),
      execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`),
    ]
    return Promise.all(steps).then(() => undefined)
  }
  if (!isInMemory(config.url)) {
    // a failed checkpoint loses nothing: the next open reads the -wal as before
    const atExit = () => void checkpoint().catch(() => undefined)
    process.once('exit', atExit)
    const close = client.close.bind(client)
    client.close = () => {
      process.off('exit', atExit)
      close()
    }
  }
  if (turns) takeTurnsToWrite(client, turns)
  return Object.assign(client, { configure, checkpoint })
}

/** Runs the client's own statements that may write (not a transaction's) in turns. */
function takeTurnsToWrite(client: Client, turns: WriteTurns) {
  const execute = client.execute.bind(client) as (...args: unknown[]) => Promise<unknown>
  client.execute = ((...args: Parameters<typeof execute>) =>
    mayWrite(args[0] as Statement)
      ? turns.run(() => execute(...args))
      : execute(...args)) as Client['execute']
  const batch = client.batch.bind(client)
  // a batch is a transaction of its own: 'write' begins it IMMEDIATE, taking the write lock
  client.batch = (stmts, mode) =>
    mode === 'write' || stmts.some((stmt) => mayWrite(stmt as Statement))
      ? turns.run(() => batch(stmts, mode))
      : batch(stmts, mode)
  const executeMultiple = client.executeMultiple.bind(client)
  client.executeMultiple = (sql) => turns.run(() => executeMultiple(sql))
  const migrate = client.migrate.bind(client)
  client.migrate = (stmts) => turns.run(() => migrate(stmts))
}

/** Sets WAL mode in the database file (once; it is kept there) and configures the first connection. */
async function openSqlite(client: ConfiguredClient, url: string) {
  await client.configure()
  if (!isInMemory(url)) await client.execute('PRAGMA journal_mode = WAL')
}

const isInMemory = (url: string) => /^file::memory:|^:memory:/.test(url) || url === 'file:'

type TransactionID = number | string
type Transactions = Pick<
  BaseDatabaseAdapter,
  'beginTransaction' | 'commitTransaction' | 'rollbackTransaction'
>

/**
 * One write transaction at a time in this process (a turn of `turns` from begin to commit or
 * rollback), the others waiting their turn without blocking the event loop. A second transaction
 * begun here while the first was open met its lock on another of the client's connections and
 * failed at once with SQLITE_BUSY (before: two editors saving at the same moment, one got a 500),
 * and with a busy timeout it would block the event loop the first one needs to finish, for the
 * whole timeout.
 */
export function oneWriterAtATime(db: Transactions, turns: WriteTurns): void {
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const ends = new Map<TransactionID, () => void>()

  db.beginTransaction = async (options) => {
    const release = await turns.take()
    try {
      const id = await begin(options)
      if (id === null) release()
      else ends.set(id, release)
      return id
    } catch (err) {
      release()
      throw err
    }
  }
  const ending =
    (end: (id: TransactionID) => Promise<void>) =>
    async (incoming: Promise<TransactionID> | TransactionID) => {
      const id = await incoming
      try {
        await end(id)
      } finally {
        ends.get(id)?.()
        ends.delete(id)
      }
    }
  db.commitTransaction = ending(commit)
  db.rollbackTransaction = ending(rollback)
}

/**
 * The SQLite adapter with the client above and one writer at a time (transactions and the
 * client's own writes share the turns): its `connect` finds the client made (so it skips its own
 * first-connection PRAGMAs) and goes on (Drizzle, migrations).
 */
export function withConfiguredSqlite(adapter: DatabaseAdapterObj, url: string): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const turns = new WriteTurns()
      const db = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & {
        client?: ConfiguredClient
        clientConfig: Config
      }
      const connect = db.connect
      db.connect = async function (this: typeof db, options) {
        if (!this.client) {
          const client = sqliteClient(this.clientConfig, turns)
          await openSqlite(client, url)
          this.client = client
        }
        return connect?.call(this, options)
      }
      oneWriterAtATime(db, turns)
      const destroy = db.destroy
      db.destroy = async function (this: typeof db) {
        // the database file whole after `payload.destroy()` (scripts, tests, a reload in development)
        await this.client?.checkpoint().catch(() => undefined)
        return destroy?.call(this)
      }
      return db
    },
  }
}
