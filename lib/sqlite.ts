import { createClient, type Client, type Config, type TransactionMode } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * How long a write waits for another process's write (`npm run jobs` beside the web server, a
 * script) before SQLite answers SQLITE_BUSY. libSQL's client is synchronous, so the wait blocks
 * this process's event loop: it is meant for the short writes of another process.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000
/** How long a write transaction waits for this process's earlier ones (the event loop stays free). */
export const SQLITE_WRITE_QUEUE_TIMEOUT_MS = 30_000
/** The size the WAL file is cut back to after a checkpoint (Payload's default, 64 MiB). */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

/** A libSQL client whose `configure` sets this module's PRAGMAs on the connection it uses next. */
export type ConfiguredClient = Client & { configure: () => Promise<void> }

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
 */
export function sqliteClient(config: Config): ConfiguredClient {
  const client = createClient(config)
  // the unwrapped execute: connection settings are not the application's statements
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
  return Object.assign(client, { configure })
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
 * One write transaction at a time in this process, the others waiting their turn without blocking
 * the event loop. SQLite takes one writer at a time; a second transaction begun here while the
 * first is open met its lock on another of the client's connections and failed at once with
 * SQLITE_BUSY (before: two editors saving at the same moment, one got a 500), and with a busy
 * timeout it would block the event loop the first one needs to finish, for the whole timeout.
 */
export function oneWriterAtATime(db: Transactions): void {
  const begin = db.beginTransaction.bind(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  const turns = new Map<TransactionID, () => void>()
  let last: Promise<void> = Promise.resolve()

  db.beginTransaction = async (options) => {
    let release!: () => void
    const mine = new Promise<void>((resolve) => (release = resolve))
    const before = last
    last = before.then(() => mine)
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        before,
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `SQLITE_BUSY: waited ${SQLITE_WRITE_QUEUE_TIMEOUT_MS} ms for this process's other write transactions`,
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
    try {
      const id = await begin(options)
      if (id === null) release()
      else turns.set(id, release)
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
        turns.get(id)?.()
        turns.delete(id)
      }
    }
  db.commitTransaction = ending(commit)
  db.rollbackTransaction = ending(rollback)
}

/**
 * The SQLite adapter with the client above and one writer at a time: its `connect` finds the
 * client made (so it skips its own first-connection PRAGMAs) and goes on (Drizzle, migrations).
 */
export function withConfiguredSqlite(adapter: DatabaseAdapterObj, url: string): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & {
        client?: Client
        clientConfig: Config
      }
      const connect = db.connect
      db.connect = async function (this: typeof db, options) {
        if (!this.client) {
          const client = sqliteClient(this.clientConfig)
          await openSqlite(client, url)
          this.client = client
        }
        return connect?.call(this, options)
      }
      oneWriterAtATime(db)
      return db
    },
  }
}
