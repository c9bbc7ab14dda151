/**
 * What an import accepts before any parser sees it: at most 2 MB of text, never a binary file,
 * and which of the three formats it is. Pure, and safe in the browser (the admin's import view
 * checks a chosen file with the same rules before it uploads it).
 */

/** Largest plan file an import accepts (the CLI, the admin view and the API). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024

/** Largest Word or PDF file an import accepts (they carry fonts and pictures besides the text). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

export const IMPORT_FORMATS = ['text', 'stratml', 'json', 'docx', 'pdf'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
/** Formats read from a document's bytes (the others are text) */
export type DocumentFormat = Extract<ImportFormat, 'docx' | 'pdf'>

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  text: 'plain text',
  stratml: 'StratML (XML)',
  json: 'Lodestar JSON export',
  docx: 'Word document (.docx)',
  pdf: 'PDF',
}

/** What a file's first bytes say it is: a PDF, a zip (a .docx is one), or neither. */
export function documentFormatOf(bytes: Uint8Array): DocumentFormat | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'
  return undefined
}

/** Largest file of a format: documents may be larger than text. */
export function maxBytesFor(format: ImportFormat | undefined): number {
  return format === 'docx' || format === 'pdf' ? MAX_DOCUMENT_BYTES : MAX_IMPORT_BYTES
}

export type DecodedInput =
  { ok: true; text: string; note?: string } | { ok: false; status: 413 | 422; message: string }

/** "2 MB", "740 KB", "12 bytes" */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024)
    return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

export function tooLargeMessage(bytes: number, max = MAX_IMPORT_BYTES): string {
  return (
    `The plan is ${formatBytes(bytes)}; plans over ${formatBytes(max)} are refused. ` +
    'Import the plan itself, without attachments or pictures.'
  )
}

const NOT_TEXT =
  'Import a Word document (.docx), a PDF, plain text (.txt), StratML (.xml) or a Lodestar JSON export (.json).'

/** Well-known binary formats people try first, named so the message says what to do. */
const MAGIC: { bytes: number[]; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a Word, OpenDocument or ZIP file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word or Excel file' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a compressed (gzip) file' },
]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/**
 * Bytes of a file → its text: refuses more than 2 MB (413) and anything that is not text (422),
 * reads UTF-8 (with or without a byte-order mark) and UTF-16 with a mark; other bytes that are
 * not UTF-8 are read as Windows-1252, the usual encoding of older plans saved as text.
 */
export function decodeImportBytes(bytes: Uint8Array): DecodedInput {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, status: 413, message: tooLargeMessage(bytes.byteLength) }
  }
  if (bytes.byteLength === 0) return { ok: false, status: 422, message: 'The file is empty.' }
  for (const magic of MAGIC) {
    if (startsWith(bytes, magic.bytes)) {
      return { ok: false, status: 422, message: `This is ${magic.name}, not text. ${NOT_TEXT}` }
    }
  }
  let text: string
  let note: string | undefined
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2))
    } catch (err) {
      if (!(err instanceof TypeError)) throw err
      return {
        ok: false,
        status: 422,
        message: `The file claims to be UTF-16 but is not. ${NOT_TEXT}`,
      }
    }
  } else {
    if (bytes.includes(0)) {
      return { ok: false, status: 422, message: `This file is binary, not text. ${NOT_TEXT}` }
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    } catch (err) {
      if (!(err instanceof TypeError)) throw err
      text = decodeWindows1252(bytes)
      note = 'The file is not UTF-8; it was read as Windows-1252 (Western European).'
    }
  }
  const problem = textProblem(text)
  if (problem) return { ok: false, status: problem.status, message: problem.message }
  return note ? { ok: true, text, note } : { ok: true, text }
}

/** Windows-1252's characters for bytes 0x80–0x9F (Node's small ICU reads them as C1 controls). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    let out = ''
    for (const byte of chunk) {
      out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
    }
    parts.push(out)
  }
  return parts.join('')
}

/** UTF-8 size of a string, without allocating a copy (counts what TextEncoder would write). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Text that arrived as a string (pasted, or a request body already decoded): over 2 MB → 413;
 * empty, or control characters that only binary files contain → 422.
 */
export function textProblem(text: string): { status: 413 | 422; message: string } | undefined {
  // a cheap bound first: every UTF-16 unit is at least one UTF-8 byte
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text) > MAX_IMPORT_BYTES) {
    return { status: 413, message: tooLargeMessage(utf8Length(text)) }
  }
  if (!text.trim())
    return { status: 422, message: 'There is no text to import: the plan is empty.' }
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // tab, line feed, vertical tab, form feed and carriage return are what text files contain
    if (code === 0 || (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0xfffd) controls++
  }
  if (controls > 8 && controls * 50 > text.length) {
    return { status: 422, message: `This looks like a binary file, not text. ${NOT_TEXT}` }
  }
  if (text.includes('\u0000')) {
    return { status: 422, message: `This file is binary, not text. ${NOT_TEXT}` }
  }
  return undefined
}

/** The format a file is in: its extension when it has a telling one, else its first characters. */
export function detectFormat(text: string, filename?: string): ImportFormat {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(filename ?? '')?.[1]?.toLowerCase()
  if (extension === 'xml' || extension === 'stratml') return 'stratml'
  if (extension === 'json') return 'json'
  // the first non-blank character (a byte-order mark aside)
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart()
  if (head.startsWith('<')) return 'stratml'
  if (head.startsWith('{')) return 'json'
  return 'text'
}

/** A `--format` or `?format=` value → the format, or undefined when it names none. */
export function parseFormat(value: string | null | undefined): ImportFormat | undefined {
  const key = (value ?? '').trim().toLowerCase()
  if (key === 'txt' || key === 'plain') return 'text'
  if (key === 'xml') return 'stratml'
  if (key === 'word') return 'docx'
  return (IMPORT_FORMATS as readonly string[]).includes(key) ? (key as ImportFormat) : undefined
}
