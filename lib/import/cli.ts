/**
 * `npm run import -- <file> [--format text|stratml|json|docx|pdf] [--publish] [--slug s] [--organization "…"]`
 *
 * Prints exactly one JSON line on stdout, `{"plan":"<slug>","goals":n,"objectives":m}`; warnings
 * (with line numbers) and notes go to stderr; unusable input exits non-zero with a message and
 * writes nothing. The file is read and checked before the database is opened.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { readCommandLine, type CliIo } from '@/lib/cli'

import { readPlanBytes } from './file'
import {
  IMPORT_FORMATS,
  MAX_DOCUMENT_BYTES,
  parseFormat,
  tooLargeMessage,
  type ImportFormat,
} from './input'
import { ImportRefused, storePlan } from './store'

export const IMPORT_USAGE =
  'Usage: npm run import -- <file> [--format text|stratml|json|docx|pdf] [--publish] [--slug <slug>] [--organization "<full name>"]'

export interface ImportArgs {
  file: string
  format?: ImportFormat
  publish: boolean
  slug?: string
  organization?: string
}

/** Command-line words → options, or a message saying what is wrong with them. */
export function parseImportArgs(
  argv: readonly string[],
): ImportArgs | { error: string } | { help: true } {
  const line = readCommandLine(argv, {
    format: { type: 'string' },
    publish: { type: 'boolean' },
    slug: { type: 'string' },
    organization: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (!line.ok) {
    if (line.problem === 'unknown') return { error: `Unknown option ${line.option}.` }
    if (line.problem === 'takes-no-value') return { error: `${line.option} takes no value.` }
    return line.option === '--format'
      ? { error: formatError('') }
      : { error: `${line.option} needs a value.` }
  }
  const { values, positionals } = line
  if (values.help) return { help: true }
  const args: Omit<ImportArgs, 'file'> = { publish: values.publish === true }
  if (values.format !== undefined) {
    const format = parseFormat(values.format)
    if (!format) return { error: formatError(values.format) }
    args.format = format
  }
  for (const name of ['slug', 'organization'] as const) {
    const given = values[name]
    if (given === undefined) continue
    if (!given.trim()) return { error: `--${name} needs a value.` }
    args[name] = given
  }
  if (positionals.length === 0) return { error: 'Name the plan file to import.' }
  if (positionals.length > 1)
    return { error: `Import one file at a time (got ${positionals.join(', ')}).` }
  return { file: positionals[0] ?? '', ...args }
}

function formatError(given: string): string {
  return `--format must be one of ${IMPORT_FORMATS.join(', ')} (got "${given}").`
}

/** The file's bytes, or why it cannot be imported (missing, a folder, too large). */
export async function readImportFile(
  file: string,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  let stat
  try {
    stat = await fs.stat(file)
  } catch (err) {
    if (
      err instanceof Error &&
      'code' in err &&
      (err.code === 'ENOENT' || err.code === 'ENOTDIR')
    ) {
      return { ok: false, message: `File not found: ${file}` }
    }
    throw err
  }
  if (!stat.isFile()) return { ok: false, message: `${file} is not a file.` }
  // refuse before reading: a 2 GB file never enters memory (text over 2 MB is refused later)
  if (stat.size > MAX_DOCUMENT_BYTES)
    return { ok: false, message: `${file}: ${tooLargeMessage(stat.size, MAX_DOCUMENT_BYTES)}` }
  const bytes = await fs.readFile(file)
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
}

/** "plan.pdf:12 (page 3)" — where a message points, as a reader of the file can find it. */
function at(name: string, line: number | undefined, page: number | undefined): string {
  if (page !== undefined) return `${name} (page ${page})`
  return line ? `${name}:${line}` : name
}

/** Runs the import; returns the exit code. `openPayload` is called only once the file is usable. */
export async function runImport(
  argv: readonly string[],
  openPayload: () => Promise<Payload>,
  io: CliIo,
): Promise<number> {
  const args = parseImportArgs(argv)
  if ('help' in args) {
    io.stderr(IMPORT_USAGE)
    return 0
  }
  if ('error' in args) {
    io.stderr(`${args.error}\n${IMPORT_USAGE}`)
    return 2
  }
  const file = await readImportFile(args.file)
  if (!file.ok) {
    io.stderr(`error: ${file.message}`)
    return 1
  }
  const name = path.basename(args.file)
  const read = await readPlanBytes(file.bytes, {
    format: args.format,
    filename: args.file,
    organization: args.organization,
    publish: args.publish,
  })
  if (!read.ok) {
    io.stderr(`error: ${args.file}: ${read.message}`)
    return 1
  }
  const reading = read.reading
  for (const warning of reading.warnings)
    io.stderr(`warning: ${at(name, warning.line, warning.page)}: ${warning.message}`)
  for (const note of reading.notes) io.stderr(`note: ${note}`)
  if (reading.problems.length > 0) {
    for (const problem of reading.problems) {
      io.stderr(`error: ${at(name, problem.line, problem.page)}: ${problem.message}`)
    }
    io.stderr('Nothing was imported.')
    return 1
  }

  const payload = await openPayload()
  try {
    const stored = await storePlan(payload, reading, { publish: args.publish, slug: args.slug })
    if (stored.initiatives > 0 || stored.sections > 0) {
      io.stderr(
        `note: also imported ${stored.initiatives} initiatives and ${stored.sections} new sections` +
          (stored.reusedSections.length
            ? ` (existing sections used: ${stored.reusedSections.join(', ')})`
            : '') +
          '.',
      )
    }
    io.stdout(
      JSON.stringify({ plan: stored.slug, goals: stored.goals, objectives: stored.objectives }),
    )
    return 0
  } catch (err) {
    if (err instanceof ImportRefused) {
      for (const problem of err.problems) io.stderr(`error: ${problem.message}`)
      if (err.status === 409) io.stderr('Import it under another address with --slug <new-slug>.')
      return 1
    }
    // Payload's validation errors carry a message a person can act on
    if (
      err instanceof Error &&
      'status' in err &&
      typeof err.status === 'number' &&
      err.status < 500
    ) {
      io.stderr(`error: ${err.message}${validationDetails(err)}\nNothing was imported.`)
      return 1
    }
    throw err
  }
}

function validationDetails(err: Error): string {
  const data = (err as Error & { data?: { errors?: { path?: string; message?: string }[] } }).data
  const errors = data?.errors ?? []
  return errors.length
    ? ` ${errors.map((e) => `${e.path ?? ''}: ${e.message ?? ''}`).join('; ')}`
    : ''
}
