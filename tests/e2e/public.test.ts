/**
 * The public plan pages over HTTP against the production build (scripts/e2e.mjs): content, what
 * never shows, 404s, PDF, sitemap — and that changes made as the editor over Payload's REST API
 * (the admin's own API) show on the very next request, with no rebuild.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parsePlanText } from '@/lib/import/text'
import { SEED_PLAN_FILE, SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { BASE_URL, DEMO_PASSWORD } from './helpers'

const SLUG = SEED_PLAN_SLUG
const published = parsePlanText(fs.readFileSync(path.resolve(SEED_PLAN_FILE), 'utf8')).plan
const OBJECTIVES = published.goals.flatMap((g) =>
  g.objectives.map((o) => ({ goal: g.number, code: `${g.number}.${o.number}`, text: o.text })),
)
const HIDDEN = SAMPLE_INITIATIVES.filter((i) => i.visibility === 'members' || i.draft).map(
  (i) => i.title,
)
const ACTIVE = new Set(['planned', 'in-progress', 'completed'])

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
/** What a reader sees: scripts (the RSC payload), styles and tags removed. */
const visibleText = (html: string) =>
  squash(
    decode(
      html
        .replace(/<script[\s\S]*?<\/script>/g, ' ')
        .replace(/<style[\s\S]*?<\/style>/g, ' ')
        .replace(/<!-- -->/g, '')
        .replace(/<[^>]+>/g, ' '),
    ),
  )
    .replace(/ ([.,;:)])/g, '$1')
    .replace(/\( /g, '(')

interface Fetched {
  status: number
  html: string
  text: string
  headers: Headers
}

async function get(pathname: string, init: RequestInit = {}): Promise<Fetched> {
  const res = await fetch(`${BASE_URL}${pathname}`, { redirect: 'manual', ...init })
  const html = await res.text()
  return { status: res.status, html, text: visibleText(html), headers: res.headers }
}

async function getPdfText(pathname: string) {
  const res = await fetch(`${BASE_URL}${pathname}`)
  expect(res.status).toBe(200)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-public-pdf-'))
  const file = path.join(dir, 'plan.pdf')
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return {
    res,
    file,
    text: squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })),
    layout: squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })),
    pages: Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
    ),
  }
}

type Id = string | number
interface Doc {
  id: Id
  [key: string]: unknown
}

let token = ''
async function api<T = Doc>(method: string, pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${pathname}`, {
    method,
    headers: {
      authorization: `JWT ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await res.json()) as T & { doc?: T; errors?: unknown }
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(json)}`)
  return (json.doc ?? json) as T
}

/** What the public may read, straight from Payload's REST API (an oracle independent of lib/data). */
async function publicInitiatives(planId: Id) {
  const res = await fetch(
    `${BASE_URL}/api/initiatives?pagination=false&depth=0&where[plan][equals]=${planId}`,
  )
  expect(res.status).toBe(200)
  return ((await res.json()) as { docs: { title: string; status: string; objectives: Id[] }[] })
    .docs
}

let plan: Doc
const objectiveIds = new Map<string, Id>()
const goalIds = new Map<number, Id>()

beforeAll(async () => {
  const res = await fetch(`${BASE_URL}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.org', password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  token = ((await res.json()) as { token: string }).token
  const plans = await api<{ docs: Doc[] }>('GET', `/plans?where[slug][equals]=${SLUG}&depth=0`)
  plan = plans.docs[0] as Doc
  const objectives = await api<{ docs: { id: Id; code: string }[] }>(
    'GET',
    `/objectives?where[plan][equals]=${plan.id}&pagination=false&depth=0`,
  )
  for (const o of objectives.docs) objectiveIds.set(o.code, o.id)
  const goals = await api<{ docs: { id: Id; number: number }[] }>(
    'GET',
    `/goals?where[plan][equals]=${plan.id}&pagination=false&depth=0`,
  )
  for (const g of goals.docs) goalIds.set(g.number, g.id)
})

describe('the plan page', () => {
  it('shows every goal area title and all 26 objectives with their codes', async () => {
    const page = await get(`/plans/${SLUG}`)
    expect(page.status).toBe(200)
    expect(OBJECTIVES).toHaveLength(26)
    expect(page.html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(page.text).toContain(published.title)
    for (const goal of published.goals) {
      expect(page.text).toContain(`Goal Area ${goal.number}. ${squash(goal.title)}`)
    }
    for (const o of OBJECTIVES) expect(page.text).toContain(`${o.code} ${squash(o.text)}`)
    for (const part of ['Preamble', 'Vision', 'Mission']) expect(page.text).toContain(part)
    expect(page.text).toContain(squash(published.mission[0] ?? ''))
    expect(page.html).toContain(`href="/plans/${SLUG}/plan.pdf"`)
    expect(page.text).toContain('Download PDF')
    expect(page.text).toMatch(/Last revised [A-Z][a-z]+ \d{1,2}, \d{4}/)
  })

  it('gives beside each objective its number of public active initiatives, linked to the goal page', async () => {
    const initiatives = await publicInitiatives(plan.id)
    const page = await get(`/plans/${SLUG}`)
    let covered = 0
    for (const o of OBJECTIVES) {
      const id = String(objectiveIds.get(o.code))
      const n = initiatives.filter(
        (i) => ACTIVE.has(i.status) && i.objectives.map(String).includes(id),
      ).length
      if (n > 0) covered += 1
      const anchor = `objective-${o.code.replace('.', '-')}`
      const item = new RegExp(`<li[^>]*id="${anchor}"[\\s\\S]*?</li>`).exec(page.html)?.[0] ?? ''
      expect(item, o.code).toContain(`href="/plans/${SLUG}/goals/${o.goal}#${anchor}"`)
      const label =
        n === 0 ? 'No active initiatives yet' : `${n} active initiative${n === 1 ? '' : 's'}`
      expect(visibleText(item), o.code).toContain(`${label} for objective ${o.code}`)
    }
    expect(page.text).toContain(`${covered} of 26 objectives have active initiatives`)
  })

  it('carries a title, description, canonical address and Open Graph tags', async () => {
    const page = await get(`/plans/${SLUG}`)
    expect(page.html).toMatch(/<title>ALCTS Strategic Plan 2006-2011 · Lodestar<\/title>/)
    expect(page.html).toMatch(/<meta name="description" content="[^"]{40,}"/)
    expect(page.html).toContain(`<link rel="canonical" href="${BASE_URL}/plans/${SLUG}"`)
    expect(page.html).toContain(`<meta property="og:url" content="${BASE_URL}/plans/${SLUG}"`)
    expect(page.html).toMatch(/<meta property="og:title" content="ALCTS Strategic Plan/)
  })

  it("names the site's icon, which is served (a browser tab shows it; no 404 for /favicon.ico)", async () => {
    const page = await get(`/plans/${SLUG}`)
    const href = page.html.match(/<link rel="icon" href="([^"]+)"[^>]*type="image\/svg\+xml"/)?.[1]
    expect(href, 'a <link rel="icon"> to an SVG').toBeDefined()
    const icon = await fetch(new URL(href!.replaceAll('&amp;', '&'), BASE_URL))
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(await icon.text()).toContain('<title>Lodestar</title>')
  })
})

describe('the home page', () => {
  it('presents the organization, the current plan with its coverage, and the sections', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.html.match(/<h1[\s>]/g)).toHaveLength(1)
    // the current plan, as Payload's REST API tells the public (another test may add plans)
    const res = await fetch(`${BASE_URL}/api/plans?where[current][equals]=true&depth=0`)
    const current = ((await res.json()) as { docs: { slug: string; title: string }[] }).docs[0]
    expect(page.html).toContain(`href="/plans/${SLUG}"`)
    if (current?.slug === SLUG) {
      expect(page.text).toContain('Association for Library Collections and Technical Services')
      expect(page.text).toContain(`Current plan ${published.title}`)
      expect(page.text).toContain('Period 2006–2011')
      expect(page.text).toContain('Adopted June 2006 by ALCTS Executive Board, New Orleans')
      expect(page.text).toMatch(/Coverage \d+ of 26 objectives have active initiatives/)
      for (const goal of published.goals) {
        expect(page.html).toContain(`href="/plans/${SLUG}/goals/${goal.number}"`)
      }
    } else {
      expect(page.text).toContain(current?.title ?? 'No strategic plan has been published yet')
    }
    for (const section of ['acquisitions', 'cataloging', 'serials']) {
      expect(page.html).toContain(`href="/sections/${section}"`)
    }
    expect(page.text).toContain('Earlier and later plans')
  })
})

describe('goal area pages', () => {
  it('list under each objective the public initiatives serving it, with previous/next goal areas', async () => {
    const initiatives = await publicInitiatives(plan.id)
    for (const goal of published.goals) {
      const page = await get(`/plans/${SLUG}/goals/${goal.number}`)
      expect(page.status, `goal ${goal.number}`).toBe(200)
      expect(page.html.match(/<h1[\s>]/g)).toHaveLength(1)
      expect(page.text).toContain(`Goal Area ${goal.number}. ${squash(goal.title)}`)
      const own = OBJECTIVES.filter((o) => o.goal === goal.number)
      for (const o of own) {
        expect(page.html).toContain(`id="objective-${o.code.replace('.', '-')}"`)
        expect(page.text).toContain(`${o.code} ${squash(o.text)}`)
        const id = String(objectiveIds.get(o.code))
        for (const i of initiatives.filter((x) => x.objectives.map(String).includes(id))) {
          expect(page.text).toContain(i.title)
        }
      }
      for (const hidden of HIDDEN) expect(page.html).not.toContain(hidden)
      const hasPrevious = goal.number > 1
      const hasNext = goal.number < published.goals.length
      expect(page.html.includes(`href="/plans/${SLUG}/goals/${goal.number - 1}"`)).toBe(hasPrevious)
      expect(page.html.includes(`href="/plans/${SLUG}/goals/${goal.number + 1}"`)).toBe(hasNext)
    }
    // a sample public initiative with its facts
    const goal1 = await get(`/plans/${SLUG}/goals/1`)
    expect(goal1.text).toContain('E-resource acquisitions workflow survey (sample)')
    expect(goal1.text).toMatch(
      /E-resource acquisitions workflow survey \(sample\) Section Acquisitions Section Status In progress Target date June 30, 2008 Progress 60% complete/,
    )
  })
})

describe('section pages', () => {
  it("show a section's public initiatives by goal area and objective, nothing else", async () => {
    for (const slug of ['acquisitions', 'cataloging', 'collections', 'serials']) {
      const page = await get(`/sections/${slug}`)
      expect(page.status, slug).toBe(200)
      expect(page.html.match(/<h1[\s>]/g)).toHaveLength(1)
      const own = SAMPLE_INITIATIVES.filter((i) => i.section === slug)
      for (const i of own.filter((x) => x.visibility === 'public' && !x.draft)) {
        expect(page.text, `${slug}: ${i.title}`).toContain(i.title)
        for (const code of i.objectives) {
          const o = OBJECTIVES.find((x) => x.code === code)
          expect(page.text).toContain(`${code} ${squash(o?.text ?? '')}`)
        }
      }
      for (const hidden of HIDDEN) expect(page.html).not.toContain(hidden)
    }
  })
})

describe('what the public never sees', () => {
  it('no members-only or draft initiative appears in any public page, the sitemap or the PDF', async () => {
    const paths = [
      '/',
      `/plans/${SLUG}`,
      ...published.goals.map((g) => `/plans/${SLUG}/goals/${g.number}`),
      ...[
        'acquisitions',
        'cataloging',
        'council-of-regional-groups',
        'collections',
        'preservation',
        'serials',
      ].map((s) => `/sections/${s}`),
      '/sitemap.xml',
    ]
    expect(HIDDEN.length).toBeGreaterThan(5)
    for (const p of paths) {
      const page = await get(p)
      expect(page.status, p).toBe(200)
      for (const hidden of HIDDEN) expect(page.html, `${p} shows ${hidden}`).not.toContain(hidden)
      expect(page.html).not.toContain('Rapid-response forum')
    }
    const pdf = await getPdfText(`/plans/${SLUG}/plan.pdf`)
    for (const hidden of HIDDEN) expect(pdf.text).not.toContain(hidden)
  })

  it('answers 404 with a helpful page for unknown plans, goal areas and sections', async () => {
    for (const p of [
      '/plans/no-such-plan',
      '/plans/NOT_A_SLUG',
      '/plans/no-such-plan/goals/1',
      `/plans/${SLUG}/goals/6`,
      `/plans/${SLUG}/goals/0`,
      `/plans/${SLUG}/goals/abc`,
      `/plans/${SLUG}/goals/1.5`,
      `/plans/${SLUG}/goals/01`,
      '/sections/no-such-section',
      '/plans',
      '/no-such-page/at/all',
    ]) {
      for (const attempt of ['first', 'cached']) {
        const page = await get(p)
        expect(page.status, `${p} (${attempt})`).toBe(404)
        expect(page.html).toContain('<meta name="robots" content="noindex"/>')
        // the helpful text is in the HTML itself (readable without JavaScript), not only in the
        // inline RSC payload, and inside the site's own layout
        expect(page.html, p).not.toContain('__next_error__')
        expect(page.text, p).toContain('Page not found')
        expect(page.text, p).toContain('Where to go from here')
        expect(page.text, p).toContain('Skip to content')
        expect(page.html.match(/<h1[\s>]/g), p).toHaveLength(1)
      }
    }
    const pdf = await get('/plans/no-such-plan/plan.pdf')
    expect(pdf.status).toBe(404)
    expect(pdf.headers.get('content-type')).toMatch(/^text\/plain/)
  })

  it('treats a draft plan as unknown: no page, no PDF, not in the sitemap', async () => {
    const draft = await api('POST', '/plans?draft=true', {
      title: 'E2E Draft Plan 2031–2035',
      slug: 'e2e-draft-plan',
      organization: 'E2E',
      startYear: 2031,
      endYear: 2035,
      _status: 'draft',
    })
    try {
      expect((await get('/plans/e2e-draft-plan')).status).toBe(404)
      expect((await get('/plans/e2e-draft-plan/plan.pdf')).status).toBe(404)
      expect((await get('/sitemap.xml')).html).not.toContain('e2e-draft-plan')
      expect((await get('/')).html).not.toContain('E2E Draft Plan')
    } finally {
      await api('DELETE', `/plans/${draft.id}`)
    }
  })
})

describe('the plan PDF', () => {
  it('is the published plan with every objective code and text, as extractable text', async () => {
    const pdf = await getPdfText(`/plans/${SLUG}/plan.pdf`)
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.res.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}.pdf"`)
    expect(pdf.res.headers.get('cache-control')).toContain('no-cache')
    expect(pdf.text).toContain(published.title)
    for (const goal of published.goals) expect(pdf.text).toContain(squash(goal.title))
    for (const o of OBJECTIVES) {
      expect(pdf.layout, o.code).toMatch(new RegExp(`(^| )${o.code.replace('.', '\\.')} `))
      expect(pdf.text, o.code).toContain(squash(o.text))
    }
    expect(pdf.pages).toBeGreaterThanOrEqual(2)
    expect(pdf.pages).toBeLessThanOrEqual(8)
    // every page carries the footer, not only the first
    for (let n = 1; n <= pdf.pages; n += 1) {
      const page = squash(
        execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf.file, '-'], {
          encoding: 'utf8',
        }),
      )
      expect(page, `page ${n}`).toContain(`Page ${n} of ${pdf.pages}`)
    }
    fs.mkdirSync('test-results/e2e', { recursive: true })
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-l',
      '2',
      pdf.file,
      'test-results/e2e/public-plan-pdf',
    ])

    const etag = pdf.res.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await fetch(`${BASE_URL}/plans/${SLUG}/plan.pdf`, {
      headers: { 'if-none-match': etag ?? '' },
    })
    expect(again.status).toBe(304)
  })
})

describe('static generation', () => {
  const pages = [
    '/',
    `/plans/${SLUG}`,
    `/plans/${SLUG}/goals/3`,
    '/sections/serials',
    '/plans/no-such-plan',
  ]

  it('serves the public pages from the cache after their first request, the same to everyone', async () => {
    for (const p of pages) await get(p)
    for (const p of pages) {
      const again = await get(p)
      expect(again.headers.get('x-nextjs-cache'), p).toBe('HIT')
      expect(again.headers.get('x-nextjs-prerender'), p).toBe('1')
      // a shared cache (a CDN) may keep a page ten minutes at most, as the server itself does
      // for changes nothing expires (lib/data/tags.ts, PUBLIC_REVALIDATE_SECONDS)
      expect(again.headers.get('cache-control'), p).toMatch(/(^|[ ,])s-maxage=600([ ,]|$)/)
    }
    // a signed-in editor gets the very same cached page: nothing on it depends on who asks
    const anonymous = await get(`/plans/${SLUG}`)
    const editor = await get(`/plans/${SLUG}`, { headers: { authorization: `JWT ${token}` } })
    expect(editor.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(editor.html).toBe(anonymous.html)
    expect(editor.html).not.toContain('Emery Editor')
    // the account slot is left to the browser: a sign-in link until it knows better
    expect(anonymous.html).toMatch(/<a [^>]*href="\/login"[^>]*>Sign in<\/a><noscript><style>/)
  })

  it('sends a cached page as it was stored: no hash of it per request, no data beside its markup', async () => {
    await get(`/plans/${SLUG}`)
    const page = await get(`/plans/${SLUG}`)
    expect(page.headers.get('x-nextjs-cache')).toBe('HIT')
    // Next would hash the whole page for an ETag on every request: the largest cost of serving
    // it from the cache (bench/public-pages/README.md), turned off in next.config.mjs
    expect(page.headers.get('etag')).toBeNull()
    // The inline RSC payload is the page's own markup. Records handed to a client component
    // whole would follow it there: rich text as Lexical JSON, the coverage bundle, Payload's fields.
    const payload = [...page.html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)]
      .map((m) => m[1] ?? '')
      .join('')
    // the markup is there (the pattern above found the payload) …
    expect(payload).toMatch(/\\"children\\":\\"ALCTS Strategic Plan 2006-2011\\"/)
    // … and none of the records it was made from
    for (const field of ['root', 'objectiveCoverage', 'updatedAt', '_status', 'createdAt'])
      expect(payload, field).not.toMatch(new RegExp(`\\\\"${field}\\\\":`))
    // 54.9 KiB today (bench/public-pages): a page that doubles has started carrying something
    expect(Buffer.byteLength(page.html)).toBeLessThan(64 * 1024)
  })

  it('tells the header who is signed in through /api/viewer, never cached', async () => {
    const nobody = await fetch(`${BASE_URL}/api/viewer`)
    expect(nobody.status).toBe(200)
    expect(nobody.headers.get('cache-control')).toContain('no-store')
    expect(await nobody.json()).toBeNull()
    const editor = await fetch(`${BASE_URL}/api/viewer`, {
      headers: { authorization: `JWT ${token}` },
    })
    expect(editor.headers.get('cache-control')).toContain('no-store')
    expect(await editor.json()).toEqual({ name: 'Emery Editor', kind: 'staff', isBoard: false })
  })
})

describe('sitemap and robots', () => {
  it('lists the published plan, its goal areas and the sections', async () => {
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.status).toBe(200)
    expect(sitemap.html).toContain(`<loc>${BASE_URL}/plans/${SLUG}</loc>`)
    expect(sitemap.html).toContain(`<loc>${BASE_URL}/plans/${SLUG}/goals/5</loc>`)
    expect(sitemap.html).toContain(`<loc>${BASE_URL}/sections/serials</loc>`)
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.html).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`)
    expect(robots.html).toContain('Disallow: /admin')
  })
})

describe('always current: editor changes show on the next request, without a rebuild', () => {
  const title = `E2E public initiative ${Date.now()}`
  let initiative: Doc | undefined

  afterAll(async () => {
    if (initiative) await api('DELETE', `/initiatives/${initiative.id}`)
    await api('PATCH', `/plans/${plan.id}`, { _status: 'published' })
  })

  it('an initiative appears when published, follows edits, and disappears when unpublished', async () => {
    const goalPage = `/plans/${SLUG}/goals/1`
    const objective = objectiveIds.get('1.4')
    const sections = await api<{ docs: Doc[] }>('GET', '/sections?where[slug][equals]=preservation')
    const section = sections.docs[0] as Doc
    const countFor14 = async () => {
      const html = (await get(`/plans/${SLUG}`)).html
      return visibleText(/<li[^>]*id="objective-1-4"[\s\S]*?<\/li>/.exec(html)?.[0] ?? '')
    }
    // warm the caches first, so the test sees a cached page being refreshed
    expect((await get(goalPage)).text).not.toContain(title)
    expect((await get(goalPage)).headers.get('x-nextjs-cache')).toBe('HIT')
    expect(await countFor14()).toContain('No active initiatives yet')
    const coverage = /(\d+) of 26 objectives have active initiatives/.exec(
      (await get(`/plans/${SLUG}`)).text,
    )
    expect(coverage).not.toBeNull()
    const coveredBefore = Number(coverage?.[1])

    const created = await api('POST', '/initiatives?draft=true', {
      title,
      section: section.id,
      objectives: [objective],
      status: 'in-progress',
      visibility: 'public',
      progress: 30,
      _status: 'draft',
    })
    initiative = created
    expect((await get(goalPage)).text).not.toContain(title)

    await api('PATCH', `/initiatives/${created.id}`, { _status: 'published' })
    expect((await get(goalPage)).text).toContain(title)
    expect(await countFor14()).toContain('1 active initiative for objective 1.4')
    expect((await get(`/plans/${SLUG}`)).text).toContain(
      `${coveredBefore + 1} of 26 objectives have active initiatives`,
    )
    expect((await get('/sections/preservation')).text).toContain(title)

    await api('PATCH', `/initiatives/${created.id}`, { title: `${title} renamed` })
    const renamed = await get(goalPage)
    expect(renamed.text).toContain(`${title} renamed`)

    await api('PATCH', `/initiatives/${created.id}`, { visibility: 'members' })
    expect((await get(goalPage)).html).not.toContain(title)
    await api('PATCH', `/initiatives/${created.id}`, { visibility: 'public' })
    expect((await get(goalPage)).text).toContain(`${title} renamed`)

    await api('PATCH', `/initiatives/${created.id}`, { _status: 'draft' })
    expect((await get(goalPage)).html).not.toContain(title)
    expect(await countFor14()).toContain('No active initiatives yet')
    expect((await get('/sections/preservation')).html).not.toContain(title)
    expect((await get(`/plans/${SLUG}`)).text).toContain(
      `${coveredBefore} of 26 objectives have active initiatives`,
    )
  })

  it('edits to a goal area and an objective show on the plan page, its goal page and the PDF', async () => {
    const goalId = goalIds.get(2)
    const objectiveId = objectiveIds.get('2.3')
    const goalTitle = squash(published.goals[1]?.title ?? '')
    const objectiveText = squash(published.goals[1]?.objectives[2]?.text ?? '')
    await get(`/plans/${SLUG}`)
    try {
      await api('PATCH', `/goals/${goalId}`, { title: `${goalTitle} (edited)` })
      await api('PATCH', `/objectives/${objectiveId}`, { text: `${objectiveText} (edited)` })
      expect((await get(`/plans/${SLUG}`)).text).toContain(`Goal Area 2. ${goalTitle} (edited)`)
      expect((await get(`/plans/${SLUG}/goals/2`)).text).toContain(`2.3 ${objectiveText} (edited)`)
      expect((await getPdfText(`/plans/${SLUG}/plan.pdf`)).text).toContain(
        `${objectiveText} (edited)`,
      )
    } finally {
      await api('PATCH', `/goals/${goalId}`, { title: goalTitle })
      await api('PATCH', `/objectives/${objectiveId}`, { text: objectiveText })
    }
    expect((await get(`/plans/${SLUG}`)).text).not.toContain('(edited)')
  })

  it('unpublishing the plan takes all its pages down; publishing brings them back', async () => {
    expect((await get(`/plans/${SLUG}`)).status).toBe(200)
    await api('PATCH', `/plans/${plan.id}`, { _status: 'draft' })
    expect((await get(`/plans/${SLUG}`)).status).toBe(404)
    expect((await get(`/plans/${SLUG}/goals/1`)).status).toBe(404)
    expect((await get(`/plans/${SLUG}/plan.pdf`)).status).toBe(404)
    expect((await get('/')).html).not.toContain(`href="/plans/${SLUG}"`)
    expect((await get('/sitemap.xml')).html).not.toContain(`/plans/${SLUG}`)

    await api('PATCH', `/plans/${plan.id}`, { _status: 'published' })
    expect((await get(`/plans/${SLUG}`)).status).toBe(200)
    expect((await get(`/plans/${SLUG}/goals/1`)).status).toBe(200)
    // and the cached 404s are gone for good: served from the cache again as the page
    const cached = await get(`/plans/${SLUG}/goals/1`)
    expect(cached.status).toBe(200)
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT')
    expect((await get('/')).html).toContain(`href="/plans/${SLUG}"`)
  })
})
