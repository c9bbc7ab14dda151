/**
 * PDF → the plain text the plan text parser reads, with the page of every line. pdfjs-dist gives
 * positioned runs of text; this rebuilds lines (same baseline), reads two-column pages column by
 * column, keeps indentation (so nested lists stay nested), stands larger-than-body lines and bold
 * heading-like ones apart as headings, drops running headers, footers and page numbers, and joins words hyphenated across
 * line ends. Encrypted PDFs and PDFs over the page limit are refused with a message.
 * Server-only (pdfjs-dist's Node build, without a worker thread).
 */
import { bareHeading } from './text-markers'

/** Pages a plan may have; more is a report or a book, not a plan. */
export const MAX_PDF_PAGES = 200

export type PdfText = { ok: true; text: string; pages: number[] } | { ok: false; message: string }

/** A run of text as pdfjs places it. */
export interface Run {
  text: string
  x: number
  /** baseline, from the bottom of the page */
  y: number
  width: number
  /** font size */
  size: number
  /** set in a bold (or semibold, black…) face */
  bold?: boolean
}

export interface PdfPage {
  width: number
  height: number
  runs: Run[]
}

interface Line {
  text: string
  x: number
  right: number
  y: number
  size: number
  /** every run of the line is bold */
  bold: boolean
  page: number
}

/** "LiberationSerif-Bold", "Arial,BoldItalic", "Lato-Black", "OpenSans-SemiBold": a heavy face. */
const BOLD_FACE = /bold|black|heavy|semibold|demibold|[-,]demi\b/i

/** Reads the pages of a PDF (text runs only); refuses encrypted, damaged and over-long files. */
export async function readPdfPages(
  bytes: Uint8Array,
): Promise<{ ok: true; pages: PdfPage[] } | { ok: false; message: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let document
  try {
    document = await task.promise
  } catch (err) {
    await task.destroy()
    if (err instanceof Error && err.name === 'PasswordException') {
      return {
        ok: false,
        message:
          'This PDF is encrypted (protected by a password). Save an unprotected copy of the plan and import that.',
      }
    }
    const why = err instanceof Error ? err.message.slice(0, 200) : String(err)
    return { ok: false, message: `This PDF cannot be read (${why}). Nothing was imported.` }
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      return {
        ok: false,
        message: `This PDF has ${document.numPages} pages; plans of at most ${MAX_PDF_PAGES} pages are imported.`,
      }
    }
    const pages: PdfPage[] = []
    /** font id → bold; fonts are shared by the whole document, so most pages need no lookup */
    const boldFonts = new Map<string, boolean>()
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const items = content.items.filter((item) => 'str' in item && item.str)
      if (items.some((item) => 'fontName' in item && !boldFonts.has(item.fontName))) {
        // the text content names fonts by id only; the operator list loads them, with their names
        await page.getOperatorList()
        for (const item of items) {
          if (!('fontName' in item) || boldFonts.has(item.fontName)) continue
          const font: unknown = page.commonObjs.has(item.fontName)
            ? page.commonObjs.get(item.fontName)
            : undefined
          const name = font && typeof font === 'object' && 'name' in font ? String(font.name) : ''
          boldFonts.set(item.fontName, BOLD_FACE.test(name.replace(/^[A-Z]{6}\+/, '')))
        }
      }
      const runs: Run[] = []
      for (const item of items) {
        if (!('str' in item)) continue
        const [a, b, , d, e, f] = item.transform as number[]
        const size = Math.hypot(a ?? 0, b ?? 0) || Math.abs(d ?? 0) || item.height
        const bold = boldFonts.get(item.fontName) === true
        runs.push({ text: item.str, x: e ?? 0, y: f ?? 0, width: item.width, size, bold })
      }
      pages.push({ width: viewport.width, height: viewport.height, runs })
      page.cleanup()
    }
    return { ok: true, pages }
  } catch (err) {
    // a damaged stream inside a page (pdfjs throws its own exception types, not always Errors)
    const why = err instanceof Error ? err.message : String(err)
    return {
      ok: false,
      message: `This PDF cannot be read (${why.slice(0, 200)}). Nothing was imported.`,
    }
  } finally {
    await document.destroy()
  }
}

/** The text of a PDF with the page each line came from. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  const read = await readPdfPages(bytes)
  if (!read.ok) return read
  const { text, pages } = pagesToText(read.pages)
  if (!text.trim()) {
    return {
      ok: false,
      message:
        'This PDF has no text to read (it is probably scanned pages, pictures of text). Import the plan’s Word file or text instead.',
    }
  }
  return { ok: true, text, pages }
}

// ---- layout -------------------------------------------------------------------------------------

/** Runs of one page → lines, in reading order (two columns: the left one first). */
function pageLines(page: PdfPage, number: number): Line[] {
  const runs = page.runs
    .filter((run) => run.text.trim() || run.text === ' ')
    .sort((a, b) => b.y - a.y || a.x - b.x)
  const rows: Run[][] = []
  for (const run of runs) {
    const row = rows[rows.length - 1]
    const first = row?.[0]
    if (row && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.4) {
      row.push(run)
    } else rows.push([run])
  }

  const gutter = findGutter(rows, page.width)
  const lines: Line[] = []
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    const parts = gutter === undefined ? [row] : splitAt(row, gutter)
    for (const part of parts) if (part.length) lines.push(lineOf(part, number))
  }
  if (gutter === undefined) return lines

  // between full-width lines, the left column is read before the right one
  const out: Line[] = []
  let left: Line[] = []
  let right: Line[] = []
  const flush = () => {
    out.push(...left, ...right)
    left = []
    right = []
  }
  for (const line of lines) {
    if (line.x < gutter && line.right > gutter) {
      flush()
      out.push(line)
    } else if (line.x >= gutter) right.push(line)
    else left.push(line)
  }
  flush()
  return out
}

/** A vertical band in the middle of the page that no run crosses, with text on both sides. */
function findGutter(rows: Run[][], width: number): number | undefined {
  if (rows.length < 6) return undefined
  const from = Math.floor(width * 0.35)
  const to = Math.ceil(width * 0.65)
  const covered = new Uint8Array(Math.max(0, to - from))
  let leftRows = 0
  let rightRows = 0
  let crossing = 0
  for (const row of rows) {
    // a full-width row (a title over both columns) says nothing about the gutter
    if (row.some((run) => run.x < width / 2 && run.x + run.width > width / 2)) {
      crossing++
      continue
    }
    let hasLeft = false
    let hasRight = false
    for (const run of row) {
      const start = Math.max(from, Math.floor(run.x))
      const end = Math.min(to, Math.ceil(run.x + run.width))
      for (let x = start; x < end; x++) covered[x - from] = 1
      if (run.x + run.width < width / 2) hasLeft = true
      if (run.x > width / 2) hasRight = true
    }
    if (hasLeft) leftRows++
    if (hasRight) rightRows++
  }
  if (leftRows < 3 || rightRows < 3 || crossing > rows.length / 3) return undefined
  // the widest uncovered band, if it is at least a few points wide
  let best = -1
  let bestLength = 0
  let start = -1
  for (let i = 0; i <= covered.length; i++) {
    if (i < covered.length && !covered[i]) {
      if (start < 0) start = i
    } else if (start >= 0) {
      if (i - start > bestLength) {
        bestLength = i - start
        best = start
      }
      start = -1
    }
  }
  if (bestLength < 8) {
    // runs crossing the middle are full-width lines (a title); look past them
    return undefined
  }
  return from + best + bestLength / 2
}

function splitAt(row: Run[], gutter: number): Run[][] {
  const left = row.filter((run) => run.x < gutter)
  const right = row.filter((run) => run.x >= gutter)
  // a run that starts left of the gutter and runs over it keeps its row whole (a full-width line)
  if (left.some((run) => run.x + run.width > gutter)) return [row]
  return [left, right]
}

function lineOf(runs: Run[], page: number): Line {
  let text = ''
  let end = -Infinity
  let size = 0
  let bold = true
  for (const run of runs) {
    if (run.text.trim() && !run.bold) bold = false
    const gap = run.x - end
    if (text && gap > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' '
    text += run.text
    end = run.x + run.width
    size = Math.max(size, run.size)
  }
  const first = runs[0]
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x: first?.x ?? 0,
    right: end,
    y: first?.y ?? 0,
    size,
    bold,
    page,
  }
}

const PAGE_NUMBER =
  /^(?:page\s+)?[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i

/** Lines in the top or bottom band of their page that repeat across pages, or are page numbers. */
function furniture(pages: PdfPage[], lines: Line[][]): Set<Line> {
  const drop = new Set<Line>()
  const seen = new Map<string, Line[]>()
  lines.forEach((pageLines, i) => {
    const height = pages[i]?.height ?? 792
    for (const line of pageLines) {
      const edge = line.y > height * 0.9 || line.y < height * 0.1
      if (!edge) continue
      if (PAGE_NUMBER.test(line.text)) {
        drop.add(line)
        continue
      }
      const key = line.text.toLowerCase().replace(/\d+/g, '#')
      const list = seen.get(key) ?? []
      list.push(line)
      seen.set(key, list)
    }
  })
  const pagesWith = (list: Line[]) => new Set(list.map((line) => line.page)).size
  for (const list of seen.values()) {
    if (pages.length >= 2 && pagesWith(list) >= Math.max(2, Math.ceil(pages.length / 2))) {
      for (const line of list) drop.add(line)
    }
  }
  return drop
}

/** The body text size: the size most characters are set in. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>()
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2
    weight.set(key, (weight.get(key) ?? 0) + line.text.length)
  }
  let best = 10
  let most = -1
  for (const [size, count] of weight) {
    if (count > most) {
      most = count
      best = size
    }
  }
  return best
}

/** Pages of runs → text lines (blank lines between paragraphs and around headings) and their pages. */
export function pagesToText(pages: PdfPage[]): { text: string; pages: number[] } {
  const perPage = pages.map((page, i) => pageLines(page, i + 1))
  const drop = furniture(pages, perPage)
  const lines = perPage.flat().filter((line) => !drop.has(line) && line.text)
  const body = bodySize(lines)
  // the left edge of the text: indentation is measured from it, per page
  const leftEdge = new Map<number, number>()
  for (const line of lines) {
    leftEdge.set(line.page, Math.min(leftEdge.get(line.page) ?? Infinity, line.x))
  }

  const out: { text: string; page: number }[] = []
  const blank = (page: number) => {
    if (out.length && out[out.length - 1]?.text !== '') out.push({ text: '', page })
  }
  let previous: Line | undefined
  let previousHeading = false
  for (const line of lines) {
    const large = line.size >= body * 1.15 && line.text.length <= 200
    // a bold line at body size that reads as a heading ("Membership") stands apart like one
    const heading = large || (line.bold && bareHeading(line.text) !== undefined)
    if (previous) {
      const gap = previous.y - line.y
      const sameColumn = previous.page === line.page && gap > 0
      if (
        heading ||
        previousHeading ||
        !sameColumn ||
        gap > Math.max(previous.size, line.size) * 1.7
      ) {
        blank(line.page)
      }
    }
    // a heading set over two lines: one heading ("… Strategic Plan 2022–" + "2025")
    const last = out[out.length - 1]
    const before = out[out.length - 2]
    if (
      large &&
      previous &&
      previous.page === line.page &&
      Math.abs(previous.size - line.size) < 0.5 &&
      previous.y - line.y < line.size * 1.6 &&
      last?.text === '' &&
      before?.text
    ) {
      out.pop()
      before.text += /[-–—/]$/.test(before.text) ? line.text : ` ${line.text}`
      blank(line.page)
      previous = line
      previousHeading = true
      continue
    }
    // a word hyphenated across the line end: "mem-" + "bers …" → "members …"
    if (last && last.text && /\p{L}-$/u.test(last.text) && /^\p{Ll}/u.test(line.text)) {
      const [word, ...rest] = line.text.split(' ')
      last.text = `${last.text.slice(0, -1)}${word ?? ''}`
      if (rest.length)
        out.push({ text: indentOf(line, leftEdge, body) + rest.join(' '), page: line.page })
    } else {
      out.push({ text: indentOf(line, leftEdge, body) + line.text, page: line.page })
    }
    if (heading) blank(line.page)
    previous = line
    previousHeading = heading
  }
  while (out.length && out[out.length - 1]?.text === '') out.pop()
  return { text: out.map((line) => line.text).join('\n'), pages: out.map((line) => line.page) }
}

function indentOf(line: Line, leftEdge: Map<number, number>, body: number): string {
  const edge = leftEdge.get(line.page) ?? line.x
  // in a right column the column's own edge is further right: indent relative to the nearest
  const offset = line.x - edge
  const spaces = Math.round(offset / (body * 0.6))
  return spaces > 0 && spaces < 40 ? ' '.repeat(spaces) : ''
}
