/**
 * The full listing's own pagination and line breaking (lib/pdf/report/listing/layout.ts), the
 * parts that decide where rows and headings land: every row once and in order, none cut at a
 * page's foot, a group's heading never left alone at the foot, "(continued)" on each page a group
 * runs onto and nowhere else, and wrapped lines that keep every word and fit their cell.
 */
import { describe, expect, it } from 'vitest'

import { paginate, wrapRuns, type LayoutGroup, type Run } from '@/lib/pdf/report/listing/layout'

const FRAME = { firstTop: 300, top: 66, bottom: 732, head: 16 }

/** A deterministic spread of row heights: one-line rows, some of two and three lines. */
function groups(sizes: number[]): LayoutGroup[] {
  let seed = 7
  const next = () => (seed = (seed * 48271) % 2147483647)
  return sizes.map((n) => ({
    heading: 27.5,
    continuedHeading: 27.5,
    rows: Array.from(
      { length: n },
      () => 17.5 + 11 * (next() % 7 === 0 ? 1 : next() % 23 === 0 ? 2 : 0),
    ),
  }))
}

describe('paginate', () => {
  const table = groups([12, 130, 5, 1, 0, 40, 3, 300, 2])
  const placed = paginate(table, FRAME)

  it('places every row exactly once, in order, and never past the page foot', () => {
    const rows = placed.filter((p) => p.kind === 'row')
    const expected = table.flatMap((g, group) => g.rows.map((_, row) => `${group}.${row}`))
    expect(rows.map((p) => (p.kind === 'row' ? `${p.group}.${p.row}` : ''))).toEqual(expected)
    for (const p of rows) {
      if (p.kind !== 'row') continue
      expect(p.top + table[p.group]!.rows[p.row]!).toBeLessThanOrEqual(FRAME.bottom)
    }
  })

  it('stacks what it places on a page without overlaps, the column heads first', () => {
    const pages = Math.max(...placed.map((p) => p.page)) + 1
    expect(pages).toBeGreaterThan(10)
    for (let page = 0; page < pages; page += 1) {
      const on = placed.filter((p) => p.page === page)
      expect(on[0]).toEqual({
        kind: 'head',
        page,
        top: page === 0 ? FRAME.firstTop : FRAME.top,
      })
      for (let i = 1; i < on.length; i += 1) {
        const prev = on[i - 1]!
        const height =
          prev.kind === 'head'
            ? FRAME.head
            : prev.kind === 'heading'
              ? table[prev.group]!.heading
              : table[prev.group]!.rows[prev.row]!
        expect(on[i]!.top).toBeCloseTo(prev.top + height, 6)
      }
    }
  })

  it('keeps a heading with its first row, and repeats it "continued" on every page its group runs onto', () => {
    const pages = Math.max(...placed.map((p) => p.page)) + 1
    for (let page = 0; page < pages; page += 1) {
      const on = placed.filter((p) => p.page === page)
      const last = on.at(-1)!
      // a group with rows never ends a page with its heading
      if (last.kind === 'heading') expect(table[last.group]!.rows).toHaveLength(0)
      const firstRow = on.find((p) => p.kind === 'row')
      if (!firstRow || firstRow.kind !== 'row') continue
      const headings = on.filter((p) => p.kind === 'heading')
      const startsHere = firstRow.row === 0
      // the page's first row follows its group's heading: a continued one unless the group starts
      const before = on[on.indexOf(firstRow) - 1]!
      expect(before).toMatchObject({
        kind: 'heading',
        group: firstRow.group,
        continued: !startsHere,
      })
      // "continued" only there: one at most on a page, right under the column heads
      const continued = headings.filter((h) => h.kind === 'heading' && h.continued)
      expect(continued.length).toBe(startsHere ? 0 : 1)
      if (continued[0]) expect(on.indexOf(continued[0])).toBe(1)
    }
    // each group's own heading exactly once
    const starts = placed.filter((p) => p.kind === 'heading' && !p.continued)
    expect(starts.map((p) => (p.kind === 'heading' ? p.group : -1))).toEqual(table.map((_, i) => i))
  })

  it('moves a heading whose first row would not fit to the next page, not "continued"', () => {
    // the first page has room for the heading but not its first row
    const tight = paginate([{ heading: 27.5, continuedHeading: 27.5, rows: [17.5, 17.5] }], {
      ...FRAME,
      firstTop: FRAME.bottom - FRAME.head - 30,
    })
    expect(tight).toEqual([
      { kind: 'head', page: 0, top: FRAME.bottom - FRAME.head - 30 },
      { kind: 'head', page: 1, top: FRAME.top },
      { kind: 'heading', page: 1, top: FRAME.top + FRAME.head, group: 0, continued: false },
      { kind: 'row', page: 1, top: FRAME.top + FRAME.head + 27.5, group: 0, row: 0 },
      { kind: 'row', page: 1, top: FRAME.top + FRAME.head + 45, group: 0, row: 1 },
    ])
  })
})

describe('wrapRuns', () => {
  /** a monospaced face: 5 pt a character */
  const mono = (text: string): Run => ({ text, width: (t) => t.length * 5 })

  it('keeps every word in order and fits each line (its spaces shrunk by at most a third)', () => {
    const title = 'Coordinate cataloging workflows for digital collections (429) and more words'
    for (const width of [40, 73, 100, 212, 1000]) {
      const lines = wrapRuns([mono(title)], width)
      const text = lines.map((l) => l.pieces.map((p) => p.text).join('')).join(' ')
      // no word is broken unless it is wider than the cell (at 40 pt some are)
      if (width >= 60) expect(text.split(/\s+/)).toEqual(title.split(' '))
      expect(text.replace(/\s+/g, '')).toBe(title.replace(/\s+/g, ''))
      for (const line of lines) {
        const spaces =
          line.pieces
            .map((p) => p.text)
            .join('')
            .split(' ').length - 1
        expect(line.width - (spaces * 5) / 3).toBeLessThanOrEqual(width + 0.01)
        expect(line.pieces[0]?.text.startsWith(' ')).toBe(false)
        expect(line.pieces.at(-1)?.text.endsWith(' ')).toBe(false)
      }
    }
  })

  it('fits a line by shrinking its spaces as react-pdf does, and no further', () => {
    // "aaaa bbbb" is 45 pt wide; its one space may give up 5/3 pt
    expect(wrapRuns([mono('aaaa bbbb')], 43.4)).toHaveLength(1)
    expect(wrapRuns([mono('aaaa bbbb')], 43.2)).toHaveLength(2)
  })

  it('carries a second run on the same line, then wraps it', () => {
    const lines = wrapRuns([mono('identifies trends'), mono(' (continued)')], 100)
    expect(lines.map((l) => l.pieces.map((p) => p.text))).toEqual([
      ['identifies trends'],
      ['(continued)'],
    ])
    const wide = wrapRuns([mono('trends'), mono(' (continued)')], 100)
    expect(wide).toHaveLength(1)
    expect(wide[0]!.pieces.map((p) => [p.text, p.x])).toEqual([
      ['trends', 0],
      [' (continued)', 30],
    ])
  })

  it('breaks a word longer than its cell between characters', () => {
    const lines = wrapRuns([mono('abcdefghij')], 20)
    expect(lines.map((l) => l.pieces[0]!.text)).toEqual(['abcd', 'efgh', 'ij'])
  })
})
