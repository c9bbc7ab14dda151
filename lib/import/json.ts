/**
 * Reads a Lodestar JSON export (lib/export/document.ts) back through the export's own schema
 * (lib/export/schema.ts): every field checked, and a wrong one named by its path
 * ("initiatives[3].status: …"), so nothing half-valid reaches the database. Pure.
 */
import {
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  checkPlanExportDocument,
  type PlanExportDocument,
} from '@/lib/export/schema'
import type { ImportProblem } from './check'

export type JsonReading =
  { ok: true; document: PlanExportDocument } | { ok: false; problems: ImportProblem[] }

const MAX_PROBLEMS = 25

/** "…at position 120 (line 5 column 3)" → 5; the line of a JSON.parse error when it says. */
function errorLine(message: string, text: string): number | undefined {
  const line = /line (\d+)/.exec(message)
  if (line) return Number(line[1])
  const position = /position (\d+)/.exec(message)
  if (!position) return undefined
  const end = Math.min(Number(position[1]), text.length)
  let count = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** Parses and checks a Lodestar JSON plan export. */
export function readPlanExportJson(text: string): JsonReading {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    return {
      ok: false,
      problems: [
        {
          line: errorLine(err.message, text),
          message: `The file is not valid JSON: ${err.message}`,
        },
      ],
    }
  }
  return checkPlanExport(data)
}

/** `['initiatives', 3, 'status']` → `initiatives[3].status` */
export function issuePath(path: readonly (string | number)[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${part}` : part
  }
  return out
}

/** Checks an already parsed value against the export format. */
export function checkPlanExport(data: unknown): JsonReading {
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}
  if (!('format' in record) || record.format !== PLAN_EXPORT_FORMAT) {
    return {
      ok: false,
      problems: [
        {
          message: `This JSON is not a Lodestar plan export (it needs "format": "${PLAN_EXPORT_FORMAT}"). Export a plan from Lodestar, or import the plan's text or StratML instead.`,
        },
      ],
    }
  }
  const version = 'version' in record ? record.version : undefined
  if (version !== PLAN_EXPORT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          message: `This export has version ${JSON.stringify(version)}; this Lodestar reads version ${PLAN_EXPORT_VERSION}.`,
        },
      ],
    }
  }
  const checked = checkPlanExportDocument(data)
  if (checked.ok) return checked
  return {
    ok: false,
    problems: checked.problems.slice(0, MAX_PROBLEMS).map((problem) => ({
      message: problem.path.length
        ? `${issuePath(problem.path)}: ${problem.message}`
        : problem.message,
    })),
  }
}
