/**
 * Runs before each integration test file: gives the file a fresh database of its own.
 * SQLite: a new temp file, removed with its folder after the file's tests (in WAL mode a -wal and
 * a -shm sit beside it, the -wal emptied by the checkpoint on destroy). MongoDB (MONGODB_URI set): a new database name
 * on that server.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll } from 'vitest'

const id = `${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`
const mongo = process.env.MONGODB_URI?.trim()
if (mongo) {
  const url = new URL(mongo)
  url.pathname = `/lodestar_test_${id}`
  process.env.DATABASE_URI = url.toString()
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-int-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  // after the file's own afterAll (hooks run last-registered first), which destroys its Payload
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
}
process.env.LODESTAR_AUTOSEED = 'false'
process.env.PAYLOAD_SECRET ||= 'lodestar-integration-test-secret'
