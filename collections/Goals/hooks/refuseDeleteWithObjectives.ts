import type { CollectionBeforeDeleteHook } from 'payload'

import { listForMessage } from '@/lib/plan/numbering'
import { deleteConflict } from '@/collections/hooks/refusals'

/** A goal area that still has objectives cannot be deleted: nothing is lost silently. */
export const refuseDeleteWithObjectives: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const objectives = await req.payload.find({
    collection: 'objectives',
    where: { goal: { equals: id } },
    depth: 0,
    limit: 5,
    sort: 'number',
    select: { code: true },
    req,
  })
  if (objectives.totalDocs === 0) return
  const goal = await req.payload.findByID({
    collection: 'goals',
    id,
    depth: 0,
    req,
    select: { number: true },
  })
  const names = objectives.docs.map((o) => String(o.code))
  throw deleteConflict(
    `Goal Area ${goal.number} cannot be deleted: objective${objectives.totalDocs === 1 ? '' : 's'} ` +
      `${listForMessage(names, objectives.totalDocs)} still belong${objectives.totalDocs === 1 ? 's' : ''} to it. ` +
      'Delete or move them first.',
  )
}
