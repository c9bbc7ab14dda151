import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '@/collections/hooks/refusals'
import { idOf, sameRelation } from '@/lib/format/ids'
import { objectiveCode, objectiveLabel, objectivePosition } from '@/lib/plan/numbering'
import {
  moveServingInitiatives,
  refuseSplittingInitiatives,
} from '@/collections/hooks/initiativesFollowObjectives'

/** An objective's plan, code and sort position always follow its goal area. */
export const followGoal: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
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
    throw fieldError('objectives', req, 'goal', 'Choose the goal area this objective belongs to.')
  }
  const movesPlan = operation === 'update' && !sameRelation(goal.plan, originalDoc?.plan)
  // Moved alone (not with its whole goal area, which checks for itself)
  if (movesPlan && context.movingGoal == null)
    await refuseSplittingInitiatives(req, 'objectives', `Objective ${originalDoc.code}`, [
      originalDoc.id,
    ])
  const code = objectiveCode(goal.number, number)
  return {
    ...data,
    plan: idOf(goal.plan),
    code,
    position: objectivePosition(goal.number, number),
    label: objectiveLabel(code, text),
  }
}

/** An objective moved alone to another plan takes the initiatives serving it along. */
export const initiativesFollowObjective: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update' || context.movingGoal != null) return doc
  const plan = idOf(doc.plan)
  if (plan == null || sameRelation(plan, previousDoc?.plan)) return doc
  await moveServingInitiatives(req, [doc.id], plan)
  return doc
}
