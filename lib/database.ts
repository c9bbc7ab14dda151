import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter, compatibilityOptions } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Payload } from 'payload'

import type { Env } from './env'
import { withConfiguredSqlite } from './sqlite'
import { migrations } from '@/migrations'

/**
 * The database adapter for this environment: MongoDB for a `mongodb://` URI, embedded SQLite
 * otherwise. SQLite never uses Drizzle's dev push: the committed migrations build the schema in
 * every environment (production applies them on start, development and tests in onInit), so a
 * database made in development can later be served in production.
 */
export function databaseAdapter(env: Env): DatabaseAdapterObj {
  if (env.databaseKind === 'mongodb') {
    const adapter = mongooseAdapter({
      url: env.databaseUri,
      // FerretDB (CI's Mongo-wire server) lacks $lookup and index hints: Payload's own
      // compatibility settings for such servers, applied only when asked for.
      ...(env.mongoCompat
        ? {
            useJoinAggregations: false,
            usePipelineInSortLookup: false,
            disableIndexHints: compatibilityOptions.documentdb.disableIndexHints,
          }
        : {}),
    })
    return env.mongoCompat ? withoutProjectedUpdates(adapter) : adapter
  }
  ensureSqliteDirectory(env.databaseUri)
  // WAL, synchronous=NORMAL and a busy timeout on every connection, one write transaction at a
  // time in this process (lib/sqlite.ts; durability: docs/architecture.md, "SQLite connections")
  const adapter = sqliteAdapter({
    client: { url: env.databaseUri },
    push: false,
    migrationDir: path.resolve(process.cwd(), 'migrations'),
    prodMigrations: migrations,
    // Without this, SQLite runs each write outside a transaction.
    transactionOptions: {},
    // ids are never reused: a deleted member's id given to a new account would make the old
    // member's session cookie read as the new one (the sessions also check the member number)
    autoIncrement: true,
  })
  return withConfiguredSqlite(adapter, env.databaseUri)
}

/**
 * FerretDB 1.24 refuses `findAndModify` with a projection ("support for field "fields" … is not
 * implemented yet"), which Payload sends when it counts a failed login (`updateOne` with `select`).
 * For that server only, updates return the whole document instead: a superset of what was
 * selected, read only by Payload's own code. MongoDB itself never goes through this.
 */
function withoutProjectedUpdates(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const updateOne = db.updateOne
      db.updateOne = function (this: typeof db, updateArgs) {
        return updateOne.call(this, { ...updateArgs, select: undefined })
      }
      return db
    },
  }
}

/** libSQL creates the database file but not its folder. */
function ensureSqliteDirectory(uri: string) {
  const file = uri.replace(/^file:/, '')
  if (!file || file === ':memory:') return
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/** Applies committed SQLite migrations outside production (production does it on connect). */
export async function migrateSqliteOutsideProduction(payload: Payload, env: Env) {
  if (env.databaseKind !== 'sqlite' || env.isProduction) return
  // The SQLite adapter's migrate takes the same list as prodMigrations; Payload's base type is looser.
  const migrate = payload.db.migrate as (args: { migrations: typeof migrations }) => Promise<void>
  await migrate.call(payload.db, { migrations })
}
