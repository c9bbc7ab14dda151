/**
 * The full listing in parts. react-pdf's cost grows faster than the document: some of its passes
 * walk the whole tree breadth-first through one queue (`Array.shift` on a queue of 100,000+ nodes
 * copies it every time), and a tree of 5,000 initiatives holds 1.7 GB. So a long report renders
 * as several small documents, each starting where the report starts a new page anyway (a goal
 * area, the gaps, the appendix, a section of the appendix), and lib/pdf/report/join.ts joins
 * them. Pure: which blocks go in which part.
 */
import type { ProgressReportModel, ReportSectionGroup } from './model'

/** One piece of the report that starts on a page of its own. */
export type ReportBlock =
  | { kind: 'intro' }
  | { kind: 'goal'; number: number }
  | { kind: 'gaps' }
  /** the appendix's section groups `slugs`; `heading`: its title and introduction open here */
  | { kind: 'appendix'; slugs: string[]; heading: boolean }
  | { kind: 'sections-summary' }

/** Consecutive blocks rendered as one document. */
export interface ReportPart {
  blocks: ReportBlock[]
  /** its outline entries belong under the previous part's last one (a continued appendix) */
  continues: boolean
}

/** About the table rows of one part: some 50 pages. */
export const ROWS_PER_PART = 1500

const INTRO_ROWS = 40

function introRows(report: ProgressReportModel): number {
  const since = report.since
  if (!since) return INTRO_ROWS
  return (
    INTRO_ROWS +
    since.newlyCompleted.length +
    since.newlyStarted.length +
    since.statusChanges.length +
    since.added.length +
    since.progressChanges.length +
    since.stale.length
  )
}

const groupRows = (group: ReportSectionGroup): number => 1 + group.initiatives.length

/**
 * The report's blocks in order with their weight in table rows; the appendix cut between
 * sections into pieces of at most `rowsPerPart` rows (a section longer than that stays whole).
 */
function blocks(report: ProgressReportModel, rowsPerPart: number) {
  const out: { block: ReportBlock; rows: number }[] = [
    { block: { kind: 'intro' }, rows: introRows(report) },
  ]
  for (const goal of report.goals) {
    const rows = goal.objectives.reduce((n, o) => n + 1 + Math.max(1, o.initiatives.length), 10)
    out.push({ block: { kind: 'goal', number: goal.number }, rows })
  }
  const gapRows = report.gaps.reduce((n, g) => n + 1 + g.inactive.length, 10)
  out.push({ block: { kind: 'gaps' }, rows: gapRows })
  if (!report.appendix) {
    out.push({ block: { kind: 'sections-summary' }, rows: 10 + report.sections.length })
    return out
  }
  let piece: { slugs: string[]; rows: number } = { slugs: [], rows: 10 }
  const pieces = [piece]
  for (const group of report.sections) {
    if (piece.slugs.length > 0 && piece.rows + groupRows(group) > rowsPerPart) {
      piece = { slugs: [], rows: 0 }
      pieces.push(piece)
    }
    piece.slugs.push(group.slug)
    piece.rows += groupRows(group)
  }
  pieces.forEach((p, i) =>
    out.push({ block: { kind: 'appendix', slugs: p.slugs, heading: i === 0 }, rows: p.rows }),
  )
  return out
}

/**
 * The report's parts: consecutive blocks packed while they stay within `rowsPerPart` table rows
 * (a block longer than that is a part of its own). A short report is one part.
 */
export function reportParts(
  report: ProgressReportModel,
  rowsPerPart: number = ROWS_PER_PART,
): ReportPart[] {
  const parts: ReportPart[] = []
  let rows = 0
  for (const { block, rows: n } of blocks(report, rowsPerPart)) {
    const last = parts.at(-1)
    if (last && rows + n <= rowsPerPart) {
      last.blocks.push(block)
      rows += n
      continue
    }
    parts.push({ blocks: [block], continues: block.kind === 'appendix' && !block.heading })
    rows = n
  }
  return parts
}
