import type { Payload, PayloadRequest, Where } from 'payload'

import { isoDateTime } from '@/lib/format/dates'
import { idOf, type Relation } from '@/lib/format/ids'
import {
  CYCLE_STATES,
  findStale,
  type Cycle,
  type CycleState,
  type InitiativeRecord,
  type ProgressUpdate,
} from '@/lib/plan/cycles'
import { INITIATIVE_STATUSES, VISIBILITIES, type Id, type InitiativeStatus } from '@/lib/plan/types'

/**
 * The history records (lib/plan/cycles) as Payload's documents hold them, and the stale work of
 * whole plans for the admin (its stale column and filter): the same records and the same
 * `findStale` the dashboard and the board report use, so every place that says "stale" agrees.
 * No `server-only` and no Payload config here: the Initiatives collection imports it.
 */

export const isStatus = (value: unknown): value is InitiativeStatus =>
  typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value)
const isState = (value: unknown): value is CycleState =>
  typeof value === 'string' && (CYCLE_STATES as readonly string[]).includes(value)

/** The fields of a cycle the history needs (a `select`). */
export const CYCLE_SELECT = {
  plan: true,
  name: true,
  asOf: true,
  opensOn: true,
  dueOn: true,
  instructions: true,
  state: true,
  closedAt: true,
} as const

/** The fields of a progress update the history needs (a `select`). */
export const UPDATE_SELECT = {
  initiative: true,
  cycle: true,
  status: true,
  progress: true,
  submittedAt: true,
} as const

interface CycleDoc {
  id: Id
  name: string
  asOf?: unknown
  opensOn?: unknown
  dueOn?: unknown
  instructions?: string | null
  state?: unknown
  closedAt?: unknown
}

interface UpdateDoc {
  id: Id
  initiative?: Relation
  cycle?: Relation
  status?: unknown
  progress?: number | null
  submittedAt?: unknown
}

/** A cycle document as a history record of plan `plan`; null when it lacks what the rules need. */
export const cycleRecord = (c: CycleDoc, plan: Id): Cycle | null => {
  const asOf = isoDateTime(c.asOf)
  if (!asOf || !isState(c.state)) return null
  return {
    id: c.id,
    plan,
    name: c.name,
    asOf,
    opensOn: isoDateTime(c.opensOn),
    dueOn: isoDateTime(c.dueOn),
    instructions: c.instructions ?? null,
    state: c.state,
    closedAt: isoDateTime(c.closedAt),
  }
}

/** A progress update document as a history record; null when it lacks what the rules need. */
export const updateRecord = (u: UpdateDoc): ProgressUpdate | null => {
  const initiative = idOf(u.initiative)
  const submittedAt = isoDateTime(u.submittedAt)
  if (initiative == null || !submittedAt || !isStatus(u.status)) return null
  return {
    id: u.id,
    initiative,
    cycle: idOf(u.cycle) ?? null,
    status: u.status,
    progress: u.progress ?? 0,
    submittedAt,
  }
}

/** Stale initiatives by plan: plan id (as text) → initiative id (as text) → the id itself. */
export type StaleByPlan = Map<string, Map<string, Id>>

export interface StaleQuery {
  /** the person asking: every read is theirs (`user` + `overrideAccess: false`) */
  user: PayloadRequest['user']
  /** the request, to share its transaction */
  req?: PayloadRequest
  /** one plan; all plans the person may read when omitted */
  plan?: Id
  /**
   * One initiative of `plan`: its own updates only, since an initiative's staleness depends on
   * nothing but its own record, its own updates and its plan's cycles (findStale).
   */
  initiative?: Id
  /** that initiative as published, when the caller holds it (one find fewer) */
  published?: PublishedInitiative
  now: Date
  staleAfterDays: number
}

/** The fields of an initiative as published that findStale reads. */
export interface PublishedInitiative {
  id: Id
  title?: string | null
  plan?: Relation
  section?: Relation
  status?: unknown
  visibility?: unknown
  _status?: unknown
  createdAt?: unknown
}

/**
 * The stale initiatives of one plan or of every plan the person may read, as of `now`: three
 * finds whatever the size (cycles, progress updates and initiatives, `depth: 0`, a `select`, no
 * pagination), then `findStale` per plan over the initiatives as published. With `initiative`
 * (and `plan`), that initiative's only: the plan's cycles and its own updates, and itself unless
 * `published` is given.
 */
export async function loadStaleByPlan(payload: Payload, query: StaleQuery): Promise<StaleByPlan> {
  const asPerson = {
    user: query.user,
    overrideAccess: false as const,
    depth: 0,
    pagination: false as const,
    ...(query.req ? { req: query.req } : {}),
  }
  const where: Where = query.plan == null ? {} : { plan: { equals: query.plan } }
  const one = query.plan != null && query.initiative != null
  const own = (field: string): Where =>
    one ? { and: [where, { [field]: { equals: query.initiative } }] } : where
  const [cycleDocs, updateDocs, initiativeDocs] = await Promise.all([
    payload.find({ collection: 'cycles', where, select: CYCLE_SELECT, ...asPerson }),
    payload.find({
      collection: 'progress-updates',
      where: own('initiative'),
      select: { ...UPDATE_SELECT, plan: true },
      ...asPerson,
    }),
    one && query.published
      ? { docs: [query.published] }
      : payload.find({
          collection: 'initiatives',
          where: own('id'),
          select: {
            title: true,
            plan: true,
            section: true,
            status: true,
            visibility: true,
            _status: true,
            createdAt: true,
          },
          ...asPerson,
        }),
  ])
  type PlanHistory = { cycles: Cycle[]; updates: ProgressUpdate[]; initiatives: InitiativeRecord[] }
  const plans = new Map<string, PlanHistory>()
  const planOf = (value: Relation): PlanHistory | undefined => {
    const id = idOf(value)
    if (id == null) return undefined
    let entry = plans.get(String(id))
    if (!entry) plans.set(String(id), (entry = { cycles: [], updates: [], initiatives: [] }))
    return entry
  }
  for (const c of cycleDocs.docs) {
    const plan = idOf(c.plan)
    const record = plan == null ? null : cycleRecord(c, plan)
    if (record) planOf(plan)?.cycles.push(record)
  }
  for (const u of updateDocs.docs) {
    const record = updateRecord(u)
    if (record) planOf(u.plan)?.updates.push(record)
  }
  for (const i of initiativeDocs.docs as PublishedInitiative[]) {
    const section = idOf(i.section)
    if (section == null || !isStatus(i.status)) continue
    planOf(i.plan)?.initiatives.push({
      id: i.id,
      title: i.title ?? '',
      section,
      objectives: [],
      status: i.status,
      visibility: VISIBILITIES.find((v) => v === i.visibility) ?? 'members',
      published: i._status === 'published',
      createdAt: isoDateTime(i.createdAt),
    })
  }
  const stale: StaleByPlan = new Map()
  for (const [plan, history] of plans) {
    const result = findStale(history, { now: query.now, staleAfterDays: query.staleAfterDays })
    stale.set(plan, new Map(result.initiatives.map((id) => [String(id), id])))
  }
  return stale
}
