import { APIError, type CollectionBeforeDeleteHook } from 'payload'

import { listForMessage } from '../../../lib/plan/numbering'

/** A section that owns initiatives cannot be deleted; the message names them. */
export const refuseDeleteWithInitiatives: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const initiatives = await req.payload.find({
    collection: 'initiatives',
    where: { section: { equals: id } },
    depth: 0,
    limit: 5,
    sort: 'title',
    select: { title: true },
    req,
  })
  if (initiatives.totalDocs === 0) return
  const section = await req.payload.findByID({
    collection: 'sections',
    id,
    depth: 0,
    select: { name: true },
    req,
  })
  const names = initiatives.docs.map((i) => `"${i.title}"`)
  throw new APIError(
    `${section.name} cannot be deleted: it still owns ${initiatives.totalDocs === 1 ? 'initiative' : 'initiatives'} ` +
      `${listForMessage(names, initiatives.totalDocs)}. Move them to another section first.`,
    409,
    null,
    true,
  )
}
