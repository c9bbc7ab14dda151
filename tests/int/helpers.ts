import { getPayload, handleEndpoints, type Payload, type Where } from 'payload'

import { expect } from 'vitest'

import config from '@payload-config'
import { env } from '@/lib/env'
import { seed, SEED_PLAN_SLUG } from '@/lib/seed'

export const DEMO_PASSWORD = 'lodestar-demo'
export const BASE = 'http://localhost:3000'

/** The Payload instance of this test file, on the file's own fresh database (see setup.ts). */
export async function getTestPayload(): Promise<Payload> {
  return getPayload({ config })
}

/** The seed as `npm run seed` runs it, demo accounts included. */
export async function seedDemo(payload: Payload) {
  return seed({ payload, demo: true, demoPassword: DEMO_PASSWORD, log: () => {} })
}

/** The id of the plan seedDemo stores (SEED_PLAN_SLUG): the plan most tests read and change. */
export async function seededPlanId(payload: Payload): Promise<number> {
  const { docs } = await payload.find({
    collection: 'plans',
    where: { slug: { equals: SEED_PLAN_SLUG } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const plan = docs[0]
  if (!plan) throw new Error(`No seeded plan "${SEED_PLAN_SLUG}": call seedDemo first`)
  return plan.id
}

/**
 * Closes the plan's open cycle, if any: the demo history leaves "Annual 2009" open, and a plan has
 * at most one open cycle, so a test that opens its own closes that one first.
 */
export async function closeOpenCycle(payload: Payload, plan: number | string) {
  await payload.update({
    collection: 'cycles',
    where: { and: [{ plan: { equals: plan } }, { state: { equals: 'open' } }] },
    data: { state: 'closed' },
    context: { disableRevalidate: true },
    overrideAccess: true,
  })
}

/**
 * Checks that the email this process sends reaches the Mailpit the tests read (MAILPIT_URL set,
 * so SMTP_URL must point at it: otherwise every test that waits for a message times out instead
 * of saying why). For the email and job tests' beforeAll.
 */
export function expectMailToReachMailpit() {
  expect(env().email.delivery, 'MAILPIT_URL is set, so SMTP_URL must point at it').toBe('smtp')
}

/** The email and job tests' Payload: mail must reach Mailpit, then this file's database, seeded. */
export async function seededPayloadWithMail(): Promise<Payload> {
  expectMailToReachMailpit()
  const payload = await getTestPayload()
  await seedDemo(payload)
  return payload
}

/** Runs `check` while the plan words its objectives as `label` ("Strategy"), then sets it back. */
export async function withObjectiveLabel<T>(
  payload: Payload,
  plan: number | string,
  label: string,
  check: () => Promise<T>,
): Promise<T> {
  const set = (objectiveLabel: string | null) =>
    payload.update({
      collection: 'plans',
      id: plan,
      data: { objectiveLabel },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
  await set(label)
  try {
    return await check()
  } finally {
    await set(null)
  }
}

/** A staff user or member as req.user, the way Payload's auth puts it on a request. */
export async function findPerson(
  payload: Payload,
  collection: 'users' | 'members',
  login: string,
): Promise<Record<string, unknown> & { id: number | string; collection: 'users' | 'members' }> {
  const where: Where =
    collection === 'users' ? { email: { equals: login } } : { username: { equals: login } }
  const found = await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true })
  const doc = found.docs[0]
  if (!doc) throw new Error(`No ${collection} account ${login}`)
  return { ...doc, collection } as Record<string, unknown> & {
    id: number | string
    collection: 'users' | 'members'
  }
}

/** Logs in over REST and returns the JWT for `Authorization: JWT …`. */
export async function loginToken(
  collection: 'users' | 'members',
  login: string,
  password = DEMO_PASSWORD,
) {
  const body = collection === 'users' ? { email: login, password } : { username: login, password }
  const res = await rest('POST', `/api/${collection}/login`, { body })
  if (res.status !== 200)
    throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.json)}`)
  return (res.json as { token: string }).token
}

export interface HttpResult {
  status: number
  json: unknown
  text: string
}

/** Calls Payload's REST API through its real request handler (what app/(payload)/api serves). */
export async function rest(
  method: string,
  pathAndQuery: string,
  options: { token?: string; body?: unknown } = {},
): Promise<HttpResult> {
  const headers = new Headers({ origin: BASE })
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('content-type', 'application/json')
  const request = new Request(`${BASE}${pathAndQuery}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const response = await handleEndpoints({ config, request })
  const text = await response.text()
  const json: unknown = /^\s*[[{]/.test(text) ? JSON.parse(text) : null
  return { status: response.status, json, text }
}

/** Calls Payload's GraphQL API through its real route handler. */
export async function graphql(
  query: string,
  options: { token?: string; variables?: unknown } = {},
) {
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const headers = new Headers({ origin: BASE, 'content-type': 'application/json' })
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  const request = new Request(`${BASE}/api/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  })
  const response = await GRAPHQL_POST(config)(request)
  const text = await response.text()
  return {
    status: response.status,
    json: JSON.parse(text) as { data?: unknown; errors?: { message: string }[] },
    text,
  }
}
