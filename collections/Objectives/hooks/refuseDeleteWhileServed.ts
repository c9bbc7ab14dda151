import type { CollectionBeforeDeleteHook } from 'payload'

import { initiativesInTheWay } from '@/collections/hooks/initiativesInTheWay'
import { deleteConflict } from '@/collections/hooks/refusals'

/** An objective that initiatives serve cannot be deleted; the message names them. */
export const refuseDeleteWhileServed: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const serving = await initiativesInTheWay(req, { objectives: { in: [id] } })
  if (!serving) return
  const objective = await req.payload.findByID({
    collection: 'objectives',
    id,
    depth: 0,
    select: { code: true },
    req,
  })
  throw deleteConflict(
    `Objective ${objective.code} cannot be deleted: ${serving.noun} ${serving.names} ` +
      `still serve${serving.total === 1 ? 's' : ''} it. Point them at another objective first.`,
  )
}
