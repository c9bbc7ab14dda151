import { describe, expect, it } from 'vitest'

import {
  labelWidth,
  layoutAxisLabels,
  wrapLabel,
  type AxisLabelLayout,
  type AxisLabelOptions,
} from '@/lib/charts/axisLabels'

// The demo plan's cycles, and the trend chart's plot at the dashboard's widths: the wide card on
// a 1280 px desktop, and a 375 px phone (y axis 48 px on the left, 16 px margin on the right).
const demo = ['Midwinter 2008', 'Annual 2008', 'Midwinter 2009', 'Annual 2009']
const desktop = { plotWidth: 1006, roomLeft: 48, roomRight: 16 }
const phone = { plotWidth: 253, roomLeft: 48, roomRight: 16 }

/**
 * Where each drawn label lies, as [left, right] px from the chart's left edge, recomputed from the
 * layout the way Recharts places the ticks (points edge to edge inside the padding, or band centres).
 */
function extents(labels: string[], layout: AxisLabelLayout, o: AxisLabelOptions) {
  const n = labels.length
  const inner = o.plotWidth - layout.padding.left - layout.padding.right
  const centre = (i: number) =>
    o.roomLeft +
    layout.padding.left +
    (o.kind === 'points' ? (n > 1 ? (inner * i) / (n - 1) : inner / 2) : (inner * (i + 0.5)) / n)
  return labels.flatMap((_, i) => {
    if (!layout.shown[i]) return []
    const half = Math.max(...(layout.lines[i] ?? []).map(labelWidth)) / 2
    return [{ i, left: centre(i) - half, right: centre(i) + half }]
  })
}

/** Every drawn label inside the chart, none touching its neighbour, none cut. */
function expectReadable(labels: string[], layout: AxisLabelLayout, o: AxisLabelOptions) {
  const drawn = extents(labels, layout, o)
  expect(drawn.length).toBeGreaterThan(0)
  for (const { left, right } of drawn) {
    expect(left).toBeGreaterThanOrEqual(0)
    expect(right).toBeLessThanOrEqual(o.roomLeft + o.plotWidth + o.roomRight)
  }
  for (let k = 1; k < drawn.length; k++) {
    expect(drawn[k]!.left).toBeGreaterThan(drawn[k - 1]!.right)
  }
  // no label is cut: its lines hold all its words
  labels.forEach((label, i) => {
    expect((layout.lines[i] ?? []).join(' ')).toBe(label.split(/\s+/).join(' '))
  })
  // the latest category is always labelled
  expect(layout.shown[labels.length - 1]).toBe(true)
}

describe('wrapLabel', () => {
  it.each([
    ['Midwinter 2008', 1000, ['Midwinter 2008']],
    ['Midwinter 2008', 70, ['Midwinter', '2008']],
    ['Spring 2025 board meeting', labelWidth('Spring 2025'), ['Spring 2025', 'board', 'meeting']],
    // a word wider than the line keeps a line of its own, whole
    ['Extraordinarily 2008', 20, ['Extraordinarily', '2008']],
    ['  Annual   2009 ', 1000, ['Annual 2009']],
    ['', 100, ['']],
  ])('%j in %i px', (label, max, lines) => {
    expect(wrapLabel(label, max)).toEqual(lines)
  })
})

describe('layoutAxisLabels', () => {
  it('keeps the demo cycles on one line on a desktop, with room for the last label (was "Annual 2…")', () => {
    const o = { ...desktop, kind: 'points' } as const
    const layout = layoutAxisLabels(demo, o)
    expect(layout.lines).toEqual(demo.map((label) => [label]))
    expect(layout.shown).toEqual([true, true, true, true])
    expect(layout.height).toBe(30)
    expect(layout.padding.right).toBeGreaterThanOrEqual(labelWidth('Annual 2009') / 2 - 16)
    expectReadable(demo, layout, o)
  })

  it('wraps the demo cycles over two lines on a phone and draws them all', () => {
    for (const kind of ['points', 'bands'] as const) {
      const o = { ...phone, kind }
      const layout = layoutAxisLabels(demo, o)
      expect(layout.lines).toEqual([
        ['Midwinter', '2008'],
        ['Annual', '2008'],
        ['Midwinter', '2009'],
        ['Annual', '2009'],
      ])
      expect(layout.shown).toEqual([true, true, true, true])
      expect(layout.height).toBe(44)
      expectReadable(demo, layout, o)
    }
  })

  it('labels every other cycle, back from the latest, when even wrapped labels would overlap', () => {
    const years = [2006, 2007, 2008, 2009, 2010, 2011]
    const many = years.flatMap((y) => [`Midwinter ${y}`, `Annual ${y}`])
    for (const kind of ['points', 'bands'] as const) {
      const o = { ...phone, kind }
      const layout = layoutAxisLabels(many, o)
      expect(layout.shown.filter(Boolean).length).toBeLessThan(many.length)
      expect(layout.shown.filter(Boolean).length).toBeGreaterThan(1)
      expectReadable(many, layout, o)
      // the same twelve fit on a desktop, every one
      const wide = layoutAxisLabels(many, { ...desktop, kind })
      expect(wide.shown.every(Boolean)).toBe(true)
      expectReadable(many, wide, { ...desktop, kind })
    }
  })

  it('handles one label, none, and long names', () => {
    expect(layoutAxisLabels([], { ...phone, kind: 'points' }).shown).toEqual([])
    const one = layoutAxisLabels(['Annual 2009'], { ...phone, kind: 'points' })
    expect(one.shown).toEqual([true])
    const long = [
      'Spring 2025 board meeting',
      'Autumn 2025 board meeting',
      'Spring 2026 board meeting',
    ]
    const o = { ...phone, kind: 'points' } as const
    const layout = layoutAxisLabels(long, o)
    expectReadable(long, layout, o)
    expect(layout.height).toBe(30 + 14 * (Math.max(...layout.lines.map((l) => l.length)) - 1))
  })
})
