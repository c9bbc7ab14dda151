import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { idOf } from '@/lib/format/ids'
import { objectiveCode, objectiveLabel, objectivePosition } from '@/lib/plan/numbering'

/** An objective's plan, code and sort position always follow its goal area. */
export const followGoal: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const goalId = idOf(data.goal ?? originalDoc?.goal)
  const number = (data.number ?? originalDoc?.number) as number
  const text = (data.text ?? originalDoc?.text) as string | undefined
  const goal =
    goalId == null
      ? null
      : await req.payload.findByID({
          collection: 'goals',
          id: goalId,
          depth: 0,
          select: { plan: true, number: true },
          req,
          disableErrors: true,
        })
  if (!goal) {
    throw new ValidationError({
      collection: 'objectives',
      errors: [{ path: 'goal', message: 'Choose the goal area this objective belongs to.' }],
      req,
    })
  }
  const code = objectiveCode(goal.number, number)
  return {
    ...data,
    plan: idOf(goal.plan),
    code,
    position: objectivePosition(goal.number, number),
    label: objectiveLabel(code, text),
  }
}
