/**
 * Revalidation does only what an edit needs (issue #16, item 3), counted in renders against the
 * production build (scripts/e2e.mjs). Every public page carries the stamp of the render that
 * produced it (`<body data-render>`, app/(frontend)/layout.tsx): a page served from the cache keeps
 * its stamp, a page rendered again gets a new one.
 *
 * - An edit re-renders only the pages that show what changed (lib/data/tags.ts): a new summary
 *   its goal area's page and its section's page; a new status the home page and the plan page too.
 * - A burst of edits re-renders each of those pages once, however many saves it holds and however
 *   many readers ask for the page at the same moment afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEED_PLAN_SLUG } from '@/lib/seed'
import { BASE_URL, DEMO_PASSWORD } from './helpers'

const SLUG = SEED_PLAN_SLUG

type Id = string | number
interface Initiative {
  id: Id
}

let token = ''
async function api<T>(method: string, pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${pathname}`, {
    method,
    headers: {
      authorization: `JWT ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T & { doc?: T }
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(json)}`)
  return (json.doc ?? json) as T
}

/** The page and the stamp of the render that produced it. */
async function page(pathname: string): Promise<{ html: string; render: string }> {
  const res = await fetch(`${BASE_URL}${pathname}`)
  expect(res.status, pathname).toBe(200)
  const html = await res.text()
  const render = /<body[^>]* data-render="([^"]+)"/.exec(html)?.[1]
  expect(render, `${pathname} has no render stamp`).toBeTruthy()
  return { html, render: render ?? '' }
}

/** Each page's render stamp, after making sure it is cached (a second request is a HIT). */
async function cachedStamps(pages: string[]): Promise<Map<string, string>> {
  const stamps = new Map<string, string>()
  for (const p of pages) {
    await page(p)
    const again = await page(p)
    stamps.set(p, again.render)
  }
  return stamps
}

/** The pages whose render stamp changed since `before` (each read once, in order). */
async function rerendered(before: Map<string, string>): Promise<string[]> {
  const changed: string[] = []
  for (const [p, stamp] of before) if ((await page(p)).render !== stamp) changed.push(p)
  return changed
}

let initiative: Initiative
let goalPage = ''
let sectionPage = ''
let pages: string[] = []

beforeAll(async () => {
  const res = await fetch(`${BASE_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.org', password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  token = ((await res.json()) as { token: string }).token

  const plan = (
    await api<{ docs: { id: Id }[] }>('GET', `/plans?where[slug][equals]=${SLUG}&depth=0`)
  ).docs[0]
  const goals = (
    await api<{ docs: { id: Id; number: number }[] }>(
      'GET',
      `/goals?where[plan][equals]=${plan?.id}&pagination=false&depth=0`,
    )
  ).docs
  const objectives = (
    await api<{ docs: { id: Id; goal: Id }[] }>(
      'GET',
      `/objectives?where[plan][equals]=${plan?.id}&pagination=false&depth=0`,
    )
  ).docs
  const sections = (
    await api<{ docs: { id: Id; slug: string }[] }>('GET', '/sections?pagination=false&depth=0')
  ).docs
  // an initiative of this test's own, published, public and in progress, serving Goal Area 2
  const goal = 2
  const objective = objectives.find((o) => o.goal === goals.find((g) => g.number === goal)?.id)
  const section = sections[0]
  initiative = await api<Initiative>('POST', '/initiatives', {
    title: `Revalidation test initiative ${Date.now()}`,
    summary: 'First summary.',
    section: section?.id,
    objectives: [objective?.id],
    status: 'in-progress',
    visibility: 'public',
    progress: 10,
    _status: 'published',
  })
  goalPage = `/plans/${SLUG}/goals/${goal}`
  sectionPage = `/sections/${section?.slug}`
  const otherGoal = goals.find((g) => g.number !== goal)?.number
  const otherSection = sections.find((s) => s !== section)?.slug
  pages = [
    '/',
    `/plans/${SLUG}`,
    goalPage,
    `/plans/${SLUG}/goals/${otherGoal}`,
    sectionPage,
    `/sections/${otherSection}`,
  ]
})

afterAll(async () => {
  if (initiative) await api('DELETE', `/initiatives/${initiative.id}`)
})

describe('revalidation that does only what an edit needs', () => {
  it('a new summary re-renders its goal area’s page and its section’s page, nothing else', async () => {
    const before = await cachedStamps(pages)
    const summary = `Summary edited ${Date.now()}`
    await api('PATCH', `/initiatives/${initiative.id}`, { summary })
    expect(await rerendered(before)).toEqual([goalPage, sectionPage])
    expect((await page(goalPage)).html).toContain(summary)
    expect((await page(sectionPage)).html).toContain(summary)
  })

  it('a new status, which the counts show, re-renders the home page and the plan page too', async () => {
    const before = await cachedStamps(pages)
    await api('PATCH', `/initiatives/${initiative.id}`, { status: 'deferred' })
    expect(await rerendered(before)).toEqual(['/', `/plans/${SLUG}`, goalPage, sectionPage])
    await api('PATCH', `/initiatives/${initiative.id}`, { status: 'in-progress' })
  })

  it('a burst of edits re-renders each page once, for every reader at once', async () => {
    const before = await cachedStamps(pages)
    const saves = 12
    let summary = ''
    for (let i = 1; i <= saves; i++) {
      summary = `Burst ${i} of ${saves} ${Date.now()}`
      await api('PATCH', `/initiatives/${initiative.id}`, { summary })
    }
    // eight readers ask for each changed page at the same moment: one render serves them all
    for (const p of [goalPage, sectionPage]) {
      const readers = await Promise.all(Array.from({ length: 8 }, () => page(p)))
      const renders = new Set(readers.map((r) => r.render))
      expect(renders.size, `${p}: renders for ${saves} saves and 8 readers`).toBe(1)
      expect([...renders][0]).not.toBe(before.get(p))
      for (const r of readers) expect(r.html).toContain(summary)
      // and it stays cached
      expect((await page(p)).render).toBe([...renders][0])
    }
    // the pages that do not show the summary were not rendered at all
    for (const p of pages.filter((p) => p !== goalPage && p !== sectionPage)) {
      expect((await page(p)).render, p).toBe(before.get(p))
    }
  })
})
