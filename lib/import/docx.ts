/**
 * Word (.docx) → the plain text the plan text parser reads. mammoth turns the document into
 * semantic HTML (headings, nested lists, Word's automatic numbering as <ol>); this walks that HTML
 * and writes one line per heading, paragraph and list item, numbering ordered lists the way the
 * document shows them ("1.", then "1.1" one level down) and reading a "Goal | Objectives" table as
 * goal areas over their objectives, so the parser sees the structure Word holds rather than only
 * the visible text. The zip is inspected before anything is inflated:
 * not a .docx, too many entries or too much unpacked data (a zip bomb) are refused with a message,
 * and every entry is then inflated once with its declared size as a hard cap, so a zip that lies
 * about its sizes is refused before mammoth (whose zip library trusts them) ever sees it.
 * Server-only (mammoth needs Node's Buffer).
 */
import { inflateRawSync } from 'node:zlib'

import mammoth from 'mammoth'

/** What an unpacked .docx may add up to; real plans are a few megabytes at most. */
export const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024
const MAX_ZIP_ENTRIES = 2000
/** Unpacked size / packed size beyond which an entry is a bomb, not a document. */
const MAX_RATIO = 200

export type DocumentText = { ok: true; text: string } | { ok: false; message: string }

interface ZipEntry {
  name: string
  packed: number
  unpacked: number
  /** 0 stored, 8 deflated */
  method: number
  /** where the entry's local header starts */
  local: number
}

/** The central directory of a zip file, read without inflating anything; undefined if not a zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // the end-of-central-directory record sits in the last 64 KB + 22 bytes
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return undefined
  const count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined
    const method = view.getUint16(offset + 10, true)
    const packed = view.getUint32(offset + 20, true)
    const unpacked = view.getUint32(offset + 24, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extra = view.getUint16(offset + 30, true)
    const comment = view.getUint16(offset + 32, true)
    const local = view.getUint32(offset + 42, true)
    if (offset + 46 + nameLength > bytes.length) return undefined
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
    entries.push({ name, packed, unpacked, method, local })
    offset += 46 + nameLength + extra + comment
  }
  return entries
}

/** Why a zip cannot be read as a Word document, or undefined when it can. */
export function docxProblem(bytes: Uint8Array): string | undefined {
  const entries = zipEntries(bytes)
  if (!entries)
    return 'This file is damaged or not a Word document (.docx): its zip directory cannot be read.'
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    return (
      'This is a zip file but not a Word document (.docx): it has no word/document.xml. ' +
      'Save the plan from Word as a .docx, or as a PDF or plain text.'
    )
  }
  if (entries.length > MAX_ZIP_ENTRIES) {
    return `This Word document has ${entries.length} parts; more than ${MAX_ZIP_ENTRIES} is not a plan. Nothing was imported.`
  }
  let total = 0
  for (const entry of entries) {
    total += entry.unpacked
    // a 32-bit size of 0xFFFFFFFF means a ZIP64 entry: far larger than any plan
    if (
      entry.unpacked === 0xffffffff ||
      entry.unpacked > Math.max(entry.packed, 1024) * MAX_RATIO
    ) {
      return `This Word document unpacks to far more than it holds (${entry.name}): it looks like a zip bomb and was refused.`
    }
  }
  if (total > MAX_DOCX_UNPACKED_BYTES) {
    return `This Word document unpacks to ${Math.round(total / 1024 / 1024)} MB; at most ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB are read. Save the plan without pictures and try again.`
  }
  for (const entry of entries) {
    const problem = entryProblem(bytes, entry)
    if (problem) return problem
  }
  return undefined
}

/**
 * Inflates one entry with its declared size as the cap (so memory stays within the limits checked
 * above) and says why it is refused when its real size is not the declared one.
 */
function entryProblem(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const damaged = `This file is damaged or not a Word document (.docx): its part ${entry.name} cannot be read.`
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== 0x04034b50) {
    return damaged
  }
  const start =
    entry.local +
    30 +
    view.getUint16(entry.local + 26, true) +
    view.getUint16(entry.local + 28, true)
  if (start + entry.packed > bytes.length) return damaged
  const data = bytes.subarray(start, start + entry.packed)
  if (entry.method === 0) return entry.packed === entry.unpacked ? undefined : damaged
  if (entry.method !== 8) {
    return `This Word document stores ${entry.name} in a way Word does not (zip method ${entry.method}); save it again from Word.`
  }
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.unpacked, 1) })
    return inflated.length === entry.unpacked ? undefined : damaged
  } catch (err) {
    if (err instanceof RangeError) {
      return `This Word document unpacks to far more than it says (${entry.name}): it looks like a zip bomb and was refused.`
    }
    return damaged
  }
}

/** The text of a .docx, one line per heading, paragraph and list item, or why it cannot be read. */
export async function docxToText(bytes: Uint8Array): Promise<DocumentText> {
  const problem = docxProblem(bytes)
  if (problem) return { ok: false, message: problem }
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // pictures are not part of a plan's structure: never inline them as data URLs
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    )
    html = result.value
  } catch (err) {
    if (!(err instanceof Error)) throw err
    return {
      ok: false,
      message: `This Word document cannot be read (${err.message.slice(0, 200)}). Save it again from Word, or as a PDF.`,
    }
  }
  return { ok: true, text: htmlToPlanText(html) }
}

// ---- mammoth's HTML → lines ---------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

function decode(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/gi,
    (whole, dec, hex, name) => {
      if (name) return ENTITIES[String(name).toLowerCase()] ?? whole
      const code = dec ? Number(dec) : parseInt(String(hex), 16)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    },
  )
}

interface List {
  ordered: boolean
  /** number of the current item */
  count: number
}

/**
 * mammoth's HTML (h1–h6, p, ol, ul, li, strong, em, a, table cells) → lines. Ordered list items
 * are numbered by their level: "1.", then "1.1", "1.1.1" under it; bulleted ones get "•" and an
 * indent of two spaces a level. Headings and paragraphs stand between blank lines.
 */
export function htmlToPlanText(html: string): string {
  const lines: string[] = []
  const lists: List[] = []
  let text = ''
  /** the rows of the table being read (cells of paragraphs); nested tables read as text */
  let table: string[][][] | undefined
  let tableDepth = 0
  const flush = (blankAfter: boolean) => {
    const line = text.replace(/\s+/g, ' ').trim()
    text = ''
    if (table) {
      if (line) table[table.length - 1]?.[table[table.length - 1]!.length - 1]?.push(line)
      return
    }
    if (line) lines.push(line)
    if (blankAfter && lines[lines.length - 1] !== '') lines.push('')
  }
  const marker = (): string => {
    const depth = lists.length
    const list = lists[depth - 1]
    if (!list) return ''
    const indent = '  '.repeat(depth - 1)
    if (!list.ordered) return `${indent}• `
    // the numbers of the ordered lists this item sits in: "2.3" for the third item under item 2
    const numbers: number[] = []
    for (const open of lists) if (open.ordered) numbers.push(open.count)
    return numbers.length === 1 ? `${indent}${numbers[0]}. ` : `${indent}${numbers.join('.')} `
  }

  const tag = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi
  let match: RegExpExecArray | null
  while ((match = tag.exec(html))) {
    if (match[3] !== undefined) {
      text += decode(match[3])
      continue
    }
    const closing = match[1] === '/'
    const name = (match[2] ?? '').toLowerCase()
    switch (name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'p':
        if (closing) flush(lists.length === 0)
        else {
          flush(false)
          if (lists.length === 0 && lines[lines.length - 1] !== '' && lines.length > 0) {
            lines.push('')
          }
        }
        break
      case 'ol':
      case 'ul':
        flush(false)
        if (closing) {
          lists.pop()
          if (lists.length === 0) lines.push('')
        } else {
          if (lists.length === 0 && lines.length > 0 && lines[lines.length - 1] !== '') {
            lines.push('')
          }
          lists.push({ ordered: name === 'ol', count: 0 })
        }
        break
      case 'li':
        flush(false)
        if (!closing) {
          const list = lists[lists.length - 1]
          if (list) list.count++
          text = marker()
        }
        break
      case 'br':
        flush(false)
        break
      case 'table':
        flush(false)
        if (!closing) {
          if (tableDepth++ === 0) table = []
        } else if (--tableDepth === 0 && table) {
          const rows = table
          table = undefined
          if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('')
          lines.push(...tableLines(rows))
        }
        break
      case 'td':
      case 'th':
        flush(false)
        if (!closing && tableDepth === 1) table?.[table.length - 1]?.push([])
        break
      case 'tr':
        flush(false)
        if (!closing && tableDepth === 1) table?.push([])
        break
      default:
        break
    }
  }
  flush(false)
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  )
}

// ---- tables -------------------------------------------------------------------------------------

const GOAL_COLUMN =
  /^(?:strategic\s+)?(?:goals?(?:\s+areas?)?|priorit(?:y|ies)|pillars?|themes?|directions?|focus\s+areas?)$/i
const OBJECTIVE_COLUMN =
  /^(?:key\s+)?(?:objectives?|strateg(?:y|ies)|actions?|outcomes?|tactics?|initiatives?)$/i
/** a cell that already says its goal ("Goal 2: …", "2. …", "II. …") or objective ("2.1 …", "•") */
const NUMBERED_GOAL =
  /^(?:(?:strategic\s+)?(?:goal|priority|pillar|theme|direction)\b|\d{1,3}[.):]|[IVXLC]{1,7}[.)])/i
const NUMBERED_ITEM =
  /^(?:\d{1,3}(?:\.\d{1,3})*[.):]?\s|[a-z][.)]\s|[•·◦▪*+\-–—]\s?|(?:objective|strategy|action|outcome|tactic|key\s+initiative)\s+\d)/i

/**
 * A table's rows → lines. A table whose header says "Goal | Objectives" (or Priority | Strategies,
 * Pillar | Actions, …) holds the plan's structure: each row is a goal area (its first cell) over
 * its objectives (the paragraphs of its second cell; a row without a first cell, merged from the
 * row above, adds to the same goal). Its lines are numbered so the parser sees that structure.
 * Any other table is read cell by cell, one line a paragraph.
 */
function tableLines(rows: string[][][]): string[] {
  const cellText = (cell: string[] | undefined) => (cell ?? []).join(' ').trim()
  const header = rows[0] ?? []
  const width = header.length
  const structured =
    width >= 2 &&
    GOAL_COLUMN.test(cellText(header[0])) &&
    OBJECTIVE_COLUMN.test(cellText(header[1])) &&
    rows.slice(1).every((row) => row.length === width || row.length === width - 1)
  if (!structured) {
    return rows.flatMap((row) => row.flatMap((cell) => cell.flatMap((line) => [line, ''])))
  }
  const label = cellText(header[1])
  const out: string[] = []
  let goal = 0
  let item = 0
  for (const row of rows.slice(1)) {
    const merged = row.length === width - 1
    if (!merged) {
      const title = cellText(row[0])
      if (!title) continue
      goal++
      item = 0
      out.push(NUMBERED_GOAL.test(title) ? title : `Goal ${goal}: ${title}`, '')
      if (/s$/i.test(label)) out.push(label)
    }
    for (const line of (merged ? row[0] : row[1]) ?? []) {
      item++
      out.push(NUMBERED_ITEM.test(line) ? line : `${goal}.${item} ${line}`)
    }
    if (!merged) out.push('')
  }
  out.push('')
  return out
}
