import 'server-only'

import { createHash } from 'node:crypto'
import fs from 'node:fs'

import fontkit, { type Font } from '@pdf-lib/fontkit'
import { rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib'

import { statusTitle } from '@/lib/format/labels'
import { LISTING_FONT_FILES } from '@/lib/pdf/fonts'
import { CONTINUED } from '../GroupHeading'
import { formatCellDate, formatProgress } from '../format'
import { CODES_WIDTH } from '../AppendixSection'
import { BAR, COLUMNS, DOT, DOT_GAP } from '../InitiativeCells'
import type { ReportInitiative, ReportObjective, ReportSectionGroup } from '../model'
import { runningTexts } from '../RunningHeader'
import { codeWidth, COLORS, FOOTER, PAGE, STATUS_COLORS } from '../theme'
import { paginate, wrapRuns, type Line, type Run } from './layout'

/**
 * The full listing's long tables (an objective's initiatives in a goal area, the appendix's
 * sections) drawn with pdf-lib instead of react-pdf, whose cost at 5,000 initiatives is laying
 * out every box again on each page it cuts (bench/report/README.md). react-pdf draws the rest of
 * the report and leaves a marker where a table starts (ListingMarker); lib/pdf/report/join.ts
 * calls `drawListingTable` there. The geometry is react-pdf's, read from the same theme: the rows
 * of GoalAreaSection.tsx, AppendixSection.tsx, GroupHeading.tsx and InitiativeCells.tsx, at the
 * same places (the tests compare the text, and the pages were compared by eye).
 */

/** A face's measures at 1 pt, as react-pdf takes them (fontkit's advances after kerning). */
interface FaceMetrics {
  /** the width of a text */
  width: (text: string) => number
  /** what kerning adds between two adjacent characters of a word (0 for most pairs) */
  kern: (a: string, b: string) => number
}

export interface ListingFonts {
  metrics: Map<PDFFont, FaceMetrics>
  sans: PDFFont
  sansItalic: PDFFont
  sansSemibold: PDFFont
  sansBold: PDFFont
  serif: PDFFont
}

/**
 * The width of `text` at 1 pt as react-pdf measures it (fontkit's advances after kerning), word by
 * word, each word shaped once. Kerning across a space is left out (Source Sans kerns none there).
 * A pair's kerning is what shaping the two together adds to their two widths (a ligature such as
 * "fi" counts as the pair's kerning: its glyphs are drawn apart, where the ligature would stand).
 */
function faceMetrics(font: Font): FaceMetrics {
  const em = font.unitsPerEm
  const widths = new Map<string, number>()
  const word = (w: string) => {
    let a = widths.get(w)
    if (a === undefined) {
      a = font.layout(w).positions.reduce((sum, p) => sum + p.xAdvance, 0) / em
      widths.set(w, a)
    }
    return a
  }
  const pairs = new Map<string, number>()
  const kern = (a: string, b: string) => {
    const pair = a + b
    let k = pairs.get(pair)
    if (k === undefined) {
      k = word(pair) - word(a) - word(b)
      pairs.set(pair, k)
    }
    return k
  }
  const width = (text: string) => {
    let w = 0
    let start = 0
    for (let i = 0; i <= text.length; i += 1) {
      if (i === text.length || text[i] === ' ') {
        if (i > start) w += word(text.slice(start, i))
        if (i < text.length) w += word(' ')
        start = i + 1
      }
    }
    return w
  }
  return { width, kern }
}

/**
 * A subset font's name (BaseFont, FontName): a tag of six capitals, `+`, the face's PostScript name,
 * as the PDF format asks of a subset, different subsets in one file with different tags (ISO
 * 32000-1, 9.6.4). The tag is a digest of `key` in A–Y: the same for the same key in every report,
 * and never one of pdfkit's (react-pdf's faces: a letter or two, then Z's), which subsets the same
 * faces differently in the same document. `key` defaults to the name.
 */
export function subsetFontName(postscriptName: string, key = postscriptName): string {
  const digest = createHash('sha256').update(key).digest()
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 25))).join('')
  return `${tag}+${postscriptName}`
}

/** The faces the tables use, embedded (subsetted) once in `doc`; pdf-lib needs fontkit registered. */
export async function embedListingFonts(doc: PDFDocument): Promise<ListingFonts> {
  const metrics = new Map<PDFFont, FaceMetrics>()
  const embed = async (file: string) => {
    const bytes = fs.readFileSync(file)
    const face = fontkit.create(bytes)
    const font = await doc.embedFont(bytes, {
      subset: true,
      customName: subsetFontName(face.postscriptName ?? 'Font'),
    })
    metrics.set(font, faceMetrics(face))
    return font
  }
  const f = LISTING_FONT_FILES
  const [sans, sansItalic, sansSemibold, sansBold, serif] = await Promise.all([
    embed(f.sans),
    embed(f.sansItalic),
    embed(f.sansSemibold),
    embed(f.sansBold),
    embed(f.serif),
  ])
  return { metrics, sans, sansItalic, sansSemibold, sansBold, serif }
}

/** A theme colour (`#rrggbb`) as pdf-lib's (join.ts's page numbers use it too). */
export const pdfColor = (color: string): Color => {
  const n = Number.parseInt(color.slice(1), 16)
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255)
}

/** A run of text in one face, size, colour and letter spacing. */
interface Face extends Run {
  font: PDFFont
  size: number
  color: Color
  spacing: number
}

/** The tables' type (theme.ts `styles.table`, `headRow`; GoalAreaSection's objective row). */
const TEXT = { size: 8.5, line: 11 }
const HEAD = { size: 7.5, line: 10, spacing: 0.4, padBottom: 3, rule: 1, marginBottom: 1 }
const OBJECTIVE = { size: 9.5, line: 13 }
const BADGE = { size: 7.5, line: 10, spacing: 0.4, padY: 1.5, width: 92 }
const ROW = { padY: 3, padX: 4, rule: 0.5 }
const GROUP = { marginTop: 6, padY: 4, rule: 0.5 }
/** the table's margin above its first row of column heads */
const TABLE_MARGIN = 4
const INDENT = 30

const LEFT = PAGE.marginX
const RIGHT = PAGE.width - PAGE.marginX
const IN_LEFT = LEFT + ROW.padX
const IN_RIGHT = RIGHT - ROW.padX
/** the initiative cells right of the title: [section], status, progress, target date */
const cellsWidth = (section: boolean) =>
  (section ? COLUMNS.section : 0) + COLUMNS.status + COLUMNS.progress + COLUMNS.target

const STATUS = Object.fromEntries(
  Object.entries(STATUS_COLORS).map(([status, color]) => [status, pdfColor(color)]),
) as Record<keyof typeof STATUS_COLORS, Color>

const COLOR = {
  ink: pdfColor(COLORS.ink),
  muted: pdfColor(COLORS.muted),
  faint: pdfColor(COLORS.faint),
  brand: pdfColor(COLORS.brand),
  rule: pdfColor(COLORS.rule),
  paperAlt: pdfColor(COLORS.paperAlt),
  track: pdfColor(COLORS.track),
  bar: pdfColor(COLORS.bar),
  ok: pdfColor(COLORS.ok),
  okTint: pdfColor(COLORS.okTint),
  gap: pdfColor(COLORS.gap),
  gapTint: pdfColor(COLORS.gapTint),
}

const num = (n: number) => String(Math.round(n * 1000) / 1000)
const fill = (c: Color) =>
  c.type === 'RGB' ? `${num(c.red)} ${num(c.green)} ${num(c.blue)} rg` : '0 g'
/** a circle's control points: four Bézier arcs */
const KAPPA = 0.5522847498

/**
 * Draws a table's pages as text: each page's operators are kept as strings and written as one
 * content stream when the table is done (`finish`). pdf-lib's own drawing keeps every operator as
 * objects until the document is saved (some ten per text), which at 5,000 initiatives was most of
 * the tables' memory. Text is set glyph by glyph, each character's glyph looked up once: pdf-lib
 * shapes every string it draws with fontkit (ligatures, kerning), which took two thirds of the
 * tables' time at 500 initiatives. The kerning is kept (a `TJ` shift between the pairs that kern,
 * each pair measured once): the text is drawn as wide as it was measured, so a run that follows
 * another on a line, a wrapped cell's edge and a right-aligned cell sit where react-pdf put them.
 */
class Painter {
  private ascents = new Map<string, number>()
  private glyphCodes = new Map<PDFFont, Map<string, string>>()
  private ops = new Map<PDFPage, string[]>()
  private fontKeys = new Map<PDFPage, Map<PDFFont, string>>()

  constructor(readonly fonts: ListingFonts) {}

  private out(page: PDFPage): string[] {
    let ops = this.ops.get(page)
    if (!ops) this.ops.set(page, (ops = []))
    return ops
  }

  private fontKey(page: PDFPage, font: PDFFont): string {
    let keys = this.fontKeys.get(page)
    if (!keys) this.fontKeys.set(page, (keys = new Map()))
    let key = keys.get(font)
    if (key === undefined) {
      key = page.node.newFontDictionary('Listing', font.ref).toString()
      keys.set(font, key)
    }
    return key
  }

  /** `text` as a `TJ` array: its glyphs, shifted between the pairs that kern. */
  private encode(font: PDFFont, text: string): string {
    let codes = this.glyphCodes.get(font)
    if (!codes) this.glyphCodes.set(font, (codes = new Map()))
    const { kern } = this.metricsOf(font)
    let out = '[<'
    let previous = ''
    for (const ch of text) {
      const k = previous && previous !== ' ' && ch !== ' ' ? kern(previous, ch) : 0
      // in thousandths of the font size, taken away from the position
      if (k !== 0) out += `> ${num(-k * 1000)} <`
      let code = codes.get(ch)
      if (code === undefined) {
        // marks the glyph used: the subset embedded at save holds it
        code = font.encodeText(ch).asString()
        codes.set(ch, code)
      }
      out += code
      previous = ch
    }
    return `${out}>]`
  }

  private metricsOf(font: PDFFont): FaceMetrics {
    const metrics = this.fonts.metrics.get(font)
    if (!metrics) throw new Error(`${font.name} is not one of the listing's faces.`)
    return metrics
  }

  /** Writes each page's operators as one more content stream of the page. */
  finish(doc: PDFDocument): void {
    for (const [page, ops] of this.ops) {
      const stream = doc.context.flateStream(`q\n${ops.join('\n')}\nQ\n`)
      page.node.addContentStream(doc.context.register(stream))
    }
    this.ops.clear()
  }

  face(font: PDFFont, size: number, color: Color, text: string, spacing = 0): Face {
    const unit = this.metricsOf(font).width
    const tracking = (t: string) => (spacing ? spacing * [...t].length : 0)
    const width = (t: string) => unit(t) * size + tracking(t)
    return { text, font, size, color, spacing, width }
  }

  /** react-pdf sets a line's glyphs from the top of its box: baseline = line top + ascent */
  ascent(font: PDFFont, size: number): number {
    const key = `${font.name}|${size}`
    let a = this.ascents.get(key)
    if (a === undefined) {
      a = font.heightAtSize(size, { descender: false })
      this.ascents.set(key, a)
    }
    return a
  }

  lines(
    page: PDFPage,
    lines: Line<Face>[],
    x: number,
    top: number,
    width: number,
    lineHeight: number,
    align: 'left' | 'right' | 'center' = 'left',
  ): void {
    lines.forEach((line, i) => {
      const offset =
        align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0
      for (const piece of line.pieces) {
        if (!piece.text) continue
        const { font, size, color, spacing } = piece.run
        const baseline = top + i * lineHeight + this.ascent(font, size)
        const key = this.fontKey(page, font)
        this.out(page).push(
          `BT ${fill(color)} ${key} ${num(size)} Tf ${num(spacing)} Tc ` +
            `${num(x + offset + piece.x)} ${num(PAGE.height - baseline)} Td ` +
            `${this.encode(font, piece.text)} TJ ET`,
        )
      }
    })
  }

  rect(page: PDFPage, x: number, top: number, width: number, height: number, color: Color) {
    this.out(page).push(
      `${fill(color)} ${num(x)} ${num(PAGE.height - top - height)} ${num(width)} ${num(height)} re f`,
    )
  }

  /** a filled circle of radius `r` centred at (cx, top + r) */
  dot(page: PDFPage, cx: number, top: number, r: number, color: Color) {
    const x = cx
    const y = PAGE.height - top - r
    const k = KAPPA * r
    const c = (...n: number[]) => n.map(num).join(' ')
    this.out(page).push(
      `${fill(color)} ${c(x + r, y)} m ${c(x + r, y + k, x + k, y + r, x, y + r)} c ` +
        `${c(x - k, y + r, x - r, y + k, x - r, y)} c ${c(x - r, y - k, x - k, y - r, x, y - r)} c ` +
        `${c(x + k, y - r, x + r, y - k, x + r, y)} c f`,
    )
  }
}

/** One measured row: its height and how to draw it with its top at `top`. */
interface Drawn {
  height: number
  draw: (page: PDFPage, top: number) => void
}

/** A table row of initiative cells (InitiativeCells.tsx): title [, codes] [, section], status… */
function initiativeRow(
  p: Painter,
  initiative: ReportInitiative,
  kind: 'objective' | 'section',
): Drawn {
  const { sans } = p.fonts
  const color = initiative.active ? COLOR.ink : COLOR.faint
  const withSection = kind === 'objective'
  const cellsLeft = IN_RIGHT - cellsWidth(withSection)
  const cells: { x: number; width: number; lines: Line<Face>[]; align?: 'right' }[] = []
  const cell = (x: number, width: number, text: string, align?: 'right', ink = color) =>
    cells.push({ x, width, align, lines: wrapRuns([p.face(sans, TEXT.size, ink, text)], width) })
  if (withSection) {
    cell(IN_LEFT + INDENT, cellsLeft - IN_LEFT - INDENT - 8, initiative.title)
  } else {
    cell(IN_LEFT, cellsLeft - CODES_WIDTH - IN_LEFT - 8, initiative.title)
    // the objectives' codes are not muted for inactive work (AppendixSection.tsx)
    const codes = initiative.objectives.join(', ')
    cell(cellsLeft - CODES_WIDTH, CODES_WIDTH - 6, codes, undefined, COLOR.ink)
  }
  let x = cellsLeft
  if (withSection) {
    cell(x, COLUMNS.section - 6, initiative.section)
    x += COLUMNS.section
  }
  const dotX = x
  x += DOT + DOT_GAP
  cell(x, COLUMNS.status - DOT - DOT_GAP, statusTitle(initiative.status))
  x += COLUMNS.status - DOT - DOT_GAP
  const progress = initiative.progress
  const filled =
    progress == null || !Number.isFinite(progress)
      ? null
      : (Math.min(100, Math.max(0, progress)) / 100) * BAR.width
  const barX = x
  if (filled == null) cell(x, COLUMNS.progress, formatProgress(progress))
  else
    cell(x + BAR.width + DOT_GAP, COLUMNS.progress - BAR.width - DOT_GAP, formatProgress(progress))
  x += COLUMNS.progress
  cell(x, COLUMNS.target, formatCellDate(initiative.targetDate), 'right')
  const lines = Math.max(...cells.map((c) => c.lines.length))
  const height = 2 * ROW.padY + lines * TEXT.line + ROW.rule
  return {
    height,
    draw(page, top) {
      const inner = top + ROW.padY
      for (const c of cells) p.lines(page, c.lines, c.x, inner, c.width, TEXT.line, c.align)
      const r = DOT / 2
      p.dot(page, dotX + r, inner + (TEXT.line - DOT) / 2, r, STATUS[initiative.status])
      if (filled != null) {
        const barTop = inner + (TEXT.line - BAR.height) / 2
        p.rect(page, barX, barTop, BAR.width, BAR.height, COLOR.track)
        if (filled > 0) p.rect(page, barX, barTop, filled, BAR.height, COLOR.bar)
      }
      p.rect(page, LEFT, top + height - ROW.rule, RIGHT - LEFT, ROW.rule, COLOR.rule)
    },
  }
}

/** "No published initiative serves this objective." (GoalAreaSection.tsx) */
function noneRow(p: Painter): Drawn {
  const width = IN_RIGHT - IN_LEFT - INDENT
  const lines = wrapRuns(
    [
      p.face(
        p.fonts.sansItalic,
        TEXT.size,
        COLOR.muted,
        'No published initiative serves this objective.',
      ),
    ],
    width,
  )
  const height = 2 * ROW.padY + lines.length * TEXT.line + ROW.rule
  return {
    height,
    draw(page, top) {
      p.lines(page, lines, IN_LEFT + INDENT, top + ROW.padY, width, TEXT.line)
      p.rect(page, LEFT, top + height - ROW.rule, RIGHT - LEFT, ROW.rule, COLOR.rule)
    },
  }
}

/** A group heading's shaded row (theme.ts `groupRow`) around cells `inner` tall. */
function groupRow(
  p: Painter,
  inner: number,
  drawCells: (page: PDFPage, top: number) => void,
): Drawn {
  const height = GROUP.marginTop + 2 * GROUP.padY + inner + GROUP.rule
  return {
    height,
    draw(page, top) {
      const boxTop = top + GROUP.marginTop
      p.rect(page, LEFT, boxTop, RIGHT - LEFT, height - GROUP.marginTop, COLOR.paperAlt)
      p.rect(page, LEFT, top + height - GROUP.rule, RIGHT - LEFT, GROUP.rule, COLOR.rule)
      drawCells(page, boxTop + GROUP.padY)
    },
  }
}

/** An objective's heading (GoalAreaSection.tsx ObjectiveRow): code, text, coverage badge. */
function objectiveHeading(p: Painter, objective: ReportObjective, continued: boolean): Drawn {
  const { sansBold, serif } = p.fonts
  const codeW = codeWidth(objective.name).width
  const code = wrapRuns([p.face(sansBold, OBJECTIVE.size, COLOR.brand, objective.name)], codeW)
  const textX = IN_LEFT + codeW
  const textW = IN_RIGHT - BADGE.width - textX - 8
  const text = wrapRuns(
    [
      p.face(serif, OBJECTIVE.size, COLOR.ink, objective.text),
      ...(continued ? [p.face(serif, OBJECTIVE.size, COLOR.muted, CONTINUED)] : []),
    ],
    textW,
  )
  const badgeText = (
    objective.covered ? `Covered · ${objective.activeInitiatives} active` : 'Gap'
  ).toUpperCase()
  const badgeColor = objective.covered ? COLOR.ok : COLOR.gap
  const badge = wrapRuns(
    [p.face(sansBold, BADGE.size, badgeColor, badgeText, BADGE.spacing)],
    BADGE.width,
  )
  const badgeH = badge.length * BADGE.line + 2 * BADGE.padY
  const inner = Math.max(code.length * OBJECTIVE.line, text.length * OBJECTIVE.line, badgeH)
  return groupRow(p, inner, (page, top) => {
    p.lines(page, code, IN_LEFT, top, codeW, OBJECTIVE.line)
    p.lines(page, text, textX, top, textW, OBJECTIVE.line)
    const badgeX = IN_RIGHT - BADGE.width
    p.rect(page, badgeX, top, BADGE.width, badgeH, objective.covered ? COLOR.okTint : COLOR.gapTint)
    p.lines(page, badge, badgeX, top + BADGE.padY, BADGE.width, BADGE.line, 'center')
  })
}

/** An appendix section's heading (AppendixSection.tsx): name, then its count or "(continued)". */
function sectionHeading(p: Painter, group: ReportSectionGroup, continued: boolean): Drawn {
  const name = group.abbreviation ? `${group.name} (${group.abbreviation})` : group.name
  const n = group.activeInitiatives
  const width = IN_RIGHT - IN_LEFT
  const lines = wrapRuns(
    [
      p.face(p.fonts.sansBold, TEXT.size, COLOR.brand, name),
      p.face(
        p.fonts.sans,
        TEXT.size,
        COLOR.muted,
        continued ? CONTINUED : `  ${n} active ${n === 1 ? 'initiative' : 'initiatives'}`,
      ),
    ],
    width,
  )
  return groupRow(p, lines.length * TEXT.line, (page, top) =>
    p.lines(page, lines, IN_LEFT, top, width, TEXT.line),
  )
}

/** The column heads (theme.ts `headRow`), repeated at the top of every page of the table. */
function headRow(p: Painter, kind: 'objective' | 'section'): Drawn {
  const cellsLeft = IN_RIGHT - cellsWidth(kind === 'objective')
  const heads: [string, number][] =
    kind === 'objective'
      ? [
          ['Code', IN_LEFT],
          ['Objective · initiative', IN_LEFT + 30],
          ['Section', cellsLeft],
        ]
      : [
          ['Initiative', IN_LEFT],
          ['Objectives', cellsLeft - CODES_WIDTH],
        ]
  const statusX = kind === 'objective' ? cellsLeft + COLUMNS.section : cellsLeft
  heads.push(['Status', statusX], ['Progress', statusX + COLUMNS.status])
  const face = (text: string) =>
    p.face(p.fonts.sansSemibold, HEAD.size, COLOR.muted, text.toUpperCase(), HEAD.spacing)
  const targetX = IN_RIGHT - COLUMNS.target
  const height = HEAD.line + HEAD.padBottom + HEAD.rule + HEAD.marginBottom
  return {
    height,
    draw(page, top) {
      for (const [text, x] of heads)
        p.lines(page, wrapRuns([face(text)], 1e6), x, top, 1e6, HEAD.line)
      p.lines(
        page,
        wrapRuns([face('Target date')], COLUMNS.target),
        targetX,
        top,
        COLUMNS.target,
        HEAD.line,
        'right',
      )
      p.rect(page, LEFT, top + HEAD.line + HEAD.padBottom, RIGHT - LEFT, HEAD.rule, COLOR.brand)
    },
  }
}

/** The running header and footer of a content page (RunningHeader.tsx; join.ts numbers pages). */
function runningHeader(
  p: Painter,
  texts: ReturnType<typeof runningTexts>,
): (page: PDFPage) => void {
  const size = 8
  const line = size * 1.35
  const face = (text: string) => p.face(p.fonts.sans, size, COLOR.muted, text)
  const width = RIGHT - LEFT
  const left = wrapRuns([face(texts.left)], width)
  const right = wrapRuns([face(texts.right)], width)
  const footer = wrapRuns([face(texts.footer)], width)
  const headerTop = 28
  return (page) => {
    p.lines(page, left, LEFT, headerTop, width, line)
    p.lines(page, right, LEFT, headerTop, width, line, 'right')
    p.rect(page, LEFT, headerTop + line + 5, width, 0.5, COLOR.rule)
    p.rect(page, LEFT, FOOTER.top, width, FOOTER.rule, COLOR.rule)
    p.lines(page, footer, LEFT, FOOTER.top + FOOTER.rule + FOOTER.gap, width, line)
  }
}

/** A table of the full listing: a goal area's objectives, or sections of the appendix. */
export type ListingTable =
  | { kind: 'objectives'; objectives: ReportObjective[] }
  | { kind: 'sections'; sections: ReportSectionGroup[] }

/** Where a group's heading landed (the appendix's sections are outline entries). */
export interface GroupStart {
  group: number
  /** pages after the table's first */
  page: number
}

/**
 * Draws `table` from `top` (pt from the page top, where react-pdf's marker sits) on `first`, the
 * last page of the document so far, adding pages to `doc` as it runs on. Returns the page each
 * group's heading landed on.
 */
export function drawListingTable(
  doc: PDFDocument,
  fonts: ListingFonts,
  texts: ReturnType<typeof runningTexts>,
  table: ListingTable,
  first: PDFPage,
  top: number,
): GroupStart[] {
  const p = new Painter(fonts)
  const kind = table.kind === 'objectives' ? 'objective' : 'section'
  const groups =
    table.kind === 'objectives'
      ? table.objectives.map((objective) => ({
          heading: (continued: boolean) => objectiveHeading(p, objective, continued),
          rows:
            objective.initiatives.length === 0
              ? [noneRow(p)]
              : objective.initiatives.map((i) => initiativeRow(p, i, 'objective')),
        }))
      : table.sections.map((group) => ({
          heading: (continued: boolean) => sectionHeading(p, group, continued),
          rows: group.initiatives.map((i) => initiativeRow(p, i, 'section')),
        }))
  const headings = groups.map((g) => ({ start: g.heading(false), continued: g.heading(true) }))
  const head = headRow(p, kind)
  const placements = paginate(
    groups.map((g, i) => ({
      heading: headings[i]!.start.height,
      continuedHeading: headings[i]!.continued.height,
      rows: g.rows.map((r) => r.height),
    })),
    {
      firstTop: top + TABLE_MARGIN,
      top: PAGE.marginTop,
      bottom: PAGE.height - PAGE.marginBottom,
      head: head.height,
    },
  )
  const running = runningHeader(p, texts)
  const pages = [first]
  const starts: GroupStart[] = []
  for (const at of placements) {
    while (pages.length <= at.page) {
      const page = doc.addPage([PAGE.width, PAGE.height])
      running(page)
      pages.push(page)
    }
    const page = pages[at.page]!
    if (at.kind === 'head') head.draw(page, at.top)
    else if (at.kind === 'heading') {
      const h = headings[at.group]!
      ;(at.continued ? h.continued : h.start).draw(page, at.top)
      if (!at.continued) starts.push({ group: at.group, page: at.page })
    } else groups[at.group]!.rows[at.row]!.draw(page, at.top)
  }
  p.finish(doc)
  return starts
}
