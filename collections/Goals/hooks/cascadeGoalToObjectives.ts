import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { idOf, sameRelation } from '@/lib/format/ids'
import { withContext } from '@/collections/hooks/context'
import {
  moveServingInitiatives,
  refuseSplittingInitiatives,
} from '@/collections/hooks/initiativesFollowObjectives'

/**
 * Before a goal area moves to another plan: refused while an initiative serves one of its
 * objectives and an objective of another goal area (it cannot belong to two plans).
 */
export const refuseMoveSplittingInitiatives: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || data.plan === undefined) return data
  if (sameRelation(data.plan, originalDoc?.plan)) return data
  const objectives = await req.payload.find({
    collection: 'objectives',
    where: { goal: { equals: originalDoc.id } },
    depth: 0,
    pagination: false,
    select: { code: true },
    req,
  })
  await refuseSplittingInitiatives(
    req,
    'goals',
    `Goal Area ${originalDoc.number}`,
    objectives.docs.map((o) => o.id),
  )
  return data
}

/**
 * When a goal area is renumbered or moved to another plan, its objectives follow (codes, plan),
 * and so do the initiatives serving them (plan).
 */
export const cascadeGoalToObjectives: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update') return doc
  const moved = !sameRelation(doc.plan, previousDoc?.plan)
  if (doc.number === previousDoc?.number && !moved) return doc
  const objectives = await req.payload.find({
    collection: 'objectives',
    where: { goal: { equals: doc.id } },
    depth: 0,
    pagination: false,
    select: { number: true },
    req,
  })
  // The objectives' beforeChange hook recomputes code, position and plan from the goal area; the
  // flag tells their own hooks the goal area moves them all together (and the initiatives after).
  await withContext(req, { movingGoal: doc.id }, async () => {
    for (const objective of objectives.docs) {
      await req.payload.update({
        collection: 'objectives',
        id: objective.id,
        data: { number: objective.number },
        depth: 0,
        req,
      })
    }
    const plan = idOf(doc.plan)
    if (moved && plan != null)
      await moveServingInitiatives(
        req,
        objectives.docs.map((o) => o.id),
        plan,
      )
  })
  return doc
}
