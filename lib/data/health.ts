import 'server-only'

import { getPayloadClient } from './payload'

/** How long the database has to answer a health check before it counts as down. */
export const DATABASE_TIMEOUT_MS = 2_000

export type DatabaseHealth = { up: true } | { up: false; reason: string }

/** The two adapters' own handles, as far as a ping needs them. */
interface AdapterHandles {
  name: string
  /** MongoDB: the mongoose connection */
  connection?: { db?: { command(command: Record<string, unknown>): Promise<unknown> } }
  /** SQLite: the libSQL client */
  client?: { execute(sql: string): Promise<unknown> }
}

/**
 * Whether the database answers a trivial command (`ping` on MongoDB, `select 1` on SQLite)
 * within DATABASE_TIMEOUT_MS, including Payload's start-up when this is the first request.
 */
export async function checkDatabase(): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the database did not answer within ${DATABASE_TIMEOUT_MS / 1000} s`)),
      DATABASE_TIMEOUT_MS,
    )
  })
  try {
    await Promise.race([ping(), timeout])
    return { up: true }
  } catch (err) {
    return { up: false, reason: err instanceof Error ? err.message : String(err) }
  } finally {
    clearTimeout(timer)
  }
}

async function ping(): Promise<void> {
  const payload = await getPayloadClient()
  const db = payload.db as unknown as AdapterHandles
  if (db.connection) {
    if (!db.connection.db) throw new Error('the database connection is not open')
    await db.connection.db.command({ ping: 1 })
  } else if (db.client) {
    await db.client.execute('select 1')
  } else {
    throw new Error(`no health check for the ${db.name} adapter`)
  }
}
