/**
 * The full listing's tables laid out without react-pdf: words wrapped into lines by measured
 * widths, rows stacked onto pages. Pure (widths come from a function), so the pagination is
 * tested on its own (tests/unit/listingLayout.test.ts); lib/pdf/report/listing/draw.ts measures
 * with the embedded fonts and draws.
 */

/** A piece of text in one face: its words wrap with the pieces around it. */
export interface Run {
  text: string
  /** the width of `text` in this run's face, size and letter spacing, pt */
  width: (text: string) => number
}

/** A line of a cell: the runs' pieces on it, in order, each with its x offset in the line. */
export interface LinePiece<R extends Run = Run> {
  run: R
  text: string
  x: number
}

export type Line<R extends Run = Run> = { pieces: LinePiece<R>[]; width: number }

/** How much of its width a space may give up for a line to fit (react-pdf's textkit: a third). */
const SPACE_SHRINK = 1 / 3

/**
 * Greedy line breaking at spaces: a line takes words while they fit, its spaces shrunk by up to a
 * third as react-pdf's line breaker allows (it has no hyphenation here, lib/pdf/fonts). Close to
 * react-pdf's Knuth-Plass breaks on these short cells, not always the same. A word wider than
 * the cell is broken between characters.
 */
export function wrapRuns<R extends Run>(runs: R[], maxWidth: number): Line<R>[] {
  const lines: Line<R>[] = []
  let pieces: LinePiece<R>[] = []
  let x = 0
  /** what the line's spaces may give up */
  let give = 0
  const spaces = (run: R, text: string) => {
    let n = 0
    for (const ch of text) if (ch === ' ') n += 1
    return n === 0 ? 0 : n * run.width(' ') * SPACE_SHRINK
  }
  const endLine = () => {
    // a space at a line's end takes no room
    const last = pieces.at(-1)
    if (last) {
      const trimmed = last.text.replace(/ +$/, '')
      if (trimmed !== last.text) {
        x -= last.run.width(last.text) - last.run.width(trimmed)
        last.text = trimmed
      }
    }
    lines.push({ pieces, width: x })
    pieces = []
    x = 0
    give = 0
  }
  const put = (run: R, text: string) => {
    give += spaces(run, text)
    const prev = pieces.at(-1)
    if (prev && prev.run === run) {
      prev.text += text
      x = prev.x + run.width(prev.text)
    } else {
      pieces.push({ run, text, x })
      x += run.width(text)
    }
  }
  const fits = (run: R, lead: string) => {
    const bare = lead.replace(/ +$/, '')
    return x + run.width(bare) - give - spaces(run, bare) <= maxWidth + 0.01
  }
  for (const run of runs) {
    // words with the spaces after them: "a title " "that wraps"
    for (const word of run.text.match(/ *[^ ]+ */g) ?? (run.text ? [run.text] : [])) {
      const lead = pieces.length === 0 ? word.replace(/^ +/, '') : word
      if (fits(run, lead)) {
        put(run, lead)
        continue
      }
      if (pieces.length > 0) endLine()
      const text = word.replace(/^ +/, '')
      if (fits(run, text)) {
        put(run, text)
        continue
      }
      // a word longer than the line: as many characters as fit on each line
      let rest = text
      while (rest) {
        let n = 1
        while (n < rest.length && run.width(rest.slice(0, n + 1)) <= maxWidth) n += 1
        put(run, rest.slice(0, n))
        rest = rest.slice(n)
        if (rest) endLine()
      }
    }
  }
  if (pieces.length > 0 || lines.length === 0) endLine()
  return lines
}

/** A group of rows: its heading, and on the pages it runs onto its heading again, "continued". */
export interface LayoutGroup {
  heading: number
  continuedHeading: number
  rows: number[]
}

/** What goes where: `page` counts from 0, the page the table starts on; `top` in pt from the top. */
export type Placement =
  | { kind: 'head'; page: number; top: number }
  | { kind: 'heading'; page: number; top: number; group: number; continued: boolean }
  | { kind: 'row'; page: number; top: number; group: number; row: number }

export interface PageFrame {
  /** where the table starts on its first page */
  firstTop: number
  /** where content starts on the pages after */
  top: number
  /** where content must end on every page */
  bottom: number
  /** the column heads' row, repeated at the top of every page */
  head: number
}

/**
 * Places a table of groups on pages: the column heads on every page, a group's heading kept with
 * its first row, a row never split (it moves to the next page whole), and on a page a group runs
 * onto its continued heading under the column heads.
 */
export function paginate(groups: LayoutGroup[], frame: PageFrame): Placement[] {
  const out: Placement[] = []
  let page = 0
  let y = frame.firstTop
  const newPage = () => {
    page += 1
    y = frame.top
    out.push({ kind: 'head', page, top: y })
    y += frame.head
  }
  out.push({ kind: 'head', page, top: y })
  y += frame.head
  groups.forEach((group, g) => {
    const first = group.rows[0] ?? 0
    const fresh = y === frame.top + frame.head
    if (!fresh && y + group.heading + first > frame.bottom) newPage()
    out.push({ kind: 'heading', page, top: y, group: g, continued: false })
    y += group.heading
    group.rows.forEach((height, row) => {
      const freshPage = y === frame.top + frame.head
      if (!freshPage && y + height > frame.bottom) {
        newPage()
        out.push({ kind: 'heading', page, top: y, group: g, continued: true })
        y += group.continuedHeading
      }
      out.push({ kind: 'row', page, top: y, group: g, row })
      y += height
    })
  })
  return out
}
