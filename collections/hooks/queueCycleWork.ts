import type { CollectionAfterChangeHook, CollectionConfig } from 'payload'

import { queueCycleWork } from '@/lib/jobs'
import { CYCLES_SLUG } from '@/lib/plan/cycles'

/**
 * A cycle that opens queues its notices; one that closes queues its archived report and the
 * board's links. Queued in the request's transaction, run by the job runner, never here.
 */
export const queueCycleWorkOnChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  const state = (doc as { state?: string }).state
  const before = (previousDoc as { state?: string } | undefined)?.state
  if (state && state !== before) await queueCycleWork(req.payload, doc.id, state, req)
  return doc
}

/** Adds the hook to the cycles collection (defined with the cycles' own code). */
export function withCycleJobs(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) =>
    collection.slug === CYCLES_SLUG
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), queueCycleWorkOnChange],
          },
        }
      : collection,
  )
}
