import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { listForMessage } from '../../../lib/plan/numbering'

/** An objective that initiatives serve cannot be deleted; the message names them. */
export const refuseDeleteWhileServed: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const initiatives = await req.payload.find({
    collection: 'initiatives',
    where: { objectives: { in: [id] } },
    depth: 0,
    limit: 5,
    sort: 'title',
    select: { title: true },
    req,
  })
  if (initiatives.totalDocs === 0) return
  const objective = await req.payload.findByID({
    collection: 'objectives',
    id,
    depth: 0,
    select: { code: true },
    req,
  })
  const names = initiatives.docs.map((i) => `"${i.title}"`)
  throw new APIError(
    `Objective ${objective.code} cannot be deleted: ${initiatives.totalDocs === 1 ? 'initiative' : 'initiatives'} ` +
      `${listForMessage(names, initiatives.totalDocs)} still serve${initiatives.totalDocs === 1 ? 's' : ''} it. ` +
      'Point them at another objective first.',
    409,
    null,
    true,
  )
}
