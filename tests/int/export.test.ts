import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import config from '@payload-config'
import { handleEndpoints, type CollectionSlug, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runExport } from '@/lib/export/cli'
import { parsedPlanOf, type PlanExportDocument } from '@/lib/export/document'
import { runImport } from '@/lib/import/cli'
import { readPlanExportJson } from '@/lib/import/json'
import { parseStratML } from '@/lib/import/stratml'
import { loadHistoryData } from '@/lib/data/cycles'
import { cycleHistory } from '@/lib/plan/cycles'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { BASE, getTestPayload, loginToken, seedDemo, seededPlanId } from './helpers'

let payload: Payload
let planId: number | string
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-export-'))

async function exportCli(...argv: string[]) {
  const out: string[] = []
  const stderr: string[] = []
  const code = await runExport(argv, async () => payload, {
    stdout: (line) => out.push(`${line}\n`),
    stderr: (line) => stderr.push(line),
    write: (text) => out.push(text),
  })
  return { code, stdout: out.join(''), stderr: stderr.join('\n') }
}

/** Each cycle's covered objectives and completion, as a board member sees them (the accounts
 * themselves are deleted and re-created by the round trip, so a reader of the board's role). */
async function historyNumbers() {
  const board = { id: 0, collection: 'members' as const, roles: ['board'], active: true }
  const data = (await loadHistoryData(SEED_PLAN_SLUG, board))!
  return cycleHistory(data.history, new Date('2026-01-01'), { audience: data.audience }).map(
    ({ summary }) => [summary.name, summary.covered, summary.expected, summary.submitted],
  )
}

async function importCli(...argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const code = await runImport(argv, async () => payload, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  })
  return { code, stdout, stderr: stderr.join('\n') }
}

async function exportJson(slug: string): Promise<PlanExportDocument> {
  const result = await exportCli(slug, '--format', 'json')
  expect(result.code).toBe(0)
  const read = readPlanExportJson(result.stdout)
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  // the file as written, ids included
  return JSON.parse(result.stdout) as PlanExportDocument
}

/** The document with every `id` left out (they belong to the database that exported it). */
const withoutIds = (doc: PlanExportDocument) =>
  JSON.parse(
    JSON.stringify(doc, (key, value: unknown) => (key === 'id' ? undefined : value)),
  ) as PlanExportDocument

async function get(pathAndQuery: string, token?: string) {
  const headers = new Headers({ origin: BASE })
  if (token) headers.set('authorization', `JWT ${token}`)
  const response = await handleEndpoints({
    config,
    request: new Request(`${BASE}${pathAndQuery}`, { headers }),
  })
  // Response.text() drops a leading byte-order mark: decode the bytes as they were sent
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, text }
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  planId = await seededPlanId(payload)
})

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true })
  await payload?.destroy()
})

describe('npm run export -- <slug> --format json', () => {
  it('holds the whole seeded plan: goal areas, objectives, sections and every initiative, drafts too', async () => {
    const doc = await exportJson(SEED_PLAN_SLUG)
    expect(doc.plan).toMatchObject({
      slug: SEED_PLAN_SLUG,
      title: 'ALCTS Strategic Plan 2006-2011',
      organization: 'Association for Library Collections and Technical Services',
      startYear: 2006,
      endYear: 2011,
      adoptedBy: 'ALCTS Executive Board, New Orleans',
      current: true,
      _status: 'published',
    })
    expect(doc.plan.preamble?.root.children).toHaveLength(3)
    expect(doc.goals.map((g) => g.objectives.length)).toEqual([6, 3, 5, 5, 7])
    expect(doc.sections.map((s) => s.slug)).toEqual([
      'acquisitions',
      'cataloging',
      'collections',
      'council-of-regional-groups',
      'preservation',
      'serials',
    ])
    expect(doc.initiatives).toHaveLength(34)
    expect(doc.initiatives.filter((i) => i._status === 'draft')).toHaveLength(2)
    const sample = SAMPLE_INITIATIVES[0]!
    const exported = doc.initiatives.find((i) => i.title === sample.title)
    expect(exported).toMatchObject({
      section: sample.section,
      objectives: sample.objectives,
      status: sample.status,
      visibility: sample.visibility,
      progress: sample.progress,
      lead: sample.lead,
    })
  })

  it('writes to --out, and says so on stderr', async () => {
    const target = path.join(dir, 'plan.json')
    const result = await exportCli(SEED_PLAN_SLUG, '--out', target)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Wrote .*plan\.json \(\d+ bytes, json\)\.$/)
    expect(JSON.parse(fs.readFileSync(target, 'utf8'))).toMatchObject({
      format: 'lodestar-plan',
      version: 1,
    })
  })

  it('names the plans there are when the slug is unknown', async () => {
    const result = await exportCli('no-such-plan')
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `error: there is no plan with the slug "no-such-plan". Plans: ${SEED_PLAN_SLUG}.`,
    )
    expect((await exportCli('a', 'b')).code).toBe(2)
    expect((await exportCli(SEED_PLAN_SLUG, '--format', 'pdf')).stderr).toMatch(
      /--format must be one of json, stratml, csv/,
    )
  })
})

describe('npm run export -- <slug> --format csv', () => {
  it('has one row per initiative × objective with codes, section, status, dates, progress and visibility', async () => {
    const result = await exportCli(SEED_PLAN_SLUG, '--format', 'csv')
    expect(result.code).toBe(0)
    // a byte-order mark first, as the dashboard's CSV downloads, so Excel reads UTF-8
    expect(result.stdout.startsWith('\uFEFFPlan,')).toBe(true)
    const lines = result.stdout.slice(1).split('\r\n').filter(Boolean)
    const pairs = SAMPLE_INITIATIVES.reduce((sum, i) => sum + i.objectives.length, 0)
    expect(lines).toHaveLength(1 + pairs)
    expect(lines[0]).toBe(
      'Plan,Goal area,Goal area title,Objective,Objective text,Initiative,Section,Section name,Status,Start date,Target date,Completed date,Progress (%),Visibility,Published,Lead',
    )
    const sample = SAMPLE_INITIATIVES.find((i) => i.startDate && i.objectives.length > 1)!
    const rows = lines.filter((line) => line.includes(`,${sample.title},`))
    expect(rows).toHaveLength(sample.objectives.length)
    expect(rows[0]).toContain(`,${sample.objectives[0]},`)
    expect(rows[0]).toContain(`,${sample.section},`)
    expect(rows[0]).toContain(`,${sample.status},${sample.startDate!.slice(0, 10)},`)
    expect(rows[0]).toContain(`,${sample.visibility},`)
  })
})

describe('GET /api/plans/:id/export', () => {
  it.each([
    ['json', 'application/json; charset=utf-8', `${SEED_PLAN_SLUG}.json`],
    ['stratml', 'application/xml; charset=utf-8', `${SEED_PLAN_SLUG}.stratml.xml`],
    ['csv', 'text/csv; charset=utf-8', `${SEED_PLAN_SLUG}-initiatives.csv`],
  ])('gives an editor the %s file as a download', async (format, contentType, filename) => {
    const token = await loginToken('users', 'editor@example.org')
    const res = await get(`/api/plans/${planId}/export?format=${format}`, token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(contentType)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.text).toBe((await exportCli(SEED_PLAN_SLUG, '--format', format)).stdout)
  })

  it('refuses everyone but editors, and says what is wrong with a request', async () => {
    expect((await get(`/api/plans/${planId}/export`)).status).toBe(401)
    const member = await loginToken('members', '100002')
    expect((await get(`/api/plans/${planId}/export`, member)).status).toBe(403)
    const sectionEditor = await loginToken('users', 'acquisitions@example.org')
    const refused = await get(`/api/plans/${planId}/export`, sectionEditor)
    expect(refused.status).toBe(403)
    expect(JSON.parse(refused.text)).toEqual({
      errors: [{ message: 'Only editors can export plans.' }],
    })
    const editor = await loginToken('users', 'admin@example.org')
    const badFormat = await get(`/api/plans/${planId}/export?format=pdf`, editor)
    expect(badFormat.status).toBe(400)
    expect(JSON.parse(badFormat.text)).toEqual({
      errors: [{ message: 'Unknown export format "pdf": use json, stratml, csv.' }],
    })
    expect((await get('/api/plans/999999/export', editor)).status).toBe(404)
    expect((await get('/api/plans/not-an-id/export', editor)).status).toBe(404)
  })
})

describe('round trips', () => {
  it('StratML export → import gives the same plan structure', async () => {
    const xml = (await exportCli(SEED_PLAN_SLUG, '--format', 'stratml')).stdout
    expect(parseStratML(xml).warnings).toEqual([])
    const file = path.join(dir, 'alcts.stratml.xml')
    fs.writeFileSync(file, xml)
    const result = await importCli(file, '--slug', 'alcts-from-stratml')
    expect(result.stdout).toEqual(['{"plan":"alcts-from-stratml","goals":5,"objectives":26}'])
    const original = parsedPlanOf(await exportJson(SEED_PLAN_SLUG))
    const imported = parsedPlanOf(await exportJson('alcts-from-stratml'))
    expect(imported).toEqual(original)
  })

  it('JSON export → import into an empty database → export again is the same document, ids aside', async () => {
    const before = await exportJson(SEED_PLAN_SLUG)
    const historyBefore = await historyNumbers()
    // the demo history travels too: four cycles, and updates with their cycle by name
    expect(before.cycles.map((c) => [c.name, c.state])).toEqual([
      ['Midwinter 2008', 'closed'],
      ['Annual 2008', 'closed'],
      ['Midwinter 2009', 'closed'],
      ['Annual 2009', 'open'],
    ])
    const updates = before.initiatives.flatMap((i) => i.updates)
    expect(updates.length).toBeGreaterThan(50)
    expect(updates.filter((u) => u.cycle === 'Annual 2008').length).toBeGreaterThan(10)
    const file = path.join(dir, 'alcts.json')
    fs.writeFileSync(file, `${JSON.stringify(before, null, 2)}\n`)

    // empty the database, as `npm run seed -- --reset` does (children before parents)
    const order: CollectionSlug[] = [
      'initiatives',
      'cycles',
      'objectives',
      'goals',
      'plans',
      'sections',
      'users',
      'members',
    ]
    for (const collection of order) {
      await payload.delete({
        collection,
        where: { id: { exists: true } },
        overrideAccess: true,
        context: { disableRevalidate: true },
      })
      expect((await payload.count({ collection, overrideAccess: true })).totalDocs).toBe(0)
    }

    const result = await importCli(file, '--publish')
    expect(result.code).toBe(0)
    expect(result.stdout).toEqual([`{"plan":"${SEED_PLAN_SLUG}","goals":5,"objectives":26}`])
    expect(result.stderr).toMatch(/also imported 34 initiatives and 6 new sections/)

    const after = await exportJson(SEED_PLAN_SLUG)
    expect(withoutIds(after)).toEqual(withoutIds(before))
    // and the numbers as of each cycle are the same again
    expect(await historyNumbers()).toEqual(historyBefore)
    expect(after.plan.id).not.toBe(undefined)
  })
})
