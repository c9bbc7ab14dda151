import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '@/collections/hooks/refusals'
import { rememberObjectiveGoals } from '@/collections/hooks/revalidate'
import { idOf, type Relation } from '@/lib/format/ids'
import { singlePlanOf } from '@/lib/plan/rules'

/** An initiative's objectives all belong to one plan, which it records for fast plan-wide queries. */
export const planFromObjectives: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
}) => {
  // The same objective listed twice is one objective: keep the first mention, store it once.
  const listed = ((data.objectives ?? originalDoc?.objectives ?? []) as Relation[]).map(idOf)
  const chosen = listed.filter(
    (id, index) => listed.findIndex((other) => String(other) === String(id)) === index,
  )
  // A draft may be saved before its objectives are chosen; publishing requires them.
  if (chosen.length === 0 && data._status === 'draft') {
    rememberObjectiveGoals(req, [])
    return data
  }
  const found = chosen.length
    ? await req.payload.find({
        collection: 'objectives',
        where: { id: { in: chosen } },
        depth: 0,
        pagination: false,
        // the goal areas too: this save's revalidation tags their pages (one find, not two)
        select: { code: true, plan: true, goal: true },
        req,
      })
    : { docs: [] }
  rememberObjectiveGoals(req, found.docs)
  const missing = chosen.length - found.docs.length
  const result =
    missing > 0
      ? {
          error: `${missing === 1 ? 'One chosen objective does' : `${missing} chosen objectives do`} not exist.`,
        }
      : singlePlanOf(found.docs.map((o) => ({ code: String(o.code), plan: idOf(o.plan) })))
  if ('error' in result) {
    throw fieldError('initiatives', req, 'objectives', result.error)
  }
  return {
    ...data,
    ...(data.objectives !== undefined ? { objectives: chosen } : {}),
    plan: result.plan,
  }
}
