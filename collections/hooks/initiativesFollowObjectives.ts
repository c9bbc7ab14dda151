import type { PayloadRequest } from 'payload'

import { idOf, sameRelation, type Relation } from '@/lib/format/ids'
import { plural } from '@/lib/format/plural'
import { listForMessage } from '@/lib/plan/numbering'
import type { Id } from '@/lib/plan/types'
import { updateLiveAndDraft } from './drafts'
import { fieldError } from './refusals'

/** The initiatives (live rows) serving one of these objectives, each with all its objectives. */
async function servingInitiatives(req: PayloadRequest, objectiveIds: readonly Id[]) {
  if (objectiveIds.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'initiatives',
    where: { objectives: { in: [...objectiveIds] } },
    depth: 0,
    pagination: false,
    sort: 'title',
    select: { title: true, objectives: true, plan: true },
    overrideAccess: true,
    req,
  })
  return docs
}

/**
 * Refuses moving these objectives to another plan while an initiative serves one of them and also an
 * objective that stays behind: an initiative's objectives all belong to one plan.
 */
export async function refuseSplittingInitiatives(
  req: PayloadRequest,
  collection: 'goals' | 'objectives',
  what: string,
  objectiveIds: readonly Id[],
): Promise<void> {
  const moving = new Set(objectiveIds.map(String))
  const split = (await servingInitiatives(req, objectiveIds)).filter((initiative) =>
    (initiative.objectives ?? []).some((o) => !moving.has(String(idOf(o as Relation)))),
  )
  if (split.length === 0) return
  const names = listForMessage(
    split.map((i) => `"${i.title}"`),
    split.length,
  )
  const one = split.length === 1
  throw fieldError(
    collection,
    req,
    collection === 'goals' ? 'plan' : 'goal',
    `${what} cannot move to another plan: ${plural(split.length, 'initiative')} ` +
      `${names} also serve${one ? 's' : ''} objectives that stay in this plan. ` +
      'Point them at objectives of one plan first.',
  )
}

/** After objectives moved to another plan, the initiatives serving them move too (drafts included). */
export async function moveServingInitiatives(
  req: PayloadRequest,
  objectiveIds: readonly Id[],
  plan: Id,
): Promise<void> {
  for (const initiative of await servingInitiatives(req, objectiveIds)) {
    if (sameRelation(initiative.plan as Relation, plan)) continue
    await updateLiveAndDraft({
      collection: 'initiatives',
      id: initiative.id,
      data: { plan },
      req,
    })
  }
}
