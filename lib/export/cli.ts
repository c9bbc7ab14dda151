/**
 * `npm run export -- <plan-slug> [--format json|stratml|csv] [--out file]`
 *
 * Writes the plan to stdout (or to --out) in the chosen format (JSON by default): JSON is the
 * whole plan with its initiatives, lossless; StratML is the plan's Part 1 core; CSV has one row
 * per initiative × objective.
 */
import fs from 'node:fs/promises'

import type { Payload } from 'payload'

import { readCommandLine, type CliIo } from '@/lib/cli'
import { EXPORT_FORMATS, exportPlan, parseExportFormat, type ExportFormat } from './load'

export const EXPORT_USAGE =
  'Usage: npm run export -- <plan-slug> [--format json|stratml|csv] [--out <file>]'

export interface ExportArgs {
  slug: string
  format: ExportFormat
  out?: string
}

export function parseExportArgs(
  argv: readonly string[],
): ExportArgs | { error: string } | { help: true } {
  const line = readCommandLine(argv, {
    format: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (!line.ok) {
    if (line.problem === 'unknown') return { error: `Unknown option ${line.option}.` }
    if (line.problem === 'takes-no-value') return { error: `${line.option} takes no value.` }
    return line.option === '--out'
      ? { error: '--out needs a file name.' }
      : { error: `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "").` }
  }
  const { values, positionals } = line
  if (values.help) return { help: true }
  let format: ExportFormat = 'json'
  if (values.format !== undefined) {
    const given = parseExportFormat(values.format)
    if (!given)
      return {
        error: `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${values.format}").`,
      }
    format = given
  }
  if (values.out !== undefined && !values.out.trim()) return { error: '--out needs a file name.' }
  if (positionals.length !== 1)
    return {
      error: positionals.length
        ? 'Export one plan at a time.'
        : 'Name the plan (its slug) to export.',
    }
  return { slug: positionals[0] ?? '', format, out: values.out }
}

/** Runs the export; returns the exit code. */
export async function runExport(
  argv: readonly string[],
  openPayload: () => Promise<Payload>,
  io: CliIo & { write: (text: string) => void },
): Promise<number> {
  const args = parseExportArgs(argv)
  if ('help' in args) {
    io.stderr(EXPORT_USAGE)
    return 0
  }
  if ('error' in args) {
    io.stderr(`${args.error}\n${EXPORT_USAGE}`)
    return 2
  }
  const payload = await openPayload()
  const file = await exportPlan(payload, { slug: args.slug }, args.format)
  if (!file) {
    const plans = await payload.find({
      collection: 'plans',
      draft: true,
      pagination: false,
      depth: 0,
      select: { slug: true },
      sort: 'slug',
      overrideAccess: true,
    })
    const known = plans.docs.map((p) => p.slug)
    io.stderr(
      `error: there is no plan with the slug "${args.slug}". ` +
        (known.length ? `Plans: ${known.join(', ')}.` : 'The database has no plans.'),
    )
    return 1
  }
  if (args.out) {
    await fs.writeFile(args.out, file.body, 'utf8')
    io.stderr(`Wrote ${args.out} (${Buffer.byteLength(file.body)} bytes, ${args.format}).`)
  } else {
    io.write(file.body)
  }
  return 0
}
