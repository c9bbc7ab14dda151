import type { CollectionBeforeDeleteHook } from 'payload'

import { initiativesInTheWay } from '@/collections/hooks/initiativesInTheWay'
import { deleteConflict } from '@/collections/hooks/refusals'

/** A section that owns initiatives cannot be deleted; the message names them. */
export const refuseDeleteWithInitiatives: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const owned = await initiativesInTheWay(req, { section: { equals: id } })
  if (!owned) return
  const section = await req.payload.findByID({
    collection: 'sections',
    id,
    depth: 0,
    select: { name: true },
    req,
  })
  throw deleteConflict(
    `${section.name} cannot be deleted: it still owns ${owned.noun} ${owned.names}. ` +
      'Move them to another section first.',
  )
}
