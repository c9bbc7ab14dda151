/**
 * The board progress report against a real database: loaded through lib/data as a board member
 * or staff user, rendered to a real PDF, and read back with poppler (pdftotext, pdfinfo) the way a
 * person's PDF reader would. Every figure must be the coverage endpoint's (coverageForQuery).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { coverageForQuery, type CoverageUser } from '@/lib/data/coverage'
import { coverageWithHistoryForQuery, loadHistoryData } from '@/lib/data/cycles'
import { progressReportForQuery } from '@/lib/data/report'
import { formatPercent, type PlanCoverage } from '@/lib/plan/coverage'
import { reportFileName, type ProgressReportModel } from '@/lib/pdf/report/model'
import { renderProgressReport } from '@/lib/pdf/report/render'
import { SEED_PLAN_SLUG } from '@/lib/seed'
import { SAMPLE_INITIATIVES } from '@/lib/seed/sampleInitiatives'
import { findPerson, getTestPayload, seedDemo } from './helpers'

let payload: Payload
let board: CoverageUser
let admin: CoverageUser
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-report-'))
const NOW = new Date('2026-03-14T15:00:00Z')

interface Pdf {
  /** pdftotext's text in content order (-raw), whitespace collapsed to single spaces */
  text: string
  /** the same lower-cased without any whitespace: react-pdf may set a tight line's spaces too
   * narrow for pdftotext to see, and labels are set in capitals, so phrases compare squashed */
  squashed: string
  /** pdftotext's lines, trimmed */
  lines: string[]
  pages: number
  info: Record<string, string>
  /** the file, for reading single pages */
  file: string
}

/** pdftotext's text of page `n` (1-based), whitespace collapsed. */
const pageText = (pdf: Pdf, n: number): string =>
  execFileSync(
    'pdftotext',
    ['-raw', '-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdf.file, '-'],
    {
      encoding: 'utf8',
    },
  ).replace(/\s+/g, ' ')

function readPdf(bytes: Buffer, name: string): Pdf {
  const file = path.join(dir, `${name}.pdf`)
  fs.writeFileSync(file, bytes)
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const info = Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  )
  return {
    text: raw.replace(/\s+/g, ' '),
    squashed: squash(raw),
    lines: raw.split('\n').map((l) => l.trim()),
    pages: Number(info.Pages),
    info,
    file,
  }
}

const squash = (text: string): string => text.replace(/\s+/g, '').toLowerCase()

/** Expects `phrase` in `text`, whatever the spaces (`text` squashed). */
function expectPhrase(text: string, phrase: string) {
  expect(text, `"${phrase}"`).toContain(squash(phrase))
}

/** Objective codes that start lines (a table row's first cell). */
const codesIn = (lines: string[]): string[] =>
  lines.map((l) => /^(\d+\.\d+)\s/.exec(l)?.[1]).filter((c): c is string => c !== undefined)

/** The text between two headings (the first occurrence of each, after `from`). */
function between(pdf: Pdf, from: string, to: string): string {
  const start = pdf.squashed.indexOf(squash(from))
  const end = pdf.squashed.indexOf(squash(to), start + squash(from).length)
  expect(start, `"${from}" in the PDF`).toBeGreaterThanOrEqual(0)
  expect(end, `"${to}" after "${from}"`).toBeGreaterThan(start)
  return pdf.squashed.slice(start, end)
}

async function endpointCoverage(query: Record<string, string> = {}): Promise<PlanCoverage> {
  const result = await coverageForQuery(SEED_PLAN_SLUG, new URLSearchParams(query), board)
  if (result.status !== 200) throw new Error(result.error)
  return result.coverage
}

async function report(query: Record<string, string> = {}, user = board) {
  const result = await progressReportForQuery(SEED_PLAN_SLUG, new URLSearchParams(query), user, NOW)
  if (result.status !== 200) throw new Error(`${result.status} ${result.error}`)
  return result.report
}

beforeAll(async () => {
  payload = await getTestPayload()
  await seedDemo(payload)
  board = await findPerson(payload, 'members', '100002')
  admin = await findPerson(payload, 'users', 'admin@example.org')
})

afterAll(async () => {
  await payload?.destroy()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the whole-plan report for a board member', () => {
  let model: ProgressReportModel
  let pdf: Pdf
  let coverage: PlanCoverage

  beforeAll(async () => {
    model = await report()
    coverage = await endpointCoverage()
    const started = Date.now()
    pdf = readPdf(await renderProgressReport(model), 'plan')
    // "well under a few seconds" on a quiet machine; generous here for a shared 2-core box
    expect(Date.now() - started).toBeLessThan(30_000)
  })

  it('computes exactly the numbers the coverage endpoint answers', () => {
    expect(model.coverage).toEqual(coverage)
    expect(coverage.objectives).toEqual({ total: 26, covered: 18 })
  })

  it('lists the very initiatives the numbers count', () => {
    const listed = model.sections.flatMap((s) => s.initiatives)
    expect(new Set(listed.map((i) => i.key)).size).toBe(listed.length)
    expect(listed).toHaveLength(coverage.initiatives.total)
    expect(listed.filter((i) => i.active)).toHaveLength(coverage.initiatives.active)
    for (const goal of model.goals) {
      const serving = new Map(goal.objectives.flatMap((o) => o.initiatives).map((i) => [i.key, i]))
      const active = [...serving.values()].filter((i) => i.active)
      expect(active).toHaveLength(goal.coverage.initiatives)
      for (const [status, n] of Object.entries(goal.coverage.byStatus)) {
        expect([...serving.values()].filter((i) => i.status === status)).toHaveLength(n)
      }
      for (const objective of goal.objectives) {
        expect(objective.initiatives.filter((i) => i.active)).toHaveLength(
          objective.activeInitiatives,
        )
      }
    }
  })

  it('has a cover, a running header and footer, and a sane page count', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(8)
    expect(pdf.pages).toBeLessThanOrEqual(16)
    expect(pdf.info['Page size']).toContain('612 x 792')
    const cover = pdf.squashed.slice(0, pdf.squashed.indexOf('executivesummary'))
    expectPhrase(cover, 'Association for Library Collections and Technical Services')
    expectPhrase(cover, 'Progress report')
    expectPhrase(cover, 'ALCTS Strategic Plan 2006-2011')
    expectPhrase(cover, 'Plan period 2006–2011')
    expectPhrase(cover, 'Prepared for the Board')
    expectPhrase(cover, 'As of March 14, 2026')
    // how to read the figures, on the cover (the executive summary's page has no room to spare)
    expectPhrase(cover, 'How to read this report')
    expectPhrase(cover, 'drafts never count')
    // every page but the cover: "Page x of y", and the running header
    const footers = [...pdf.text.matchAll(/Page (\d+) of (\d+)/g)].map((m) => [m[1], m[2]])
    expect(footers).toEqual(
      Array.from({ length: pdf.pages - 1 }, (_, i) => [String(i + 2), String(pdf.pages)]),
    )
    const headers = pdf.squashed.split(squash('Progress report as of March 14, 2026')).length - 1
    expect(headers).toBe(pdf.pages - 1)
  })

  it('keeps the executive summary on one page: the next page starts the next part', () => {
    const summary = squash(pageText(pdf, 2))
    expectPhrase(summary, 'Where the plan stands')
    const last = coverage.goals.at(-1)!
    expectPhrase(summary, last.title)
    // page 3 is the next part's page, not the summary's overflow (it once held two lines alone)
    const next = squash(pageText(pdf, 3)).replace(
      squash('Progress report as of March 14, 2026'),
      '',
    )
    const first = coverage.goals[0]!
    expect(
      [squash('What changed since'), squash(`Goal Area ${first.number} ${first.title}`)].some(
        (start) => next.includes(start),
      ),
      next,
    ).toBe(true)
  })

  it('prints the headline figures and sentences from the endpoint numbers', () => {
    const summary = between(pdf, 'Executive summary', 'Coverage by goal area')
    expectPhrase(summary, `${formatPercent(coverage.coverage)} objectives covered`)
    expectPhrase(
      summary,
      `${coverage.objectives.covered} of ${coverage.objectives.total} objectives`,
    )
    expectPhrase(summary, `${coverage.initiatives.active} active initiatives`)
    expectPhrase(summary, `${coverage.initiatives.completed} initiatives completed`)
    expectPhrase(summary, `${coverage.sectionsEngaged} sections engaged`)
    expectPhrase(summary, '18 of 26 objectives have active initiatives.')
    expectPhrase(summary, 'Goal Area 4 has the lowest coverage: 60%.')
    expectPhrase(summary, 'Goal Area 3 has the highest coverage: 80%.')
    expectPhrase(summary, '8 of 26 objectives have no active initiative.')
    const completed = coverage.initiatives.completed
    expectPhrase(
      summary,
      `${completed} of the ${coverage.initiatives.active} active initiatives have been completed.`,
    )
  })

  it('labels the chart with every goal area and its value', () => {
    const first = coverage.goals[0]!
    const chart = between(pdf, 'Coverage by goal area', `Goal Area ${first.number} ${first.title}`)
    for (const goal of coverage.goals) {
      expectPhrase(chart, `Goal Area ${goal.number}`)
      expectPhrase(chart, `${formatPercent(goal.coverage)} ${goal.covered} of ${goal.objectives}`)
      expectPhrase(chart, goal.title)
    }
    expectPhrase(chart, `Whole plan`)
  })

  it('gives every goal area its own part with its numbers and every objective', () => {
    const goals = coverage.goals
    goals.forEach((goal, i) => {
      const next = goals[i + 1]
      const part = between(
        pdf,
        `Goal Area ${goal.number} ${goal.title}`,
        next ? `Goal Area ${next.number} ${next.title}` : 'Objectives without an active initiative',
      )
      expectPhrase(
        part,
        `${formatPercent(goal.coverage)} coverage: ${goal.covered} of ${goal.objectives} objectives covered · ${goal.initiatives} active`,
      )
      for (const [status, n] of Object.entries(goal.byStatus)) {
        const label =
          status === 'in-progress' ? 'In progress' : status[0]!.toUpperCase() + status.slice(1)
        expectPhrase(part, `${label} ${n}`)
      }
      for (const objective of goal.objectiveCoverage) {
        expect(pdf.lines.some((l) => l.startsWith(`${objective.code} `))).toBe(true)
        expectPhrase(part, `${objective.code} ${objective.text}`)
        expectPhrase(
          part,
          `${objective.code} ${objective.text} ${objective.covered ? `COVERED · ${objective.initiatives} ACTIVE` : 'GAP'}`,
        )
      }
    })
  })

  it('lists the initiatives serving each objective, never a draft', () => {
    const part1 = between(pdf, 'Goal Area 1 ALCTS', 'Goal Area 2 ALCTS')
    expectPhrase(
      part1,
      'E-resource acquisitions workflow survey (sample) AS In progress 60% Jun 30, 2008',
    )
    // members-only work is in the board's view
    expectPhrase(part1, 'Rapid-response forum on budget reductions (sample)')
    for (const draft of SAMPLE_INITIATIVES.filter((s) => s.draft)) {
      expect(pdf.squashed).not.toContain(squash(draft.title))
    }
    for (const sample of SAMPLE_INITIATIVES.filter((s) => !s.draft)) {
      expectPhrase(pdf.squashed, sample.title)
    }
  })

  it('lists exactly the gaps, in plan order', () => {
    const gaps = between(pdf, 'Objectives without an active initiative', 'Initiatives by section')
    const start = pdf.lines.indexOf('Objectives without an active initiative')
    const end = pdf.lines.indexOf('Initiatives by section')
    const codes = codesIn(pdf.lines.slice(start, end))
    expect(codes).toEqual(coverage.gaps)
    expectPhrase(gaps, '8 of 26 objectives have no active initiative')
    expectPhrase(
      gaps,
      'Proposed: Recruitment toolkit for technical services careers (sample) (CRG)',
    )
  })

  it('ends with every section and its initiatives', () => {
    const appendix = pdf.squashed.slice(pdf.squashed.indexOf('initiativesbysection'))
    for (const section of coverage.sections) {
      expectPhrase(appendix, section.name)
      expectPhrase(appendix, `${section.total} active initiative`)
    }
  })

  it('carries document metadata and an outline', () => {
    expect(pdf.info.Title).toBe('ALCTS Strategic Plan 2006-2011: progress report')
    expect(pdf.info.Author).toBe('Association for Library Collections and Technical Services')
    expect(pdf.info.Subject).toContain('prepared for the Board')
    expect(pdf.info.CreationDate).toMatch(/2026/)
    expect(model.generatedAt).toEqual(NOW)
  })

  it('embeds its fonts', () => {
    const fonts = execFileSync('pdffonts', [path.join(dir, 'plan.pdf')], { encoding: 'utf8' })
    expect(fonts).toMatch(/SourceSerif4/)
    expect(fonts).toMatch(/SourceSans3/)
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) {
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/)
    }
  })
})

describe('the report limited to one section', () => {
  it('narrows every number and row to the section', async () => {
    const whole = await report()
    const model = await report({ section: 'cataloging' })
    expect(model.coverage).toEqual(await endpointCoverage({ section: 'cataloging' }))
    expect(model.coverage.initiatives.total).toBeLessThan(whole.coverage.initiatives.total)
    expect(model.section).toMatchObject({ slug: 'cataloging', abbreviation: 'CCS' })

    const pdf = readPdf(await renderProgressReport(model), 'cataloging')
    expectPhrase(pdf.squashed, 'Work of the Cataloging and Classification Section')
    expectPhrase(pdf.squashed, 'ALCTS Strategic Plan 2006-2011 · CCS')
    for (const sample of SAMPLE_INITIATIVES.filter((s) => !s.draft)) {
      if (sample.section === 'cataloging') expectPhrase(pdf.squashed, sample.title)
      else expect(pdf.squashed).not.toContain(squash(sample.title))
    }
    const cov = model.coverage
    expectPhrase(
      pdf.squashed,
      `${formatPercent(cov.coverage)} objectives covered ${cov.objectives.covered} of ${cov.objectives.total} objectives`,
    )
    const start = pdf.lines.indexOf('Objectives without an active initiative')
    const end = pdf.lines.indexOf('Initiatives by section')
    expect(codesIn(pdf.lines.slice(start, end))).toEqual(cov.gaps)
    expect(cov.gaps.length).toBeGreaterThan(8)
  })
})

describe('staff', () => {
  it('get the same report as the board, drafts left out', async () => {
    const staff = await report({}, admin)
    const boardReport = await report()
    expect(staff.coverage).toEqual(boardReport.coverage)
    expect(staff.goals).toEqual(boardReport.goals)
    expect(staff.sections).toEqual(boardReport.sections)
  })
})

describe('bad requests', () => {
  const cases: [string, 400 | 404, Record<string, string> | URLSearchParams, RegExp][] = [
    ['a malformed section slug', 400, { section: 'Not a slug!' }, /not a section slug/],
    ['two sections', 400, new URLSearchParams('section=cataloging&section=serials'), /one section/],
    ['an unknown section', 400, { section: 'no-such-section' }, /No section "no-such-section"/],
    [
      'a parameter the report does not take',
      400,
      { status: 'planned' },
      /Unknown parameter "status"/,
    ],
    ['a made-up parameter', 400, { page: '2' }, /only \?section=/],
    ['a malformed cycle id', 400, { cycle: 'last' }, /takes a cycle id/],
    ['two cycles', 400, new URLSearchParams('cycle=1&cycle=2'), /one cycle at a time/],
    ['a cycle that is not the plan’s', 404, { cycle: '999999' }, /No cycle "999999"/],
  ]
  it.each(cases)('%s gives %i with a clear message', async (_name, status, query, message) => {
    const params = query instanceof URLSearchParams ? query : new URLSearchParams(query)
    const result = await progressReportForQuery(SEED_PLAN_SLUG, params, board, NOW)
    expect(result.status).toBe(status)
    expect(result.status !== 200 && result.error).toMatch(message)
  })

  it('an unknown plan is 404', async () => {
    const result = await progressReportForQuery('no-such-plan', new URLSearchParams(), board, NOW)
    expect(result).toEqual({ status: 404, error: 'No plan "no-such-plan".' })
  })
})

describe('the report as of a closed cycle (?cycle=)', () => {
  let cycles: { id: string; name: string }[]
  let model: ProgressReportModel
  let pdf: Pdf

  beforeAll(async () => {
    const data = (await loadHistoryData(SEED_PLAN_SLUG, board))!
    cycles = data.history.cycles.map((c) => ({ id: String(c.id), name: c.name }))
    model = await report({ cycle: cycles[1]!.id })
    pdf = readPdf(await renderProgressReport(model), 'annual-2008')
  })

  it('speaks for the cycle, with the numbers the coverage endpoint gives as of it', async () => {
    expect(cycles.map((c) => c.name)).toEqual([
      'Midwinter 2008',
      'Annual 2008',
      'Midwinter 2009',
      'Annual 2009',
    ])
    expect(model.cycle).toMatchObject({ name: 'Annual 2008', state: 'closed' })
    expect(model.asOf).toBe('2008-06-26')
    const asOf = await coverageWithHistoryForQuery(
      SEED_PLAN_SLUG,
      new URLSearchParams({ cycle: cycles[1]!.id }),
      board,
      NOW,
    )
    if (asOf.status !== 200) throw new Error(asOf.error)
    expect(asOf.coverage).toEqual({
      ...model.coverage,
      asOf: {
        cycle: { id: expect.anything(), name: 'Annual 2008' },
        date: expect.stringMatching(/^2008-06-26/),
      },
      stale: expect.any(Number),
    })
    // the demo history: 19 objectives covered then; some of that work has since been dropped (18)
    expect(model.coverage.objectives.covered).toBe(19)
    expect((await report()).coverage.objectives.covered).toBe(18)
  })

  it('says what changed since the cycle before, in the PDF', () => {
    const since = model.since!
    expect(since.from.name).toBe('Midwinter 2008')
    // the demo history: Preservation sent nothing for Annual 2008
    expect(since.sectionsNotReported).toContain('Preservation and Reformatting Section')
    expect(since.trend).toMatch(/since Midwinter 2008/)
    expectPhrase(pdf.squashed, 'Since Midwinter 2008')
    expectPhrase(pdf.squashed, 'Sections that did not report')
    expectPhrase(pdf.squashed, 'Preservation and Reformatting Section')
    expectPhrase(pdf.squashed, since.trend)
    for (const change of since.newlyCompleted) expectPhrase(pdf.squashed, change.title)
  })

  it('is the same report next year: it reads history, not today’s state', async () => {
    const later = new Date(NOW.getTime() + 366 * 24 * 3600 * 1000)
    const result = await progressReportForQuery(
      SEED_PLAN_SLUG,
      new URLSearchParams({ cycle: cycles[1]!.id }),
      board,
      later,
    )
    if (result.status !== 200) throw new Error(result.error)
    expect({ ...result.report, generatedAt: null }).toEqual({ ...model, generatedAt: null })
  })
})

describe('a plan with nothing in it yet', () => {
  it('still renders a readable report', async () => {
    const plan = await payload.create({
      collection: 'plans',
      data: {
        title: 'Empty Plan 2030–2032',
        slug: 'empty-plan',
        organization: 'Example Society',
        startYear: 2030,
        endYear: 2032,
        _status: 'published',
      },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'goals',
      data: { plan: plan.id, number: 1, title: 'A goal without objectives' },
      context: { disableRevalidate: true },
      overrideAccess: true,
    })
    const result = await progressReportForQuery('empty-plan', new URLSearchParams(), board, NOW)
    if (result.status !== 200) throw new Error(result.error)
    expect(result.report.coverage.objectives).toEqual({ total: 0, covered: 0 })
    const pdf = readPdf(await renderProgressReport(result.report), 'empty')
    expectPhrase(pdf.squashed, 'The plan has no objectives yet.')
    expectPhrase(pdf.squashed, 'This goal area has no objectives yet.')
    expectPhrase(pdf.squashed, 'No published initiatives yet.')
    expect(pdf.pages).toBeGreaterThanOrEqual(4)
  })
})

describe('the file name', () => {
  it('is organization, plan, [section,] "progress" and the date, slugged', () => {
    const plan = {
      organization: 'Association for Library Collections & Technical Services',
      slug: 'alcts-strategic-plan-2006-2011',
    }
    expect(reportFileName(plan, '2026-03-14')).toBe(
      'association-for-library-collections-and-technical-services-alcts-strategic-plan-2006-2011-progress-2026-03-14.pdf',
    )
    expect(
      reportFileName({ organization: 'Société Générale', slug: 'plan' }, '2026-01-02', 'serials'),
    ).toBe('societe-generale-plan-serials-progress-2026-01-02.pdf')
    expect(reportFileName({ organization: '"; rm -rf', slug: 'p' }, '2026-01-02')).toBe(
      'rm-rf-p-progress-2026-01-02.pdf',
    )
  })
})
