import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { withContext } from '@/collections/hooks/context'
import { sameRelation, type Relation } from '@/lib/format/ids'

/** The initiative's fields its updates copy (`_status` as `published`). */
const COPIED = ['section', 'plan', 'visibility', '_status'] as const

const sameCopy = (field: (typeof COPIED)[number], a: unknown, b: unknown): boolean =>
  field === 'section' || field === 'plan'
    ? sameRelation((a ?? null) as Relation, (b ?? null) as Relation)
    : (a ?? null) === (b ?? null)

/**
 * Keeps the copies each progress update holds of its initiative (section, plan, visibility,
 * published) equal to the initiative as published, so the updates' access rules follow the
 * initiative's. Reads the initiative itself (a draft save does not change what readers see).
 */
export const syncProgressUpdateCopies: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (operation === 'create' || context.fromProgressUpdate) return doc
  // The copies follow the published version; a save that changes none of the copied fields (a
  // lead, a description, a title) cannot change it in any of them: two queries saved per save.
  if (previousDoc && COPIED.every((field) => sameCopy(field, doc[field], previousDoc[field])))
    return doc
  const main = await req.payload.findByID({
    collection: 'initiatives',
    id: doc.id,
    depth: 0,
    draft: false,
    select: { section: true, plan: true, visibility: true, _status: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!main) return doc
  const copies = {
    section: main.section,
    plan: main.plan ?? null,
    visibility: main.visibility,
    published: main._status === 'published',
  }
  const { docs } = await req.payload.find({
    collection: 'progress-updates',
    where: { initiative: { equals: doc.id } },
    depth: 0,
    pagination: false,
    select: { section: true, plan: true, visibility: true, published: true },
    overrideAccess: true,
    req,
  })
  const stale = docs.filter(
    (u) =>
      !sameRelation(u.section as Relation, copies.section as Relation) ||
      !sameRelation(u.plan as Relation, copies.plan as Relation) ||
      u.visibility !== copies.visibility ||
      Boolean(u.published) !== copies.published,
  )
  await withContext(req, { syncInitiativeCopies: true }, async () => {
    for (const update of stale) {
      await req.payload.update({
        collection: 'progress-updates',
        id: update.id,
        data: copies,
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
  })
  return doc
}

/**
 * An initiative's progress updates go with it (their cycle's numbers no longer include it). Before
 * the initiative's row goes: an update must name its initiative, so on SQLite the row cannot be
 * deleted while updates point at it.
 */
export const deleteProgressUpdates: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await withContext(req, { deletingInitiative: true, syncInitiativeCopies: true }, () =>
    req.payload.delete({
      collection: 'progress-updates',
      where: { initiative: { equals: id } },
      overrideAccess: true,
      req,
    }),
  )
}
