import 'server-only'

import { idOf, idsOf, type Relation } from '@/lib/format/ids'
import type { InitiativeRecord } from '@/lib/plan/cycles'
import {
  INITIATIVE_STATUSES,
  VISIBILITIES,
  type Id,
  type InitiativeStatus,
  type Visibility,
} from '@/lib/plan/types'

const isStatus = (value: unknown): value is InitiativeStatus =>
  typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value)
const isVisibility = (value: unknown): value is Visibility =>
  typeof value === 'string' && (VISIBILITIES as readonly string[]).includes(value)

/** An initiative as a Payload find returns it; a `select` may leave any field but id and title out. */
export interface InitiativeDoc {
  id: Id
  title: string
  section?: Relation
  objectives?: readonly Relation[] | null
  status?: string | null
  visibility?: string | null
  _status?: string | null
  progress?: number | null
  startDate?: string | null
  targetDate?: string | null
  completedDate?: string | null
  createdAt?: string | null
}

/**
 * An initiative document as the record coverage and reporting compute with, or null when it has
 * no section, status or visibility the plan logic knows (a document read without them). Fields the
 * find did not select are null.
 */
export function initiativeRecord(doc: InitiativeDoc): InitiativeRecord | null {
  const section = idOf(doc.section)
  if (section == null || !isStatus(doc.status) || !isVisibility(doc.visibility)) return null
  return {
    id: doc.id,
    title: doc.title,
    section,
    objectives: idsOf(doc.objectives),
    status: doc.status,
    visibility: doc.visibility,
    published: doc._status === 'published',
    startDate: doc.startDate ?? null,
    targetDate: doc.targetDate ?? null,
    completedDate: doc.completedDate ?? null,
    progress: doc.progress ?? null,
    // when it came into being, for the numbers as of a past cycle (lib/plan/cycles)
    createdAt: doc.createdAt ? new Date(doc.createdAt).toISOString() : null,
  }
}
