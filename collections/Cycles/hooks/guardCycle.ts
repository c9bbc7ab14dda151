import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { deleteConflict, fieldError } from '@/collections/hooks/refusals'
import { idOf, sameRelation } from '@/lib/format/ids'
import { countLabel } from '@/lib/format/plural'
import { checkCycleTransition, secondOpenCycleMessage } from '@/lib/plan/cycleRules'
import type { CycleState } from '@/lib/plan/cycles'

const refuse = (req: PayloadRequest, path: string, message: string) =>
  fieldError('cycles', req, path, message)

/**
 * The cycle's life: draft → open → closed only; a closed cycle is frozen whole; the plan never
 * changes; at most one open cycle per plan (one indexed query when a cycle opens); closing
 * stamps closedAt (a script replaying history may give its own).
 */
export const guardCycle: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  operation,
}) => {
  const from = originalDoc?.state as CycleState | undefined
  const to = (data.state ?? from ?? 'draft') as CycleState
  if (from === 'closed')
    throw refuse(req, 'state', 'A closed cycle is frozen: it cannot be changed.')
  const transition = checkCycleTransition(operation === 'create' ? undefined : from, to)
  if (transition !== true) throw refuse(req, 'state', transition)

  const plan = idOf(data.plan ?? originalDoc?.plan)
  if (operation === 'update' && !sameRelation(idOf(data.plan) ?? plan, originalDoc?.plan)) {
    throw refuse(req, 'plan', 'A cycle stays with the plan it was created for.')
  }

  if (to === 'open' && from !== 'open' && plan != null) {
    const { docs } = await req.payload.find({
      collection: 'cycles',
      where: { and: [{ plan: { equals: plan } }, { state: { equals: 'open' } }] },
      select: { name: true },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const other = docs.find((d) => String(d.id) !== String(originalDoc?.id))
    if (other) throw refuse(req, 'state', secondOpenCycleMessage(other.name))
  }

  if (to === 'closed') {
    // a person closes it now; only a script (no user) replaying history gives its own date
    const given = !req.user && data.closedAt ? data.closedAt : undefined
    return { ...data, closedAt: given ?? new Date().toISOString() }
  }
  // closedAt belongs to closing only
  return { ...data, closedAt: originalDoc?.closedAt ?? null }
}

/** A cycle with updates (or a closed one) is history: deleting it is refused, never silent. */
export const refuseDeleteCycle: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'progress-updates',
    where: { cycle: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw deleteConflict(
      `This cycle has ${countLabel(totalDocs, 'progress update')}: ` +
        'it is history and cannot be deleted.',
    )
  }
}
