/**
 * Status colours: the dashboard, the public plan pages' badges and the board report's PDF take
 * them from one map (lib/format/statusColours.ts), and every colour passes its contrast check
 * (WCAG 2 AA) against what it is drawn on: 3:1 for the marks (bars, dots, swatches), 4.5:1 for
 * the status words written beside them. The backgrounds and the words' colours are read from where
 * the site (app/(frontend)/styles.css, plan.css) and the PDF (lib/pdf/report/theme.ts) define
 * them. The trend chart's goal-area lines are checked the same way.
 */
import fs from 'node:fs'
import path from 'node:path'

import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import {
  STATUS_COLOURS as DASHBOARD_STATUS_COLOURS,
  TREND_COLOURS,
} from '@/components/charts/palette'
import { StatusBadge } from '@/components/plan/InitiativeItem'
import {
  contrastRatio,
  MARK_CONTRAST,
  relativeLuminance,
  TEXT_CONTRAST,
} from '@/lib/format/contrast'
import { STATUS_COLOURS } from '@/lib/format/statusColours'
import { COLORS, STATUS_COLORS as PDF_STATUS_COLOURS } from '@/lib/pdf/report/theme'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'

const read = (file: string) => fs.readFileSync(path.join(process.cwd(), file), 'utf8')
const tokens = read('app/(frontend)/styles.css')
const dashboardCss = read('app/(frontend)/dashboard/dashboard.css')
const planCss = read('app/(frontend)/plan.css')

/** The declarations of one rule of a stylesheet (`.status {…}`), by its exact selector. */
function rule(css: string, selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')
  const body = new RegExp(`(?:^|})\\s*${escaped}\\s*{([^}]*)}`).exec(css)?.[1]
  if (body === undefined) throw new Error(`no "${selector}" rule`)
  return Object.fromEntries(
    body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split(';')
      .map((d) => d.split(':').map((part) => part.trim()))
      .filter(([property, value]) => property && value)
      .map(([property, value]) => [property!, value!]),
  )
}

/** The selector of the status dot's one rule, beside the public badges and on the dashboard. */
const STATUS_DOT = '.status::before,\n.dash-status::before'

/** A `var(--token)` of styles.css as its colour. */
const resolve = (value: string | undefined) => {
  const name = /^var\(--([a-z0-9-]+)\)$/.exec(value ?? '')?.[1]
  if (!name) throw new Error(`"${value}" is not a var(--token) of styles.css`)
  return token(name)
}

/** A colour token of the site's stylesheet (`--paper: #ffffff;`). */
function token(name: string): string {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(tokens)?.[1]
  if (!value) throw new Error(`--${name} is not a #rrggbb token of styles.css`)
  return value.toLowerCase()
}

/** react-pdf draws on white pages. */
const PDF_PAGE = '#ffffff'

/** Where each status colour is drawn, and what is written beside it in what colour. */
const USES = {
  dashboard: {
    colours: DASHBOARD_STATUS_COLOURS,
    // chart cards and the drill-down on paper; the filter's swatches on the filter panel
    marksOn: [token('paper'), token('paper-alt')],
    words: [
      { what: 'legend and tooltip labels (ink)', colour: token('ink'), on: token('paper') },
      { what: 'drill-down status (muted ink)', colour: token('ink-muted'), on: token('paper') },
      { what: 'filter labels (ink)', colour: token('ink'), on: token('paper-alt') },
    ],
  },
  pdf: {
    colours: PDF_STATUS_COLOURS,
    // dots in the tables' rows and the status bar with its legend, all on the page
    marksOn: [PDF_PAGE, COLORS.paperAlt],
    words: [
      { what: 'status cells and legend (ink)', colour: COLORS.ink, on: PDF_PAGE },
      { what: 'an inactive initiative’s status (faint)', colour: COLORS.faint, on: PDF_PAGE },
    ],
  },
}

describe('status colours', () => {
  it('the dashboard and the PDF take from the same map, one colour per status', () => {
    expect(DASHBOARD_STATUS_COLOURS).toBe(STATUS_COLOURS)
    expect(PDF_STATUS_COLOURS).toBe(STATUS_COLOURS)
    expect(Object.keys(STATUS_COLOURS)).toEqual([...INITIATIVE_STATUSES])
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(INITIATIVE_STATUSES.length)
    expect(Object.isFrozen(STATUS_COLOURS)).toBe(true)
  })

  it('the dashboard’s stylesheet colours no status of its own (it drifted from the PDF before)', () => {
    expect(dashboardCss).not.toMatch(
      /(swatch|status)--(proposed|planned|in-progress|completed|deferred|cancelled)\b/,
    )
    expect(rule(tokens, STATUS_DOT)['background']).toBe('var(--status-colour)')
  })

  it('one rule draws a status’s dot on the public pages and on the dashboard (styles.css)', () => {
    expect(rule(tokens, STATUS_DOT)['background']).toBe('var(--status-colour)')
    expect(planCss).not.toMatch(/\.status::before/)
    expect(dashboardCss).not.toMatch(/\.dash-status::before\s*{[^}]*background/)
  })

  it('the public pages’ badges take their colour from the map (plan.css had a palette of its own)', () => {
    expect(planCss).not.toMatch(/\.status--[a-z-]+\s*{/)
    for (const status of INITIATIVE_STATUSES) {
      const html = renderToStaticMarkup(createElement(StatusBadge, { status }))
      expect(html).toContain(`style="--status-colour:${STATUS_COLOURS[status]}"`)
    }
    expect(rule(planCss, '.status')['border']).toBe('1px solid var(--status-colour)')
    expect(rule(tokens, STATUS_DOT)['background']).toBe('var(--status-colour)')
  })

  it('public pages: a badge’s words pass AA on its background, its dot 3:1 on the page', () => {
    const badge = rule(planCss, '.status')
    const [ink, background] = [resolve(badge['color']), resolve(badge['background'])]
    expect(contrastRatio(ink, background)).toBeGreaterThanOrEqual(TEXT_CONTRAST)
    // the dot and border on the badge, which sits on paper or on the light grey of a section
    const failing = INITIATIVE_STATUSES.flatMap((status) =>
      [background, token('paper'), token('paper-alt')]
        .map((on) => ({ status, on, ratio: contrastRatio(STATUS_COLOURS[status], on) }))
        .filter(({ ratio }) => ratio < MARK_CONTRAST),
    )
    expect(failing).toEqual([])
  })

  for (const [use, { colours, marksOn, words }] of Object.entries(USES)) {
    it(`${use}: every status mark is at least 3:1 against what it is drawn on`, () => {
      const failing = INITIATIVE_STATUSES.flatMap((status) =>
        marksOn
          .map((on) => ({
            status,
            colour: colours[status],
            on,
            ratio: contrastRatio(colours[status], on),
          }))
          .filter(({ ratio }) => ratio < MARK_CONTRAST),
      )
      expect(failing).toEqual([])
    })

    it(`${use}: the status words beside them pass AA for text (4.5:1)`, () => {
      for (const { what, colour, on } of words) {
        expect([what, contrastRatio(colour, on) >= TEXT_CONTRAST]).toEqual([what, true])
      }
    })
  }
})

describe('trend chart: goal-area lines', () => {
  it('each is a #rrggbb at least 3:1 on the chart card’s paper, no two alike', () => {
    expect(TREND_COLOURS.length).toBeGreaterThanOrEqual(5)
    expect(new Set(TREND_COLOURS).size).toBe(TREND_COLOURS.length)
    const card = resolve(rule(dashboardCss, '.dash-card')['background'])
    const failing = TREND_COLOURS.map((colour) => ({
      colour,
      ratio: contrastRatio(colour, card),
    })).filter(({ ratio }) => ratio < MARK_CONTRAST)
    expect(failing).toEqual([])
  })

  it('the legend’s and tooltip’s words are ink, not the lines’ colours', () => {
    const chart = read('components/charts/TrendChart.client.tsx')
    expect(chart).toMatch(/<Legend\b(?:(?!\/>)[\s\S])*labelStyle={INK_TEXT}/)
    expect(chart).toMatch(/<Tooltip\b(?:(?!\/>)[\s\S])*itemStyle={INK_TEXT}/)
    expect(contrastRatio(token('ink'), token('paper'))).toBeGreaterThanOrEqual(TEXT_CONTRAST)
  })
})

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#0072b2', '#ffffff', 5.19],
    ['#e69f00', '#ffffff', 2.25],
  ])('%s on %s is %d:1, whichever comes first', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2)
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2)
  })

  it('refuses anything but #rrggbb', () => {
    for (const bad of ['#fff', 'red', 'var(--chart-1)', '#12345g'])
      expect(() => relativeLuminance(bad)).toThrow(/#rrggbb/)
  })
})
