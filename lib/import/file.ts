/**
 * A plan file's bytes → what readPlan() reads, for every format: a Word document or a PDF is
 * recognised by its first bytes (not by its name) and turned into text first; text, StratML and
 * JSON are decoded as before. A format that was asked for but that the bytes contradict is
 * refused, never guessed around. The CLI and the import endpoints both call this. Server-only.
 */
import { readPlan, type PlanReading, type ReadPlanOptions } from './index'
import { docxToText } from './docx'
import {
  decodeImportBytes,
  documentFormatOf,
  FORMAT_LABELS,
  MAX_DOCUMENT_BYTES,
  textProblem,
  tooLargeMessage,
} from './input'
import { pdfToText } from './pdf'

export type FileReading =
  { ok: true; reading: PlanReading } | { ok: false; status: 413 | 422; message: string }

/** Reads a plan file of any format; never throws for what is in the file. */
export async function readPlanBytes(
  bytes: Uint8Array,
  options: ReadPlanOptions = {},
): Promise<FileReading> {
  const kind = documentFormatOf(bytes)
  const asked = options.format
  if (kind) {
    if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
      return {
        ok: false,
        status: 413,
        message: tooLargeMessage(bytes.byteLength, MAX_DOCUMENT_BYTES),
      }
    }
    if (asked && asked !== kind) {
      const what = kind === 'pdf' ? 'a PDF' : 'a zip file (as a Word document is)'
      return {
        ok: false,
        status: 422,
        message: `This file is ${what}, not ${FORMAT_LABELS[asked]}. Choose the format it is, or leave the format to be detected.`,
      }
    }
    const converted: { ok: true; text: string; pages?: number[] } | { ok: false; message: string } =
      kind === 'pdf' ? await pdfToText(bytes) : await docxToText(bytes)
    if (!converted.ok) return { ok: false, status: 422, message: converted.message }
    const unusable = textProblem(converted.text)
    if (unusable) return { ok: false, status: unusable.status, message: unusable.message }
    const reading = readPlan(converted.text, { ...options, format: 'text' })
    reading.format = kind
    reading.text = converted.text
    if (converted.pages) onPages(reading, converted.pages)
    return { ok: true, reading }
  }
  if (asked === 'docx' || asked === 'pdf') {
    return {
      ok: false,
      status: 422,
      message: `This file is not ${asked === 'pdf' ? 'a PDF' : 'a Word document (.docx)'}: its first bytes say otherwise. Choose the format it is, or leave the format to be detected.`,
    }
  }
  const decoded = decodeImportBytes(bytes)
  if (!decoded.ok) return decoded
  const reading = readPlan(decoded.text, options)
  if (decoded.note) reading.notes.unshift(decoded.note)
  return { ok: true, reading }
}

/** Warnings and problems of a PDF point at pages, which is what a reader of the PDF can find. */
function onPages(reading: PlanReading, pages: number[]): void {
  const pageOf = (line: number | undefined) =>
    line === undefined ? undefined : (pages[Math.min(line, pages.length) - 1] ?? undefined)
  for (const warning of reading.warnings) warning.page = pageOf(warning.line)
  for (const problem of reading.problems) {
    const page = pageOf(problem.line)
    if (page !== undefined) problem.page = page
  }
}
