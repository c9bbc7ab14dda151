/**
 * Whether a parsed plan can be stored as it is. Problems block the import (nothing is written);
 * notes are worth saying but do not. Pure.
 */
import type { ParsedPlan, ParseWarning } from './types'

export interface ImportProblem {
  /** 1-based line in the input, when the problem sits on one */
  line?: number
  /** the page of a PDF the line is on */
  page?: number
  message: string
}

/** Goal-area and objective numbers the collections accept (collections/Goals, Objectives). */
export const MAX_GOAL_NUMBER = 99
export const MAX_OBJECTIVE_NUMBER = 999

function linesOf(warnings: readonly ParseWarning[], pattern: RegExp): number[] {
  return warnings.filter((w) => pattern.test(w.message)).map((w) => w.line)
}

function atLines(lines: number[]): string {
  if (lines.length === 0) return ''
  if (lines.length === 1) return ` (line ${lines[0]})`
  return ` (lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]})`
}

/** What keeps this plan from being imported; empty when it can be. */
export function planProblems(
  plan: ParsedPlan,
  warnings: readonly ParseWarning[] = [],
  options: { publish?: boolean } = {},
): ImportProblem[] {
  const problems: ImportProblem[] = []
  if (!plan.title.trim()) {
    problems.push({
      line: linesOf(warnings, /no plan title/)[0],
      message:
        'No plan title found. Put the title (for example "Strategic Plan 2020-2025") on a line of its own at the top.',
    })
  }
  if (plan.goals.length === 0) {
    problems.push({
      line: linesOf(warnings, /no goal areas/)[0],
      message:
        'No goal areas found, so there is nothing to import. Goal areas are read from headings such as ' +
        '"Goal 1. Title", "Goal Area 1." with the title on the next line, "I. Title", or numbered ' +
        'headings with their objectives numbered below them.',
    })
  }

  const goalLines = new Map<number, number>()
  for (const goal of plan.goals) goalLines.set(goal.number, (goalLines.get(goal.number) ?? 0) + 1)
  for (const [number, count] of goalLines) {
    if (count > 1) {
      const lines = linesOf(warnings, new RegExp(`^duplicate goal number ${number}$`))
      problems.push({
        line: lines[0],
        message: `Goal area ${number} appears ${count} times${atLines(lines)}. Renumber or merge them and try again; nothing was imported.`,
      })
    }
  }

  for (const goal of plan.goals) {
    if (!Number.isInteger(goal.number) || goal.number < 1 || goal.number > MAX_GOAL_NUMBER) {
      problems.push({
        message: `Goal area ${goal.number}: goal areas are numbered from 1 to ${MAX_GOAL_NUMBER}.`,
      })
    }
    if (!goal.title.trim()) {
      problems.push({
        line: linesOf(warnings, new RegExp(`^goal ${goal.number} has no`))[0],
        message: `Goal area ${goal.number} has no title.`,
      })
    }
    const seen = new Map<number, number>()
    for (const objective of goal.objectives) {
      seen.set(objective.number, (seen.get(objective.number) ?? 0) + 1)
      if (
        !Number.isInteger(objective.number) ||
        objective.number < 1 ||
        objective.number > MAX_OBJECTIVE_NUMBER
      ) {
        problems.push({
          message: `Objective ${goal.number}.${objective.number}: objectives are numbered from 1 to ${MAX_OBJECTIVE_NUMBER}.`,
        })
      }
      if (!objective.text.trim()) {
        problems.push({ message: `Objective ${goal.number}.${objective.number} has no text.` })
      }
    }
    for (const [number, count] of seen) {
      if (count > 1) {
        const lines = linesOf(
          warnings,
          new RegExp(`^duplicate objective number ${number} in goal ${goal.number}$`),
        )
        problems.push({
          line: lines[0],
          message: `Objective ${goal.number}.${number} appears ${count} times${atLines(lines)}. Renumber them and try again; nothing was imported.`,
        })
      }
    }
  }

  if (plan.startYear !== undefined && plan.endYear !== undefined && plan.endYear < plan.startYear) {
    problems.push({
      message: `The plan ends (${plan.endYear}) before it starts (${plan.startYear}).`,
    })
  }
  if (options.publish && !plan.organization?.trim()) {
    problems.push({
      message:
        "No organization found, and a published plan needs one. Give the organization's full name " +
        '(--organization "…") or import the plan as a draft and fill it in.',
    })
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity))
}

/** What the import fills in by itself, said once (it does not stop the import). */
export function planNotes(plan: ParsedPlan, now = new Date()): string[] {
  const notes: string[] = []
  if (!plan.organization?.trim()) {
    notes.push('No organization found: it is left empty. Fill it in before the plan is published.')
  }
  if (plan.startYear === undefined) {
    const year = now.getFullYear()
    notes.push(
      `No plan period (years) found: the plan is saved as ${year}-${year}. Correct the years in the plan.`,
    )
  }
  return notes
}
