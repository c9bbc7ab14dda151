#!/usr/bin/env node
/**
 * The production build on MongoDB: seeds a fresh database on MONGODB_URI (demo accounts), starts
 * `next start`, and checks what a person would: the plan over REST and on the home page, the
 * editor's sign-in and their view of drafts, the admin answering. Used by .ci/run with FerretDB.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureBuild, productionEnv, seedDemo, startServer, tail } from './lib/server.mjs'

const base = process.env.MONGODB_URI
if (!base) {
  console.error('Set MONGODB_URI (e.g. mongodb://127.0.0.1:27018/).')
  process.exit(2)
}
const uri = new URL(base)
uri.pathname = `/lodestar_smoke_${Date.now().toString(36)}`
const port = Number(process.env.SMOKE_PORT || 3200)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-smoke-'))
const env = productionEnv(port, uri.toString(), {
  LODESTAR_MONGO_COMPAT: process.env.LODESTAR_MONGO_COMPAT ?? '',
})

ensureBuild()
seedDemo(env)
const server = await startServer({ port, env, logFile: path.join(dir, 'server.log') })
const results = []
const check = async (name, fn) => {
  try {
    await fn()
    results.push([name, true])
    console.log(`  ✓ ${name}`)
  } catch (err) {
    results.push([name, false])
    console.log(`  ✗ ${name}: ${err.message}`)
  }
}
const expect = (cond, message) => {
  if (!cond) throw new Error(message)
}

try {
  await check('anonymous REST lists the published ALCTS plan', async () => {
    const res = await fetch(`${server.url}/api/plans?depth=0`)
    const body = await res.json()
    expect(res.status === 200, `status ${res.status}`)
    expect(
      body.docs.some((p) => p.slug === 'alcts-strategic-plan-2006-2011'),
      'plan missing',
    )
  })
  await check('anonymous REST sees 5 goal areas and 26 objectives', async () => {
    const goals = await (await fetch(`${server.url}/api/goals?limit=0&depth=0`)).json()
    const objectives = await (await fetch(`${server.url}/api/objectives?limit=0&depth=0`)).json()
    expect(
      goals.totalDocs === 5 && objectives.totalDocs === 26,
      `${goals.totalDocs} goals, ${objectives.totalDocs} objectives`,
    )
  })
  await check('the editor signs in and reads all 34 initiatives, drafts included', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.org', password: 'lodestar-demo' }),
    })
    expect(login.status === 200, `login status ${login.status}`)
    const { token } = await login.json()
    const res = await fetch(`${server.url}/api/initiatives?limit=0&depth=0&draft=true`, {
      headers: { authorization: `JWT ${token}` },
    })
    const body = await res.json()
    expect(body.totalDocs === 34, `${body.totalDocs} initiatives`)
  })
  await check('anonymous REST hides drafts and members-only initiatives', async () => {
    const body = await (
      await fetch(`${server.url}/api/initiatives?limit=0&depth=0&draft=true`)
    ).json()
    expect(
      body.docs.every((d) => d.visibility === 'public' && d._status === 'published'),
      'leak',
    )
  })
  await check('the home page shows the plan', async () => {
    const res = await fetch(server.url)
    const html = await res.text()
    expect(res.status === 200, `status ${res.status}`)
    expect(html.includes('ALCTS Strategic Plan 2006-2011'), 'plan title missing from /')
  })
  await check('the admin answers', async () => {
    const res = await fetch(`${server.url}/admin/login`)
    expect(res.status === 200, `status ${res.status}`)
  })
} finally {
  server.stop()
}
const failed = results.filter(([, ok]) => !ok).length
console.log(`${results.length - failed} passed, ${failed} failed`)
if (failed > 0) {
  console.error(tail(server.logFile))
  process.exit(1)
}
