import type { CollectionAfterChangeHook } from 'payload'

import { cacheTags } from '@/lib/data/tags'
import { expireTags } from '@/collections/hooks/revalidate'
import { updateLiveAndDraft } from '@/collections/hooks/drafts'

/**
 * Publishing a plan marked current unmarks the others, so exactly one plan opens the site. A draft
 * marked current changes nothing yet: the live current plan stays current until it is published.
 */
export const keepOneCurrentPlan: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (!doc.current || doc._status !== 'published') return doc
  const others = await req.payload.find({
    collection: 'plans',
    where: { and: [{ current: { equals: true } }, { id: { not_equals: doc.id } }] },
    depth: 0,
    pagination: false,
    select: { current: true },
    req,
  })
  for (const other of others.docs) {
    await updateLiveAndDraft({
      collection: 'plans',
      id: other.id,
      data: { current: false },
      req,
    })
    await expireTags([cacheTags.plan(other.id)], req, context)
  }
  return doc
}
