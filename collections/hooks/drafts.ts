import type { CollectionSlug, PayloadRequest } from 'payload'

import type { Id } from '@/lib/plan/types'

type Versioned = { id: Id; _status?: 'draft' | 'published' | null }

/** The publication status of the live document (the collection's own row, not its latest version). */
async function liveStatus(req: PayloadRequest, collection: CollectionSlug, id: Id) {
  const live = (await req.payload.db.findOne({
    collection,
    where: { id: { equals: id } },
    req,
  })) as Versioned | null
  return live?._status ?? null
}

/**
 * True when a save changed only a draft and the public saw nothing: a draft saved over a published
 * document (the live row stays published) or a new document created as a draft. An unpublish also
 * leaves a draft, but its live row is a draft now, so it still counts as a public change.
 */
export async function savedOnlyADraft(args: {
  collection: CollectionSlug
  doc: Versioned
  operation: 'create' | 'update'
  req: PayloadRequest
}): Promise<boolean> {
  const { collection, doc, operation, req } = args
  if (doc._status !== 'draft') return false
  if (operation === 'create') return true
  return (await liveStatus(req, collection, doc.id)) === 'published'
}

/**
 * Sets `data` on another document without publishing anything the editors have not published. A
 * plain update of a document whose latest version is a draft would publish that draft; here the
 * draft gets the change as a draft, and the live row gets it directly (no new content goes live).
 */
export async function updateLiveAndDraft(args: {
  collection: CollectionSlug
  id: Id
  data: Record<string, unknown>
  req: PayloadRequest
}): Promise<void> {
  const { collection, id, data, req } = args
  const latest = (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    req,
    overrideAccess: true,
  })) as Versioned
  if (latest._status !== 'draft') {
    await req.payload.update({ collection, id, data, depth: 0, req, overrideAccess: true })
    return
  }
  await req.payload.update({
    collection,
    id,
    data,
    draft: true,
    depth: 0,
    req,
    overrideAccess: true,
  })
  await req.payload.db.updateOne({ collection, id, data, req })
}
