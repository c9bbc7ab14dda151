/**
 * The full listing's parts (lib/pdf/report/parts.ts): every block exactly once and in the report's
 * order, parts within the row budget, the appendix cut only between sections, and a continued
 * appendix marked so its outline entries nest under the appendix.
 */
import { describe, expect, it } from 'vitest'

import { buildProgressReport, type ProgressReportModel } from '@/lib/pdf/report/model'
import { reportParts, type ReportBlock } from '@/lib/pdf/report/parts'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'

const NOW = new Date('2026-03-14T15:00:00Z')

/** Three goal areas of two objectives, four sections, `count` initiatives on two objectives each. */
function plan(count: number): ProgressReportModel {
  const objectives = [1, 2, 3].flatMap((g) =>
    [1, 2].map((o) => ({
      id: g * 10 + o,
      goal: g,
      number: o,
      text: `o${g}.${o}`,
      code: `${g}.${o}`,
    })),
  )
  const sections = ['acq', 'cat', 'ser', 'pres'].map((slug, i) => ({
    id: i + 1,
    slug,
    name: slug.toUpperCase(),
    abbreviation: null,
  }))
  return buildProgressReport(
    {
      plan: {
        id: 1,
        slug: 'p',
        title: 'Plan',
        organization: 'Org',
        startYear: 2006,
        endYear: 2011,
      },
      goals: [1, 2, 3].map((n) => ({ id: n, number: n, title: `Goal ${n}` })),
      objectives,
      sections,
      initiatives: Array.from({ length: count }, (_, n) => ({
        id: n + 1,
        title: `Initiative ${n}`,
        // most in the first section: one section's rows outgrow a part
        section: n % 5 === 0 ? sections[1 + (n % 3)]!.id : sections[0]!.id,
        objectives: [objectives[n % 6]!.id, objectives[(n + 1) % 6]!.id],
        status: INITIATIVE_STATUSES[n % INITIATIVE_STATUSES.length]!,
        progress: n % 101,
        visibility: 'public' as const,
        published: true,
      })),
    },
    { audience: 'members', now: NOW, listing: 'full' },
  )
}

const label = (b: ReportBlock) =>
  b.kind === 'goal' ? `goal ${b.number}` : b.kind === 'appendix' ? `appendix ${b.slugs}` : b.kind

describe('reportParts', () => {
  it('keeps a short report in one part, every block in order', () => {
    const report = plan(20)
    const parts = reportParts(report)
    expect(parts).toHaveLength(1)
    expect(parts[0]!.blocks.map(label)).toEqual([
      'intro',
      'goal 1',
      'goal 2',
      'goal 3',
      'gaps',
      `appendix ${report.sections.map((s) => s.slug)}`,
    ])
    expect(parts[0]!.continues).toBe(false)
  })

  it('cuts a long report where it starts a new page, within the row budget', () => {
    const report = plan(600)
    const budget = 300
    const parts = reportParts(report, budget)
    expect(parts.length).toBeGreaterThan(4)
    const blocks = parts.flatMap((p) => p.blocks)
    // every block once, in the report's order; the appendix's sections once each, in order
    expect(blocks.filter((b) => b.kind !== 'appendix').map(label)).toEqual([
      'intro',
      'goal 1',
      'goal 2',
      'goal 3',
      'gaps',
    ])
    const appendix = blocks.filter((b) => b.kind === 'appendix')
    expect(appendix.flatMap((b) => b.slugs)).toEqual(report.sections.map((s) => s.slug))
    expect(appendix.map((b) => b.heading)).toEqual(appendix.map((_, i) => i === 0))
    // a part is either within the budget or one block that alone is larger
    const rows = (b: ReportBlock) =>
      b.kind === 'appendix'
        ? b.slugs.reduce(
            (n, slug) => n + 1 + report.sections.find((s) => s.slug === slug)!.initiatives.length,
            0,
          )
        : b.kind === 'goal'
          ? report.goals
              .find((g) => g.number === b.number)!
              .objectives.reduce((n, o) => n + 1 + o.initiatives.length, 0)
          : 0
    for (const part of parts) {
      if (part.blocks.length > 1) {
        expect(part.blocks.reduce((n, b) => n + rows(b), 0)).toBeLessThanOrEqual(budget)
      }
    }
    // the first section alone is larger than the budget: its own part, never cut
    const first = report.sections[0]!
    expect(first.initiatives.length).toBeGreaterThan(budget)
    expect(
      parts.some((p) =>
        p.blocks.some((b) => b.kind === 'appendix' && b.slugs.includes(first.slug)),
      ),
    ).toBe(true)
    // a part opening with a later piece of the appendix continues the appendix's outline
    expect(parts.map((p) => p.continues)).toEqual(
      parts.map((p) => p.blocks[0]!.kind === 'appendix' && !p.blocks[0]!.heading),
    )
    expect(parts.some((p) => p.continues)).toBe(true)
  })
})
