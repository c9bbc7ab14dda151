import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { withContext } from '@/collections/hooks/context'
import { idOf } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'

/**
 * One source of truth: the initiative's status and progress are those of its latest update,
 * written onto it (two queries: the latest update, the initiative's update). The initiative's
 * own status and progress are read-only once it has an update (`lastUpdateAt` set).
 */
async function writeLatest(initiative: Id, req: PayloadRequest) {
  const { docs } = await req.payload.find({
    collection: 'progress-updates',
    where: { initiative: { equals: initiative } },
    sort: ['-submittedAt', '-id'],
    limit: 1,
    depth: 0,
    select: { status: true, progress: true, submittedAt: true },
    overrideAccess: true,
    req,
  })
  const latest = docs[0]
  const current = await req.payload.findByID({
    collection: 'initiatives',
    id: initiative,
    depth: 0,
    select: { status: true, progress: true, completedDate: true, lastUpdateAt: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!current) return
  const data = latest
    ? {
        status: latest.status,
        progress: latest.progress,
        lastUpdateAt: latest.submittedAt,
        // a completed initiative needs its completion date: the day it was reported
        ...(latest.status === 'completed' && !current.completedDate
          ? { completedDate: latest.submittedAt }
          : {}),
      }
    : { lastUpdateAt: null }
  const unchanged =
    (current.lastUpdateAt ?? null) === (data.lastUpdateAt ?? null) &&
    (!latest || (current.status === latest.status && current.progress === latest.progress))
  if (unchanged) return
  await withContext(req, { fromProgressUpdate: true }, () =>
    req.payload.update({
      collection: 'initiatives',
      id: initiative,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
}

export const writeLatestToInitiative: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.syncInitiativeCopies) return doc
  const initiative = idOf(doc.initiative)
  if (initiative != null) await writeLatest(initiative, req)
  return doc
}

export const writeLatestAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (context.deletingInitiative) return doc
  const initiative = idOf(doc.initiative)
  if (initiative != null) await writeLatest(initiative, req)
  return doc
}
