import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  PayloadRequest,
  RequestContext,
} from 'payload'
import { revalidateTag } from 'next/cache'

import { expireSharedTags } from '@/lib/cache/shared'
import { cacheTags } from '@/lib/data/tags'
import { idOf } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'
import { savedOnlyADraft } from './drafts'

/**
 * Expires the given cache tags so the next visitor gets fresh pages. Seeds, imports and tests pass
 * `context.disableRevalidate`; outside a Next.js server (a CLI script) there is no cache to expire.
 * With several instances (REDIS_URL) the shared cache is expired before the save is answered.
 */
export async function expireTags(
  tags: Iterable<string>,
  req: PayloadRequest,
  context: RequestContext,
): Promise<void> {
  if (context.disableRevalidate) return
  const unique = [...new Set(tags)]
  for (const tag of unique) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (err) {
      if (err instanceof Error && err.message.includes('static generation store missing')) {
        req.payload.logger.debug(`Not inside a Next.js server: cache tag ${tag} left alone`)
        return
      }
      throw err
    }
  }
  await expireSharedTags(unique)
}

/** Plans: the plan's pages and every list of plans; not for a draft the public cannot see. */
export const revalidatePlan: CollectionAfterChangeHook = async ({
  doc,
  operation,
  req,
  context,
}) => {
  if (context.disableRevalidate) return doc
  if (await savedOnlyADraft({ collection: 'plans', doc, operation, req })) return doc
  await expireTags([cacheTags.plans, cacheTags.plan(doc.id)], req, context)
  return doc
}

export const revalidatePlanDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.plans, cacheTags.plan(doc.id)], req, context)
  return doc
}

/** Goal areas and objectives: their plan's pages (and the plan it moved from). */
export const revalidatePlanContent: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  const plans = [idOf(doc.plan), idOf(previousDoc?.plan)].filter((id): id is Id => id != null)
  await expireTags(plans.map(cacheTags.plan), req, context)
  return doc
}

export const revalidatePlanContentDelete: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  const plan = idOf(doc.plan)
  if (plan != null) await expireTags([cacheTags.plan(plan)], req, context)
  return doc
}

/**
 * Initiatives: the plan pages and section pages they appear on, before and after the change; not
 * for a draft the public cannot see.
 */
export const revalidateInitiative: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (context.disableRevalidate) return doc
  if (await savedOnlyADraft({ collection: 'initiatives', doc, operation, req })) return doc
  const tags: string[] = []
  for (const version of [doc, previousDoc]) {
    const plan = idOf(version?.plan)
    const section = idOf(version?.section)
    if (plan != null) tags.push(cacheTags.plan(plan))
    if (section != null) tags.push(cacheTags.section(section))
  }
  await expireTags(tags, req, context)
  return doc
}

export const revalidateInitiativeDelete: CollectionAfterDeleteHook = async ({
  doc,
  req,
  context,
}) => {
  const plan = idOf(doc.plan)
  const section = idOf(doc.section)
  await expireTags(
    [
      ...(plan != null ? [cacheTags.plan(plan)] : []),
      ...(section != null ? [cacheTags.section(section)] : []),
    ],
    req,
    context,
  )
  return doc
}

export const revalidateSection: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.sections, cacheTags.section(doc.id)], req, context)
  return doc
}

export const revalidateSectionDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  await expireTags([cacheTags.sections, cacheTags.section(doc.id)], req, context)
  return doc
}
