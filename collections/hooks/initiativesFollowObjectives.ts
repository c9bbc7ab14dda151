import { ValidationError, type PayloadRequest, type RequestContext } from 'payload'

import { idOf, type Relation } from '@/lib/format/ids'
import { listForMessage } from '@/lib/plan/numbering'
import type { Id } from '@/lib/plan/types'
import { updateLiveAndDraft } from './drafts'
const same = (a: Relation, b: Relation) => String(idOf(a)) === String(idOf(b))

/** Set in the context while a goal area's objectives follow it, so they do not act one by one. */
export const MOVING_GOAL = 'lodestarMovingGoal'

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
  throw new ValidationError({
    collection,
    errors: [
      {
        path: collection === 'goals' ? 'plan' : 'goal',
        message:
          `${what} cannot move to another plan: ${split.length === 1 ? 'initiative' : 'initiatives'} ` +
          `${names} also serve${split.length === 1 ? 's' : ''} objectives that stay in this plan. ` +
          'Point them at objectives of one plan first.',
      },
    ],
    req,
  })
}

/** After objectives moved to another plan, the initiatives serving them move too (drafts included). */
export async function moveServingInitiatives(
  req: PayloadRequest,
  objectiveIds: readonly Id[],
  plan: Id,
  context: RequestContext,
): Promise<void> {
  for (const initiative of await servingInitiatives(req, objectiveIds)) {
    if (same(initiative.plan as Relation, plan)) continue
    await updateLiveAndDraft({
      collection: 'initiatives',
      id: initiative.id,
      data: { plan },
      req,
      context,
    })
  }
}
