/**
 * npm run migrate -- create <name>   writes a SQLite migration for the current collections
 * npm run migrate -- up              applies committed migrations to the database (SQLite)
 * Calls the adapter directly: the `payload` CLI sometimes exits 0 without doing anything
 * (payloadcms/payload#16381). MongoDB needs no schema migrations.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'
import { runScript } from '@/scripts/lib/run'

async function main() {
  const [command, name] = process.argv.slice(2)
  if (command === 'create') {
    if (!name || !/^[a-z0-9_-]+$/i.test(name))
      throw new Error('Usage: npm run migrate -- create <name>')
    // A scratch database: creating a migration compares the collections with the last snapshot.
    process.env.DATABASE_URI = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-migrate-')), 'scratch.db')}`
  } else if (command !== 'up') {
    throw new Error('Usage: npm run migrate -- create <name> | up')
  }
  const { default: config } = await import('@/payload.config')
  const payload = await getPayload({ config })
  if (command === 'create') {
    const dir = path.resolve('migrations')
    const before = new Set(fs.readdirSync(dir))
    await payload.db.createMigration({ migrationName: name!, payload, forceAcceptWarning: true })
    const added = fs.readdirSync(dir).filter((f) => !before.has(f))
    if (added.length === 0) throw new Error('No migration was written (no schema changes?).')
    console.log(`Wrote ${added.join(', ')}`)
  } else {
    await payload.db.migrate()
    console.log('Migrations applied.')
  }
  await payload.destroy()
}

runScript('the migration', main)
