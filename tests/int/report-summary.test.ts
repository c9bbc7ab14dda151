/**
 * The board report at size: by default a summary a board reads (the most advanced initiatives of
 * each objective and "and N more", the sections' totals instead of every initiative once the plan
 * is large), and with `?listing=full` every initiative. The seeded plan from the database, grown
 * with generated initiatives in memory; real PDFs read back with poppler.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadCoverageData, type CoverageData } from '@/lib/data/coverage'
import { progressReportForQuery } from '@/lib/data/report'
import {
  buildProgressReport,
  SUMMARY_APPENDIX_LIMIT,
  SUMMARY_GAP_WORK_ROWS,
  TOP_PER_OBJECTIVE,
  type ProgressReportModel,
  type ReportListing,
} from '@/lib/pdf/report/model'
import { reportParts } from '@/lib/pdf/report/parts'
import { renderProgressReport } from '@/lib/pdf/report/render'
import { computeCoverage } from '@/lib/plan/coverage'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { findPerson, getTestPayload, seedDemo, withObjectiveLabel } from './helpers'

let payload: Payload
let data: CoverageData
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-summary-'))
const NOW = new Date('2026-03-14T15:00:00Z')
/** more than the summary lists one by one */
const EXTRA = SUMMARY_APPENDIX_LIMIT + 90

function read(bytes: Buffer, name: string) {
  const file = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return {
    raw,
    squashed: raw.replace(/\s+/g, '').toLowerCase(),
    lines: raw.split('\n').map((l) => l.trim()),
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    file,
  }
}
const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase()

/** The text of each page (index 0 is page 1), squashed. */
const pageTexts = (pdf: ReturnType<typeof read>): string[] =>
  Array.from({ length: pdf.pages }, (_, i) =>
    squash(
      execFileSync(
        'pdftotext',
        ['-raw', '-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdf.file, '-'],
        { encoding: 'utf8' },
      ),
    ),
  )

/** The seeded plan with `count` generated initiatives, all serving objective 1.1 (and one more). */
function grown(listing: ReportListing, count = EXTRA) {
  const { input } = data
  const objectives = input.objectives
  const extra = Array.from({ length: count }, (_, n) => ({
    id: `generated-${n}`,
    title: `Generated initiative number ${String(n).padStart(3, '0')}`,
    section: input.sections[n % input.sections.length]!.id,
    objectives: [objectives[0]!.id, objectives[1 + (n % (objectives.length - 1))]!.id],
    status: INITIATIVE_STATUSES[n % INITIATIVE_STATUSES.length]!,
    visibility: n % 2 ? ('public' as const) : ('members' as const),
    published: true,
    progress: n % 101,
  }))
  return buildProgressReport(
    { ...input, initiatives: [...input.initiatives, ...extra] },
    { audience: data.audience, now: NOW, listing },
  )
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  const board = await findPerson(payload, 'members', '100002')
  const loaded = await loadCoverageData(SEED_PLAN_SLUG, board)
  if (!loaded) throw new Error('no seeded plan')
  data = loaded
})

afterAll(async () => {
  await payload?.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the default report of a large plan', () => {
  it('lists the most advanced initiatives of each objective, then how many more', async () => {
    const report = grown('summary')
    expect(report.listing).toBe('summary')
    expect(report.appendix).toBe(false)
    const first = report.goals[0]!.objectives[0]!
    expect(first.initiatives.length).toBeGreaterThan(EXTRA)
    // the most advanced first: work under way, furthest along, before completed and planned work
    const shown = first.initiatives.slice(0, TOP_PER_OBJECTIVE)
    expect(shown.every((i) => i.status === 'in-progress')).toBe(true)
    const progress = shown.map((i) => i.progress ?? 0)
    expect(progress).toEqual([...progress].sort((a, b) => b - a))

    const pdf = read(await renderProgressReport(report), 'summary')
    const rest = first.initiatives.length - TOP_PER_OBJECTIVE
    const activeRest = first.activeInitiatives - shown.length
    expect(pdf.squashed).toContain(squash(`… and ${rest} more (${activeRest} active)`))
    for (const i of shown) expect(pdf.squashed).toContain(squash(i.title))
    // an initiative in no objective's first few and beside no gap is not in the summary at all
    const listed = new Set([
      ...report.goals.flatMap((g) =>
        g.objectives.flatMap((o) => o.initiatives.slice(0, TOP_PER_OBJECTIVE).map((i) => i.key)),
      ),
      ...report.gaps.flatMap((g) => g.inactive.slice(0, SUMMARY_GAP_WORK_ROWS).map((i) => i.key)),
    ])
    const hidden = report.sections
      .flatMap((s) => s.initiatives)
      .filter((i) => !listed.has(i.key) && i.title.startsWith('Generated'))
    expect(hidden.length).toBeGreaterThan(EXTRA / 2)
    for (const i of hidden) expect(pdf.squashed).not.toContain(squash(i.title))
    // the sections' totals instead of every initiative, and where the full listing is
    expect(pdf.squashed).toContain(
      squash(`This summary lists the ${report.initiativeCount} published initiatives only by`),
    )
    for (const group of report.sections) {
      const name = group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name
      expect(pdf.squashed).toContain(
        squash(`${name} ${group.activeInitiatives} ${group.initiatives.length}`),
      )
    }
    expect(pdf.squashed).toContain(squash('?listing=full'))
    expect(pdf.pages).toBeLessThanOrEqual(20)
  })
})

/** The outline's titles, nested (read with pdf-lib: poppler's tools do not print it). */
async function outlineOf(file: string): Promise<unknown[]> {
  const doc = await PDFDocument.load(fs.readFileSync(file))
  const walk = (first: PDFDict | undefined): unknown[] => {
    const out: unknown[] = []
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()
      const kids = walk(item.lookupMaybe(PDFName.of('First'), PDFDict))
      out.push(kids.length > 0 ? { [title]: kids } : title)
    }
    return out
  }
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  return walk(root?.lookupMaybe(PDFName.of('First'), PDFDict))
}

/**
 * Every initiative once under each objective it serves (the goal areas' tables) and once in the
 * appendix, counted in the text of the real PDF; "Page x of y" on every page but the cover.
 */
function expectFullListing(pdf: ReturnType<typeof read>, report: ProgressReportModel) {
  const goalsStart = pdf.squashed.indexOf(squash('Objectives and the initiatives serving them'))
  const gapsStart = pdf.squashed.indexOf(
    squash('Objectives without an active initiative'),
    goalsStart,
  )
  const appendixStart = pdf.squashed.lastIndexOf(squash('Initiatives by section'))
  expect(0 < goalsStart && goalsStart < gapsStart && gapsStart < appendixStart).toBe(true)
  const goalTables = pdf.squashed.slice(goalsStart, gapsStart)
  const appendix = pdf.squashed.slice(appendixStart)
  const times = (text: string, phrase: string) => text.split(squash(phrase)).length - 1
  const generated = report.sections
    .flatMap((s) => s.initiatives)
    .filter((i) => i.title.startsWith('Generated'))
  expect(generated).toHaveLength(EXTRA)
  for (const initiative of generated) {
    const serves = report.goals
      .flatMap((g) => g.objectives)
      .filter((o) => o.initiatives.some((i) => i.key === initiative.key)).length
    expect(serves).toBe(2)
    expect([initiative.title, times(goalTables, initiative.title)]).toEqual([
      initiative.title,
      serves,
    ])
    expect([initiative.title, times(appendix, initiative.title)]).toEqual([initiative.title, 1])
  }
  expect(pdf.squashed).not.toContain(squash('more ('))
  const footers = [...pdf.raw.matchAll(/Page (\d+) of (\d+)/g)].map((m) => `${m[1]}/${m[2]}`)
  expect(footers).toEqual(Array.from({ length: pdf.pages - 1 }, (_, i) => `${i + 2}/${pdf.pages}`))
}

/**
 * pdffonts on a report: every font embedded and named as a subset (`ABCDEF+Face`, which pdffonts
 * reads as `sub yes`), no two subsets with one name (ISO 32000-1, 9.6.4), and the faces that
 * react-pdf and the listing's tables (pdf-lib) both subset there twice, under two tags.
 */
function expectSubsetFonts(file: string) {
  // pdffonts: name, type (two words), encoding, emb, sub, uni, object number and generation
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/)
      return { name: cols[0]!, emb: cols.at(-5), sub: cols.at(-4) }
    })
  expect(fonts.length).toBeGreaterThanOrEqual(8)
  for (const font of fonts) {
    expect(font).toEqual({
      name: expect.stringMatching(/^[A-Z]{6}\+SourceS(ans|erif)\d-[A-Za-z]+$/),
      emb: 'yes',
      sub: 'yes',
    })
  }
  expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length)
  const faces = fonts.map((f) => f.name.slice(7))
  expect(new Set(faces).size).toBeLessThan(faces.length)
  return fonts
}

describe('the full listing', () => {
  let report: ProgressReportModel
  let whole: ReturnType<typeof read>

  beforeAll(async () => {
    report = grown('full')
    whole = read(await renderProgressReport(report), 'full')
  })

  it('lists every initiative, under each objective and by section', async () => {
    expect(report.appendix).toBe(true)
    const summary = read(await renderProgressReport(grown('summary')), 'summary-again')
    for (let n = 0; n < EXTRA; n += 1) {
      expect(whole.squashed).toContain(
        squash(`Generated initiative number ${String(n).padStart(3, '0')}`),
      )
    }
    expect(whole.lines).toContain('Initiatives by section')
    expect(whole.pages).toBeGreaterThan(summary.pages)
    expectFullListing(whole, report)
  })

  it('repeats a section’s or objective’s heading with "(continued)" on the pages it runs onto', () => {
    const pages = pageTexts(whole)
    expect(expectSectionsContinued(pages, report)).toBeGreaterThanOrEqual(4)
    expect(expectObjectivesContinued(pages, report)).toBeGreaterThanOrEqual(2)
  })

  it('draws "(continued)" a space after its heading, not on top of it', () => {
    // the tables' text is set glyph by glyph: drawn without its kerning a heading ran wider than
    // it was measured, into the "(continued)" placed after it
    const words = [
      ...execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', whole.file, '-'], {
        encoding: 'utf8',
      }).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
    ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4]! }))
    const gaps = words.flatMap((word, i) => {
      const before = words[i - 1]
      if (word.text !== '(continued)' || !before || Math.abs(before.yMin - word.yMin) > 1) return []
      return [word.xMin - before.xMax]
    })
    expect(gaps.length).toBeGreaterThanOrEqual(6)
    // a space of these faces at 8.5–9.5 pt is about 1.7–1.9 pt
    expect(Math.min(...gaps)).toBeGreaterThan(1.2)
  })

  it('names every embedded font as a subset (a six-letter tag), each subset with its own', () => {
    expectSubsetFonts(whole.file)
  })

  it('reads the same when rendered in many parts and joined', async () => {
    const rowsPerPart = 120
    expect(reportParts(report, rowsPerPart).length).toBeGreaterThan(4)
    const parts = read(await renderProgressReport(report, { rowsPerPart }), 'full-parts')
    expectFullListing(parts, report)
    // each part's react-pdf subsets the faces anew: more subsets than in one part, each its tag
    expect(expectSubsetFonts(parts.file).length).toBeGreaterThan(
      expectSubsetFonts(whole.file).length,
    )
    const pages = pageTexts(parts)
    expect(expectSectionsContinued(pages, report)).toBeGreaterThanOrEqual(4)
    expect(expectObjectivesContinued(pages, report)).toBeGreaterThanOrEqual(2)
    // one outline, the appendix's sections under the appendix however many parts it spans
    const outline = await outlineOf(path.join(dir, 'full-parts.pdf'))
    expect(outline).toEqual(await outlineOf(path.join(dir, 'full.pdf')))
    expect(outline).toContainEqual({
      'Appendix: initiatives by section': report.sections.map((g) =>
        g.abbreviation ? `${g.name} (${g.abbreviation})` : g.name,
      ),
    })
    expect(outline[0]).toBe('Executive summary')
    const info = execFileSync('pdfinfo', [path.join(dir, 'full-parts.pdf')], { encoding: 'utf8' })
    expect(info).toMatch(/^Title:\s+ALCTS Strategic Plan 2006-2011: progress report$/m)
    expect(info).toMatch(/^Author:\s+Association for Library Collections/m)
  })
})

describe('the listing parameter', () => {
  it('takes full or summary, once, and refuses anything else', async () => {
    const board = await findPerson(payload, 'members', '100002')
    const ask = (query: string) =>
      progressReportForQuery(SEED_PLAN_SLUG, new URLSearchParams(query), board, NOW)
    const full = await ask('listing=full')
    expect(full.status === 200 && full.report.listing).toBe('full')
    const summary = await ask('listing=summary')
    expect(summary.status === 200 && summary.report.listing).toBe('summary')
    const plain = await ask('')
    expect(plain.status === 200 && plain.report.listing).toBe('summary')
    // a small plan's summary still lists every initiative by section
    expect(plain.status === 200 && plain.report.appendix).toBe(true)
    for (const bad of ['listing=everything', 'listing=full&listing=summary']) {
      const result = await ask(bad)
      expect(result.status).toBe(400)
      expect(result.status !== 200 && result.error).toMatch(/\?listing= is "full"/)
    }
  })
})

describe('a plan that words its objectives', () => {
  it('names them as the plan does ("Strategy 1.1") in the report and the coverage it is built on', async () => {
    const board = await findPerson(payload, 'members', '100002')
    const planId = data.input.plan.id
    await withObjectiveLabel(payload, planId, 'Strategy', async () => {
      const worded = await loadCoverageData(SEED_PLAN_SLUG, board)
      expect(worded!.input.plan.objectiveLabel).toBe('Strategy')
      // the dashboard's widgets and the coverage API read the word from the coverage
      expect(computeCoverage(worded!.input, { audience: worded!.audience }).plan).toMatchObject({
        objectiveLabel: 'Strategy',
      })
      const report = buildProgressReport(worded!.input, {
        audience: worded!.audience,
        now: NOW,
        listing: 'summary',
      })
      expect(report.goals[0]!.objectives[0]).toMatchObject({ code: '1.1', name: 'Strategy 1.1' })
      expect(report.gaps.length).toBeGreaterThan(0)
      for (const gap of report.gaps) expect(gap.name).toBe(`Strategy ${gap.code}`)
      const pdf = read(await renderProgressReport(report), 'worded')
      // the label and the code stay on one line: the code column widens for the word
      expect(pdf.lines.some((l) => l.startsWith('Strategy 1.1 '))).toBe(true)
      expect(pdf.lines.some((l) => l.startsWith(`Strategy ${report.gaps[0]!.code} `))).toBe(true)
    })
    // a plan without the word keeps bare codes
    const plain = await loadCoverageData(SEED_PLAN_SLUG, board)
    expect(plain!.input.plan.objectiveLabel).toBeUndefined()
    expect(computeCoverage(plain!.input).plan).not.toHaveProperty('objectiveLabel')
    const report = buildProgressReport(plain!.input, { audience: plain!.audience, now: NOW })
    expect(report.goals[0]!.objectives[0]!.name).toBe('1.1')
  })
})

/**
 * A table's group heading repeated on the pages its rows run onto says "(continued)" there, and
 * only there. Appendix sections: the heading with its count once, where the section starts; every
 * further appendix page with one of its rows starts it again as "Name (continued)". Returns how
 * many sections ran onto a further page (the check means nothing unless some do).
 */
function expectSectionsContinued(pages: string[], report: ProgressReportModel): number {
  const start = pages.findIndex((p) => p.includes(squash('Appendix Initiatives by section')))
  expect(start, 'the appendix').toBeGreaterThan(0)
  const allTitles = report.sections.flatMap((g) => g.initiatives.map((i) => squash(i.title)))
  let spanning = 0
  for (const group of report.sections) {
    const name = group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name
    const n = group.activeInitiatives
    const heading = squash(`${name} ${n} active ${n === 1 ? 'initiative' : 'initiatives'}`)
    const continued = squash(`${name} (continued)`)
    const titles = group.initiatives.map((i) => squash(i.title))
    // a title inside another's would find rows where there are none
    for (const t of titles) expect(allTitles.filter((o) => o.includes(t))).toEqual([t])
    const appendix = pages.map((text, i) => ({ text, page: i + 1 })).slice(start)
    const first = appendix.filter((p) => p.text.includes(heading))
    expect(
      first.map((p) => p.page),
      `${name}: its heading on one page`,
    ).toHaveLength(1)
    const starts = first[0]!.page
    for (const { text, page } of appendix) {
      const rows = titles.some((t) => text.includes(t))
      expect([name, page, text.includes(continued)]).toEqual([name, page, rows && page > starts])
    }
    if (appendix.some((p) => p.page > starts && p.text.includes(continued))) spanning += 1
  }
  return spanning
}

/**
 * The goal areas' objectives in the full listing: an objective's heading on the page its rows start
 * on, then "(continued)" after its text on each further page the heading repeats on. Returns how
 * many objectives ran onto a further page.
 */
function expectObjectivesContinued(pages: string[], report: ProgressReportModel): number {
  const gaps = pages.findIndex((p) => p.includes(squash('Gaps Objectives without an active')))
  expect(gaps, 'the gaps part').toBeGreaterThan(0)
  let spanning = 0
  for (const objective of report.goals.flatMap((g) => g.objectives)) {
    const heading = squash(`${objective.name} ${objective.text}`)
    const continued = squash(`${objective.name} ${objective.text} (continued)`)
    const shown = pages.slice(0, gaps).flatMap((text, i) => (text.includes(heading) ? [i] : []))
    expect(shown.length, objective.name).toBeGreaterThan(0)
    const [first, ...later] = shown
    expect([objective.name, pages[first!]!.includes(continued)]).toEqual([objective.name, false])
    for (const i of later) {
      expect([objective.name, i + 1, pages[i]!.includes(continued)]).toEqual([
        objective.name,
        i + 1,
        true,
      ])
    }
    // pages run on one after the other: no page of the objective's rows without its heading
    expect(later).toEqual(later.map((_, k) => first! + 1 + k))
    if (later.length > 0) spanning += 1
  }
  return spanning
}

describe('a table running onto the next page', () => {
  it('repeats its group heading there with "(continued)", in the default report (one document)', async () => {
    // a plan small enough that the summary still lists every initiative by section
    const report = grown('summary', SUMMARY_APPENDIX_LIMIT - 40)
    expect([report.listing, report.appendix]).toEqual(['summary', true])
    const pdf = read(await renderProgressReport(report), 'summary-appendix')
    expect(expectSectionsContinued(pageTexts(pdf), report)).toBeGreaterThanOrEqual(2)
  })
})
