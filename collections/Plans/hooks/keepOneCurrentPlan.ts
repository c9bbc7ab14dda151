import type { CollectionAfterChangeHook } from 'payload'

/** Marking a plan current unmarks the others, so exactly one plan opens the site. */
export const keepOneCurrentPlan: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!doc.current || previousDoc?.current) return doc
  const others = await req.payload.find({
    collection: 'plans',
    where: { and: [{ current: { equals: true } }, { id: { not_equals: doc.id } }] },
    depth: 0,
    limit: 100,
    pagination: false,
    select: { current: true },
    req,
  })
  for (const other of others.docs) {
    await req.payload.update({
      collection: 'plans',
      id: other.id,
      data: { current: false },
      depth: 0,
      req,
      context: req.context,
    })
  }
  return doc
}
