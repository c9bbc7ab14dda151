import type { BaseFilter, Field, PayloadRequest, Where } from 'payload'

import { isStaff } from '@/lib/auth/roles'
import { env } from '@/lib/env'
import { loadStaleByPlan, type PublishedInitiative, type StaleByPlan } from '@/lib/data/staleness'
import { idOf } from '@/lib/format/ids'
import type { Id } from '@/lib/plan/types'
import { staffFieldOnly } from '@/collections/access/roles'

/**
 * Stale work in the admin (docs/architecture.md, "Progress cycles"): a computed "Stale" column on
 * the initiatives list and a "Stale only" filter (`?stale=true` on the list's address, the links
 * above the table). Both come from `loadStaleByPlan`, which applies lib/plan's `findStale` with
 * STALE_AFTER_DAYS to the initiatives as published, so they agree with the dashboard's stale
 * list. The value is never stored: staleness moves with time and with every cycle that closes.
 */

/** The list-view query parameter of the filter. */
export const STALE_PARAM = 'stale'

// One request computes each plan's stale set once (all plans at once for the filter), whatever
// the number of rows read; the memo lives in the request's context and dies with it.
const MEMO = 'lodestarStaleMemo'
interface StaleMemo {
  all?: Promise<StaleByPlan>
  plans: Map<string, Promise<StaleByPlan>>
}

const memoOf = (req: PayloadRequest): StaleMemo => {
  const context = req.context as Record<string, unknown>
  const memo = (context[MEMO] as StaleMemo | undefined) ?? { plans: new Map() }
  context[MEMO] = memo
  return memo
}

const load = (
  req: PayloadRequest,
  plan?: string,
  one?: { initiative: Id; published?: PublishedInitiative },
): Promise<StaleByPlan> =>
  loadStaleByPlan(req.payload, {
    user: req.user,
    req,
    plan,
    ...one,
    now: new Date(),
    staleAfterDays: env().staleAfterDays,
  })

/** Every stale initiative the person may read, by plan (one computation per request). */
const allStale = (req: PayloadRequest): Promise<StaleByPlan> => {
  const memo = memoOf(req)
  memo.all ??= load(req)
  return memo.all
}

/** The stale initiatives of one plan (the whole set when it was already computed). */
const planStale = async (req: PayloadRequest, plan: string): Promise<ReadonlyMap<string, Id>> => {
  const memo = memoOf(req)
  if (memo.all) return (await memo.all).get(plan) ?? new Map()
  let entry = memo.plans.get(plan)
  if (!entry) memo.plans.set(plan, (entry = load(req, plan)))
  return (await entry).get(plan) ?? new Map()
}

/**
 * Whether one initiative is stale, from its plan's cycles and its own updates (two small finds,
 * not three plan-wide ones). The document read holds the initiative as published when it is
 * published and carries the fields findStale reads; otherwise (a draft read) it is read too.
 * Never memoised: a save's answer is read after its write and must show the value after it.
 */
async function oneStale(req: PayloadRequest, plan: string, doc: PublishedInitiative) {
  const published =
    doc._status === 'published' &&
    doc.status !== undefined &&
    doc.createdAt !== undefined &&
    doc.section !== undefined &&
    doc.visibility !== undefined
      ? doc
      : undefined
  return (await load(req, plan, { initiative: doc.id, published })).get(plan)?.has(String(doc.id))
}

/**
 * The virtual "Stale" field: true for an active initiative (planned or in progress) with no
 * update in its plan's latest closed cycle (or, with none closed, none for STALE_AFTER_DAYS days).
 * Staff only; computed on reads that select it (the admin list and edit views, REST without a
 * `select`), never stored, never sortable or in the query builder (Payload leaves virtual fields
 * out of both).
 */
export const staleField: Field = {
  name: 'stale',
  label: 'Stale',
  type: 'checkbox',
  virtual: true,
  access: { read: staffFieldOnly, create: () => false, update: () => false },
  admin: {
    readOnly: true,
    position: 'sidebar',
    components: { Cell: '/components/admin/StaleCell#StaleCell' },
    description:
      'No progress update in the plan’s latest closed cycle (or, before one closes, for STALE_AFTER_DAYS days). Computed, never stored.',
  },
  hooks: {
    afterRead: [
      async ({ data, findMany, req, overrideAccess }) => {
        // a read that overrides access is Payload's or a hook's, not a person's (an update reads
        // the document so before saving it): computing the plan's stale set there read its whole
        // history as documents on every staff save (at 50,000 initiatives × 8 cycles the server
        // ran out of its heap)
        if (overrideAccess || !isStaff(req.user)) return undefined
        const doc = data as PublishedInitiative | undefined
        const plan = idOf(doc?.plan)
        const id = doc?.id
        if (plan == null || id == null) return false
        // a list: each plan's stale set once per request; one document: that initiative only
        if (!findMany) return (await oneStale(req, String(plan), doc!)) ?? false
        return (await planStale(req, String(plan))).has(String(id))
      },
    ],
  },
}

/**
 * The list view's "Stale only" filter: `?stale=true` narrows the list to the stale initiatives
 * (`?stale=false` to the others). Payload applies a collection's base filter to its list view
 * only; the person's own read access still applies on top.
 */
export const staleListFilter: BaseFilter = async ({ req }) => {
  const wanted = (req.query as Record<string, unknown> | undefined)?.[STALE_PARAM]
  if (wanted !== 'true' && wanted !== 'false') return null
  const ids = [...(await allStale(req)).values()].flatMap((plan) => [...plan.values()])
  const where: Where =
    wanted === 'true'
      ? ids.length > 0
        ? { id: { in: ids } }
        : { id: { exists: false } }
      : ids.length > 0
        ? { id: { not_in: ids } }
        : {}
  return where
}
