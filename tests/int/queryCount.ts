/** Counting what reaches the database, for the constant-query-count tests. */
import type { Payload } from 'payload'

/** Adapter operations Payload's Local API reads through (each one is one or more queries). */
const ADAPTER_READS = [
  'find',
  'findOne',
  'findDistinct',
  'findGlobal',
  'findVersions',
  'findGlobalVersions',
  'queryDrafts',
  'count',
  'countVersions',
  'countGlobalVersions',
] as const

export interface QueryCount {
  adapterCalls: number
  /** SQL statements sent to SQLite, or operations sent to MongoDB */
  databaseQueries: number
}

/**
 * Runs `fn` and counts what reaches the database: adapter read operations (both adapters) and
 * the statements the driver executes (libSQL's execute/batch, or Mongoose's debug hook).
 */
export async function countQueries(
  payload: Payload,
  fn: () => Promise<unknown>,
): Promise<QueryCount> {
  const count: QueryCount = { adapterCalls: 0, databaseQueries: 0 }
  const db = payload.db as unknown as Record<string, unknown>
  const restore: (() => void)[] = []
  const wrap = (
    target: Record<string, unknown>,
    name: string,
    onCall: (args: unknown[]) => void,
  ) => {
    const original = target[name]
    if (typeof original !== 'function') return
    target[name] = function (this: unknown, ...args: unknown[]) {
      onCall(args)
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
    restore.push(() => {
      target[name] = original
    })
  }
  for (const name of ADAPTER_READS) wrap(db, name, () => (count.adapterCalls += 1))

  const client = db.client as Record<string, unknown> | undefined
  const connection = db.connection as
    { set: (key: string, value: unknown) => void; get: (key: string) => unknown } | undefined
  if (client && typeof client.execute === 'function') {
    const countStatements = (target: Record<string, unknown>) => {
      wrap(target, 'execute', () => (count.databaseQueries += 1))
      wrap(target, 'batch', (args) => {
        count.databaseQueries += Array.isArray(args[0]) ? args[0].length : 1
      })
    }
    countStatements(client)
    // a write's statements run in a transaction of their own (BEGIN and COMMIT counted as one each)
    const transaction = client.transaction
    if (typeof transaction === 'function') {
      client.transaction = async function (this: unknown, ...args: unknown[]) {
        const tx = (await (transaction as (...a: unknown[]) => Promise<unknown>).apply(
          this,
          args,
        )) as Record<string, unknown>
        count.databaseQueries += 1
        wrap(tx, 'commit', () => (count.databaseQueries += 1))
        countStatements(tx)
        return tx
      }
      restore.push(() => {
        client.transaction = transaction
      })
    }
  } else if (connection) {
    const before = connection.get('debug')
    connection.set('debug', () => (count.databaseQueries += 1))
    restore.push(() => connection.set('debug', before ?? false))
  }
  try {
    await fn()
  } finally {
    for (const undo of restore.reverse()) undo()
  }
  return count
}
