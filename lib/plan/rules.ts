import type { InitiativeStatus } from './types'

/** Validation rules for initiatives, shared by the admin fields and the importer. */

/** A completed initiative needs the date it was completed. */
export function checkCompletedDate(
  status: InitiativeStatus | string | null | undefined,
  completedDate: string | null | undefined,
): true | string {
  if (status === 'completed' && !completedDate)
    return 'A completed initiative needs its completion date.'
  return true
}

/** The target date may not fall before the start date. */
export function checkTargetDate(
  startDate: string | null | undefined,
  targetDate: string | null | undefined,
): true | string {
  if (!startDate || !targetDate) return true
  const start = new Date(startDate).getTime()
  const target = new Date(targetDate).getTime()
  if (Number.isNaN(start) || Number.isNaN(target)) return true
  return target >= start ? true : 'The target date cannot be before the start date.'
}

/** Progress is a whole percentage from 0 to 100. */
export function checkProgress(progress: number | null | undefined): true | string {
  if (progress == null) return true
  if (!Number.isFinite(progress) || progress < 0 || progress > 100)
    return 'Progress is a percentage from 0 to 100.'
  return true
}

/**
 * The one plan that all of an initiative's objectives belong to, or a message naming the clash.
 * `objectives` are the served objectives with their plan ids and codes.
 */
export function singlePlanOf(
  objectives: { code: string; plan: string | number | null | undefined }[],
): { plan: string | number } | { error: string } {
  if (objectives.length === 0)
    return { error: 'Choose at least one objective this initiative serves.' }
  const plans = new Map<string, { plan: string | number; codes: string[] }>()
  for (const objective of objectives) {
    if (objective.plan == null) continue
    const key = String(objective.plan)
    const entry = plans.get(key) ?? { plan: objective.plan, codes: [] }
    entry.codes.push(objective.code)
    plans.set(key, entry)
  }
  const groups = [...plans.values()]
  if (groups.length === 1 && groups[0]) return { plan: groups[0].plan }
  if (groups.length === 0) return { error: 'The chosen objectives do not belong to a plan.' }
  const described = groups.map((g) => g.codes.join(', ')).join(' / ')
  return {
    error: `All objectives of an initiative must belong to one plan; these come from ${groups.length} plans (${described}).`,
  }
}
