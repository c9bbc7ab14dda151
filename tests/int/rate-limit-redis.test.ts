/**
 * Issue 17: with REDIS_URL the sign-in limits live in Redis (a real redis-server started here), so
 * every instance counts against one limit; while Redis is away each instance falls back to its own
 * memory (never unlimited, never shut), and uses Redis again once it is back. Sign-ins go through
 * Payload's real REST handler; "another instance" is a second limiter store built the way
 * lib/security/rateLimit.ts builds one in each process, on the same Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import config from '@payload-config'
import { sharedRedis } from '@/lib/redis/connection.mjs'
import { AUTH_LIMIT_POLICIES, REDIS_KEY_PREFIX, limiterStore } from '@/lib/security/rateLimit'
import { BASE, DEMO_PASSWORD, getTestPayload } from './helpers'

let payload: Payload
let redis: ChildProcess | undefined
let redisPort = 0
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-redis-'))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function startRedis() {
  redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--dir', redisDir],
    { stdio: 'ignore' },
  )
  let failed: Error | undefined
  redis.once('error', (err) => (failed = err))
  await until(() => {
    if (failed)
      throw new Error(
        `redis-server did not start (Debian: apt-get install redis-server): ${failed.message}`,
      )
    return sharedRedis()?.isReady() === true
  }, 'Redis ready')
}

async function stopRedis() {
  const child = redis
  redis = undefined
  if (!child || child.exitCode != null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  await until(() => sharedRedis()?.isReady() === false, 'the client to notice Redis is gone')
}

async function until(ok: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`)
    await sleep(50)
  }
}

let clientSeq = 0
/** A fresh client address (TEST-NET-3), so each test has its own per-client counts. */
const newClient = () => `203.0.113.${(clientSeq += 1)}`

async function signIn(username: string, password: string, client: string) {
  const response = await handleEndpoints({
    config,
    request: new Request(`${BASE}/api/members/login`, {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ username, password }),
    }),
  })
  await response.text()
  return { status: response.status, retryAfter: response.headers.get('retry-after') }
}

let numberSeq = 910000
async function newMember() {
  numberSeq += 1
  const username = String(numberSeq)
  await payload.create({
    collection: 'members',
    data: {
      username,
      name: `Redis Member ${username}`,
      roles: ['member'],
      membershipExpires: '2099-12-31',
      active: true,
      password: DEMO_PASSWORD,
    },
    overrideAccess: true,
  })
  return username
}

beforeAll(async () => {
  redisPort = await freePort()
  // before the first limiter is built: this process's limits and cache use this Redis
  process.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`
  payload = await getTestPayload()
  await startRedis()
})

afterAll(async () => {
  await sharedRedis()?.client.close()
  await stopRedis().catch(() => {})
  await payload?.destroy()
  fs.rmSync(redisDir, { recursive: true, force: true })
})

const policy = AUTH_LIMIT_POLICIES.signInByAccountAndClient

describe('sign-in limits shared through Redis', () => {
  it('failures counted by this instance and another add up to one limit', async () => {
    const username = await newMember()
    const client = newClient()
    const key = `${username}|${client}`
    for (let i = 0; i < 3; i += 1)
      expect((await signIn(username, `wrong-${i}`, client)).status).toBe(401)

    // the count is in Redis, under the policy's key
    const stored = await sharedRedis()!.client.get(`${REDIS_KEY_PREFIX}${policy.name}:${key}`)
    expect(stored).toBe('3')

    // another instance (its own limiter store, its own memory) sees the same count and adds two
    const other = limiterStore(policy)
    expect((await other.get(key))?.consumedPoints).toBe(3)
    await other.consume(key)
    await other.consume(key)

    // five in all: this instance refuses the next one, the right password included
    const refused = await signIn(username, DEMO_PASSWORD, client)
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(14 * 60)
    // and the other instance refuses it too
    await expect(other.consume(key)).rejects.toMatchObject({ remainingPoints: 0 })
    // a different client still gets in
    expect((await signIn(username, DEMO_PASSWORD, newClient())).status).toBe(200)
  })

  it('a forgot-password request for one login counts over every instance too', async () => {
    const username = await newMember()
    const ask = async () => {
      const response = await handleEndpoints({
        config,
        request: new Request(`${BASE}/api/members/forgot-password`, {
          method: 'POST',
          headers: {
            origin: BASE,
            'content-type': 'application/json',
            'x-forwarded-for': newClient(),
          },
          body: JSON.stringify({ username }),
        }),
      })
      await response.text()
      return { status: response.status, retryAfter: response.headers.get('retry-after') }
    }
    expect((await ask()).status).toBe(200)
    // the request is recorded in Redis, where another instance's throttle finds it
    const resetPolicy = AUTH_LIMIT_POLICIES.resetByLogin
    const other = limiterStore(resetPolicy)
    expect((await other.get(`members|${username}`))?.consumedPoints).toBe(1)
    await expect(other.consume(`members|${username}`)).rejects.toMatchObject({ remainingPoints: 0 })
    const again = await ask()
    expect(again.status).toBe(429)
    expect(Number(again.retryAfter)).toBeGreaterThan(0)
    expect(Number(again.retryAfter)).toBeLessThanOrEqual(resetPolicy.windowSeconds)
  })

  it('Redis away: limits still hold per instance; Redis back: shared again', async () => {
    const username = await newMember()
    await stopRedis()
    const client = newClient()
    const statuses: number[] = []
    for (let i = 0; i < 6; i += 1)
      statuses.push((await signIn(username, `wrong-${i}`, client)).status)
    // never a 500, never unlimited: the in-memory insurance counts while Redis is away
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect((await signIn(username, DEMO_PASSWORD, newClient())).status).toBe(200)

    await startRedis()
    const later = newClient()
    expect((await signIn(username, 'wrong-again', later)).status).toBe(401)
    const stored = await sharedRedis()!.client.get(
      `${REDIS_KEY_PREFIX}${policy.name}:${username}|${later}`,
    )
    expect(stored).toBe('1')
  })
})
