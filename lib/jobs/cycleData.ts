/**
 * What the cycle jobs read, as plain records: the cycle, its plan, the plan's published
 * initiatives and updates (lib/plan/cycles' HistoryInput), the staff who report and the editors.
 * The jobs act for nobody (no person is signed in), so reads are system reads.
 */
import type { Payload } from 'payload'

import { isBoard } from '@/lib/auth/roles'
import { idOf as relationId, idsOf as relationIds, type Relation } from '@/lib/format/ids'
import {
  CYCLES_SLUG,
  PROGRESS_UPDATES_SLUG,
  type Cycle,
  type InitiativeRecord,
  type ProgressUpdate,
} from '@/lib/plan/cycles'
import type { Id, InitiativeStatus, SectionSummary, Visibility } from '@/lib/plan/types'

type Doc = Record<string, unknown>

const idOf = (value: unknown): Id | null => relationId(value as Relation) ?? null
const idsOf = (value: unknown): Id[] => (Array.isArray(value) ? relationIds(value) : [])

/** A system read of every matching document (collections not in this file's generated types too). */
async function findAll(payload: Payload, collection: string, where: Doc = {}): Promise<Doc[]> {
  const { docs } = await payload.find({
    collection: collection as 'plans',
    where: where as never,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as Doc[]
}

export interface CycleCase {
  cycle: Cycle & { createdAt?: string | null; updatedAt?: string | null }
  plan: { id: Id; title: string; slug: string; organization: string }
  initiatives: InitiativeRecord[]
  updates: ProgressUpdate[]
  sections: SectionSummary[]
}

/** Loads a cycle and its plan's history; null when the cycle (or its plan) no longer exists. */
export async function loadCycleCase(payload: Payload, cycleId: Id): Promise<CycleCase | null> {
  const [cycleDoc] = await findAll(payload, CYCLES_SLUG, { id: { equals: cycleId } })
  if (!cycleDoc) return null
  const planId = idOf(cycleDoc.plan)
  const [planDoc] =
    planId == null ? [] : await findAll(payload, 'plans', { id: { equals: planId } })
  if (!planDoc || planId == null) return null

  const [initiativeDocs, sectionDocs] = await Promise.all([
    findAll(payload, 'initiatives', { plan: { equals: planId } }),
    findAll(payload, 'sections'),
  ])
  const initiativeIds = initiativeDocs.map((doc) => doc.id as Id)
  const updateDocs =
    initiativeIds.length === 0
      ? []
      : await findAll(payload, PROGRESS_UPDATES_SLUG, { initiative: { in: initiativeIds } })

  const cycle = {
    id: cycleDoc.id as Id,
    plan: planId,
    name: String(cycleDoc.name ?? ''),
    asOf: String(cycleDoc.asOf ?? ''),
    opensOn: (cycleDoc.opensOn as string | null) ?? null,
    dueOn: (cycleDoc.dueOn as string | null) ?? null,
    instructions: (cycleDoc.instructions as string | null) ?? null,
    state: cycleDoc.state as Cycle['state'],
    closedAt: (cycleDoc.closedAt as string | null) ?? null,
    createdAt: (cycleDoc.createdAt as string | null) ?? null,
    updatedAt: (cycleDoc.updatedAt as string | null) ?? null,
  }
  return {
    cycle,
    plan: {
      id: planId,
      title: String(planDoc.title ?? ''),
      slug: String(planDoc.slug ?? ''),
      organization: String(planDoc.organization ?? ''),
    },
    initiatives: initiativeDocs.flatMap((doc): InitiativeRecord[] => {
      const section = idOf(doc.section)
      if (section == null) return []
      return [
        {
          id: doc.id as Id,
          title: String(doc.title ?? ''),
          section,
          objectives: idsOf(doc.objectives),
          status: doc.status as InitiativeStatus,
          visibility: doc.visibility as Visibility,
          published: doc._status === 'published',
          progress: (doc.progress as number | null) ?? null,
          createdAt: (doc.createdAt as string | null) ?? null,
        },
      ]
    }),
    updates: updateDocs.flatMap((doc): ProgressUpdate[] => {
      const initiative = idOf(doc.initiative)
      if (initiative == null) return []
      return [
        {
          id: doc.id as Id,
          initiative,
          cycle: idOf(doc.cycle),
          status: doc.status as InitiativeStatus,
          progress: Number(doc.progress ?? 0),
          submittedAt: String(doc.submittedAt ?? doc.createdAt ?? ''),
        },
      ]
    }),
    sections: sectionDocs.map((doc) => ({
      id: doc.id as Id,
      slug: String(doc.slug ?? ''),
      name: String(doc.name ?? ''),
      abbreviation: (doc.abbreviation as string | null) ?? null,
    })),
  }
}

export interface StaffRecipient {
  id: Id
  name: string
  email: string | null
  roles: string[]
  sections: Id[]
  /** false when the person turned reminders off (the opening notice still goes) */
  reminders: boolean
}

/** Staff users who report (section editors) or are copied (editors). */
export async function loadStaff(payload: Payload): Promise<StaffRecipient[]> {
  const docs = await findAll(payload, 'users')
  return docs.map((doc) => ({
    id: doc.id as Id,
    name: String(doc.name ?? ''),
    email: typeof doc.email === 'string' ? doc.email : null,
    roles: Array.isArray(doc.roles) ? doc.roles.map(String) : [],
    sections: idsOf(doc.sections),
    reminders: doc.emailReminders !== false,
  }))
}

export interface BoardRecipient {
  id: Id
  name: string
  email: string | null
}

/** Board members in good standing (the report's audience: the same check as the report route). */
export async function loadBoard(payload: Payload): Promise<BoardRecipient[]> {
  const docs = await findAll(payload, 'members', { roles: { contains: 'board' } })
  return docs
    .filter((doc) => isBoard({ ...doc, collection: 'members' }))
    .map((doc) => ({
      id: doc.id as Id,
      name: String(doc.name ?? ''),
      email: typeof doc.email === 'string' && doc.email ? doc.email : null,
    }))
}
