import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { deleteConflict, fieldError } from '@/collections/hooks/refusals'
import { isStaff, isSectionEditor, ownsSection } from '@/lib/auth/roles'
import { idOf, sameRelation as same } from '@/lib/format/ids'

const refuse = (req: PayloadRequest, path: string, message: string) =>
  fieldError('progress-updates', req, path, message)

/**
 * The rules of a progress update, checked on every write whoever makes it (Local API, REST,
 * GraphQL): it stays with its initiative and cycle; section editors report only on their own
 * sections' initiatives; a cycle must be the initiative's plan's and open (a closed cycle's
 * updates are frozen); one update per initiative per cycle. It also stamps who and when, and
 * copies the initiative's section, plan, visibility and publication for the access rules.
 * Scripts (no user) may give their own submittedAt/submittedBy to replay history.
 */
export const guardProgressUpdate: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  operation,
  context,
}) => {
  // the initiative refreshing its copies: nothing a person typed
  if (context.syncInitiativeCopies) return data

  if (operation === 'update') {
    if (data.initiative !== undefined && !same(data.initiative, originalDoc?.initiative))
      throw refuse(req, 'initiative', 'An update stays with the initiative it reports on.')
    if (data.cycle !== undefined && !same(data.cycle, originalDoc?.cycle))
      throw refuse(req, 'cycle', 'An update stays in the cycle it was made for.')
  }

  const initiativeId = idOf(data.initiative ?? originalDoc?.initiative)
  if (initiativeId == null) throw refuse(req, 'initiative', 'Choose the initiative to report on.')
  const initiative = await req.payload.findByID({
    collection: 'initiatives',
    id: initiativeId,
    depth: 0,
    select: { section: true, plan: true, visibility: true, _status: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!initiative) throw refuse(req, 'initiative', 'That initiative does not exist.')
  if (isSectionEditor(req.user) && !ownsSection(req.user, initiative.section)) {
    throw refuse(req, 'initiative', 'You can only report on the initiatives of your own sections.')
  }

  const cycleId = idOf(data.cycle ?? originalDoc?.cycle)
  if (cycleId != null) {
    const cycle = await req.payload.findByID({
      collection: 'cycles',
      id: cycleId,
      depth: 0,
      select: { name: true, plan: true, state: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!cycle) throw refuse(req, 'cycle', 'That cycle does not exist.')
    if (cycle.state === 'closed')
      throw refuse(req, 'cycle', `"${cycle.name}" is closed: its updates are frozen.`)
    if (cycle.state !== 'open')
      throw refuse(req, 'cycle', `"${cycle.name}" is not open for updates yet.`)
    if (!same(cycle.plan, initiative.plan))
      throw refuse(req, 'cycle', `"${cycle.name}" is a cycle of another plan.`)
    if (operation === 'create') {
      const { totalDocs } = await req.payload.count({
        collection: 'progress-updates',
        where: { and: [{ initiative: { equals: initiativeId } }, { cycle: { equals: cycleId } }] },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0)
        throw refuse(
          req,
          'cycle',
          `This initiative already has an update in "${cycle.name}": edit that one.`,
        )
    }
  }

  const person = req.user
  const replay = !person
  return {
    ...data,
    submittedAt: replay && data.submittedAt ? data.submittedAt : new Date().toISOString(),
    submittedBy: replay
      ? (data.submittedBy ?? originalDoc?.submittedBy ?? null)
      : isStaff(person)
        ? person.id
        : null,
    section: idOf(initiative.section) ?? null,
    plan: idOf(initiative.plan) ?? null,
    visibility: initiative.visibility,
    published: initiative._status === 'published',
  }
}

/** An update of a closed cycle is frozen: not even an editor deletes it (its initiative's delete does). */
export const refuseDeleteFrozen: CollectionBeforeDeleteHook = async ({ id, req, context }) => {
  if (context.deletingInitiative) return
  const update = await req.payload.findByID({
    collection: 'progress-updates',
    id,
    depth: 1,
    select: { cycle: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  const cycle = update?.cycle
  if (cycle && typeof cycle === 'object' && cycle.state === 'closed') {
    throw deleteConflict(`"${cycle.name}" is closed: its updates are frozen.`)
  }
}
