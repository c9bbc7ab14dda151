import type { Id } from '@/lib/plan/types'

/** A relationship field as Payload returns it: an id at depth 0, the document itself when populated. */
export type Relation = Id | { id: Id } | null | undefined

/** The id behind a relationship value, populated or not; undefined when the field is empty. */
export const idOf = (value: Relation): Id | undefined =>
  value == null ? undefined : typeof value === 'object' ? value.id : value

/** The ids of a has-many relationship, empty entries dropped. */
export const idsOf = (values: readonly Relation[] | null | undefined): Id[] =>
  (values ?? []).map(idOf).filter((id): id is Id => id != null)

/** Whether two relationship values point at the same document (ids of either adapter; two empty ones match). */
export const sameRelation = (a: Relation, b: Relation): boolean =>
  String(idOf(a) ?? '') === String(idOf(b) ?? '')
