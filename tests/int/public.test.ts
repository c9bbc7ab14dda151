import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { isSlug } from '@/lib/format/slug'
import {
  listPublishedPlans,
  listSections,
  loadPlanBundle,
  pickCurrentPlan,
  type PlanBundle,
  type Viewer,
} from '@/lib/data/publicQueries'
import { parsePlanText } from '@/lib/import/text'
import { renderPlanPdf } from '@/lib/pdf/plan/render'
import { SEED_PLAN_FILE, SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { findPerson, getTestPayload, seedDemo, withObjectiveLabel } from './helpers'

const published = parsePlanText(fs.readFileSync(path.resolve(SEED_PLAN_FILE), 'utf8')).plan
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

const publicTitles = SAMPLE_INITIATIVES.filter((i) => i.visibility === 'public' && !i.draft).map(
  (i) => i.title,
)
const hiddenTitles = SAMPLE_INITIATIVES.filter((i) => i.visibility === 'members' || i.draft).map(
  (i) => i.title,
)

let payload: Payload
let bundle: PlanBundle
let editor: Viewer

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  const loaded = await loadPlanBundle(payload, SEED_PLAN_SLUG)
  if (!loaded) throw new Error('the seeded plan is not readable by the public')
  bundle = loaded
  editor = {
    user: (await findPerson(payload, 'users', 'editor@example.org')) as unknown as Viewer['user'],
  }
})

describe('public plan reads (no user, overrideAccess: false)', () => {
  it('reads the seeded plan with every goal area and objective as published', () => {
    expect(bundle.plan.title).toBe(published.title)
    expect(bundle.preview).toBe(false)
    expect(bundle.goals.map((g) => [g.number, g.title])).toEqual(
      published.goals.map((g) => [g.number, g.title]),
    )
    const expected = published.goals.flatMap((g) =>
      g.objectives.map((o) => [`${g.number}.${o.number}`, squash(o.text)]),
    )
    expect(expected).toHaveLength(26)
    expect(bundle.objectives.map((o) => [o.code, squash(o.text)])).toEqual(expected)
  })

  it('holds only published public initiatives, and counts coverage for the public', () => {
    const titles = bundle.initiatives.map((i) => i.title).sort()
    expect(titles).toEqual([...publicTitles].sort())
    for (const hidden of hiddenTitles) expect(titles).not.toContain(hidden)
    expect(bundle.initiatives.every((i) => i.visibility === 'public' && i.published)).toBe(true)
    // lib/seed/sampleInitiatives.ts: the public sees 15 of 26 objectives covered
    expect(bundle.coverage.view.audience).toBe('public')
    expect(bundle.coverage.objectives).toEqual({ total: 26, covered: 15 })
  })

  it('lists published plans, the current one, and every section', async () => {
    const plans = await listPublishedPlans(payload)
    expect(plans.map((p) => p.slug)).toEqual([SEED_PLAN_SLUG])
    expect(pickCurrentPlan(plans)?.slug).toBe(SEED_PLAN_SLUG)
    const sections = await listSections(payload)
    expect(sections.map((s) => s.slug).sort()).toEqual(
      [
        'acquisitions',
        'cataloging',
        'collections',
        'council-of-regional-groups',
        'preservation',
        'serials',
      ].sort(),
    )
  })

  it('answers null for unknown and malformed slugs without querying them', async () => {
    expect(await loadPlanBundle(payload, 'no-such-plan')).toBeNull()
    for (const bad of ['../etc/passwd', 'UPPER', 'a--b', '', 'x'.repeat(200), "a' OR 1=1"]) {
      expect(isSlug(bad)).toBe(false)
      expect(await loadPlanBundle(payload, bad)).toBeNull()
    }
  })
})

describe('drafts and unpublished plans', () => {
  it('hides a never-published plan from the public and shows it to a previewing editor', async () => {
    const draft = await payload.create({
      collection: 'plans',
      draft: true,
      data: {
        title: 'Draft Plan 2012–2016',
        slug: 'draft-plan-2012-2016',
        organization: 'ALCTS',
        startYear: 2012,
        endYear: 2016,
        _status: 'draft',
      },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
    expect(await loadPlanBundle(payload, 'draft-plan-2012-2016')).toBeNull()
    expect((await listPublishedPlans(payload)).map((p) => p.slug)).not.toContain(
      'draft-plan-2012-2016',
    )
    const preview = await loadPlanBundle(payload, 'draft-plan-2012-2016', editor)
    expect(preview?.plan.id).toBe(draft.id)
    expect(preview?.preview).toBe(true)
  })

  it("shows the public the published version while an editor's newer draft is pending", async () => {
    const planId = bundle.plan.id
    await payload.update({
      collection: 'plans',
      id: planId,
      draft: true,
      data: { title: 'Retitled in a draft' },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
    expect((await loadPlanBundle(payload, SEED_PLAN_SLUG))?.plan.title).toBe(published.title)
    const preview = await loadPlanBundle(payload, SEED_PLAN_SLUG, editor)
    expect(preview?.plan.title).toBe('Retitled in a draft')
    // the preview shows what the public would: still no members-only or draft initiatives
    expect(preview?.initiatives.map((i) => i.title).sort()).toEqual([...publicTitles].sort())
  })

  it('hides every page of a plan once it is unpublished', async () => {
    const planId = bundle.plan.id
    await payload.update({
      collection: 'plans',
      id: planId,
      data: { _status: 'draft' },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
    try {
      expect(await loadPlanBundle(payload, SEED_PLAN_SLUG)).toBeNull()
      expect(await listPublishedPlans(payload)).toEqual([])
    } finally {
      await payload.update({
        collection: 'plans',
        id: planId,
        data: { _status: 'published', title: published.title },
        context: { disableRevalidate: true },
        overrideAccess: true,
      })
    }
    expect((await loadPlanBundle(payload, SEED_PLAN_SLUG))?.plan.title).toBe(published.title)
  })
})

describe('plan PDF', () => {
  it('renders every objective code and text as extractable text', async () => {
    const pdf = await renderPlanPdf(bundle, `http://localhost:3000/plans/${SEED_PLAN_SLUG}`)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-pdf-'))
    const file = path.join(dir, 'plan.pdf')
    fs.writeFileSync(file, pdf)
    const text = squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
    const raw = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))
    expect(raw).toContain(published.title)
    for (const goal of published.goals) {
      expect(raw).toContain(squash(goal.title))
      for (const objective of goal.objectives) {
        expect(text).toContain(`${goal.number}.${objective.number}`)
        expect(raw).toContain(squash(objective.text))
      }
    }
    for (const hidden of hiddenTitles) expect(raw).not.toContain(hidden)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(8)
    expect(info).toMatch(/Title:\s+ALCTS Strategic Plan/)
    // the fixed footer is on every page (react-pdf drops fixed furniture when a style upsets its
    // pagination: see the note on line height in lib/pdf/plan/PlanDocument.tsx)
    for (let n = 1; n <= pages; n += 1) {
      const page = squash(
        execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], {
          encoding: 'utf8',
        }),
      )
      expect(page, `page ${n}`).toContain(`Page ${n} of ${pages}`)
      expect(page, `page ${n}`).toContain(published.title)
    }
  }, 60_000)

  it('words each code as the plan does ("Strategy 1.2"), in a column wide enough for the word', async () => {
    const planId = bundle.plan.id
    await withObjectiveLabel(payload, planId, 'Strategy', async () => {
      const worded = await loadPlanBundle(payload, SEED_PLAN_SLUG)
      expect(worded?.plan.objectiveLabel).toBe('Strategy')
      const pdf = await renderPlanPdf(worded!, `http://localhost:3000/plans/${SEED_PLAN_SLUG}`)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-pdf-'))
      const file = path.join(dir, 'plan.pdf')
      fs.writeFileSync(file, pdf)
      const lines = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split(
        '\n',
      )
      fs.rmSync(dir, { recursive: true, force: true })
      for (const goal of published.goals) {
        const first = goal.objectives[0]!
        // the label, the code and the start of the text share one line: the column did not wrap
        const start = squash(first.text).split(' ').slice(0, 2).join(' ')
        const line = lines.find((l) => l.includes(`Strategy ${goal.number}.${first.number} `))
        expect(line, `objective ${goal.number}.${first.number}`).toBeDefined()
        expect(squash(line!)).toContain(start)
      }
    })
  }, 60_000)
})
