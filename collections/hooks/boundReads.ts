import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FlattenedField,
} from 'payload'

import { boundDepth, boundRead, type ReadArgs } from '@/lib/api/readLimits'
import { checkSort } from '@/lib/api/sort'
import { checkWhere, type FieldKind } from '@/lib/api/where'
import { isStaff } from '@/lib/auth/roles'

function kindOfField(field: FlattenedField): FieldKind {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return 'text'
    case 'number':
      return field.hasMany ? 'other' : 'number'
    case 'date':
      return 'date'
    case 'checkbox':
      return 'checkbox'
    case 'select':
      return field.hasMany ? 'choices' : 'choice'
    case 'radio':
      return 'choice'
    case 'relationship':
    case 'upload':
      if (Array.isArray(field.relationTo)) return 'other'
      return field.hasMany ? 'references' : 'reference'
    default:
      return 'other'
  }
}

/** Whether a sort path reads a related document's field (what MongoDB needs `$lookup` for). */
function throughRelationship(fields: FlattenedField[], path: string): boolean {
  const segments = path.split('.')
  let current = fields
  for (const [i, segment] of segments.entries()) {
    const field = current.find((each) => each.name === segment)
    if (!field) return false
    if ('flattenedFields' in field) {
      current = field.flattenedFields
      continue
    }
    if (field.type === 'relationship' || field.type === 'upload') {
      const rest = segments.slice(i + 1)
      return rest.length > 0 && rest.join('.') !== 'id'
    }
  }
  return false
}

/**
 * REST and GraphQL requests (not the site's own Local API reads, lib/data, which choose their
 * limits): a `where` the database adapter cannot run is a 400 for everyone, and anyone but staff
 * reads a bounded page at a bounded depth (lib/api/readLimits.ts).
 */
export const boundReads: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const withWhere = args as { where?: unknown; joins?: unknown; sort?: unknown }
  const fields = new Map(collection.flattenedFields.map((f) => [f.name, f]))
  const ctx = {
    kindOf: (path: string) => {
      const field = fields.get(path)
      return field ? kindOfField(field) : undefined
    },
    idType: req.payload.db.defaultIDType === 'number' ? ('number' as const) : ('text' as const),
  }
  const joins =
    withWhere.joins && typeof withWhere.joins === 'object'
      ? Object.values(
          withWhere.joins as Record<string, { where?: unknown; sort?: unknown } | false>,
        )
      : []
  // MongoDB adapters set up for servers without $lookup (FerretDB) cannot sort through a relationship
  const canFollowRelationships =
    (req.payload.db as { useJoinAggregations?: boolean }).useJoinAggregations !== false
  const problem =
    checkWhere(withWhere.where, ctx) ??
    checkSort(withWhere.sort, {
      canFollowRelationships,
      throughRelationship: (path) => throughRelationship(collection.flattenedFields, path),
    }) ??
    joins.reduce<string | null>(
      (found, join) =>
        found ??
        (join
          ? (checkWhere(join.where, { ...ctx, kindOf: () => undefined }) ??
            // a join's documents are read by their own query, where a dotted path is never followed
            checkSort(join.sort, { canFollowRelationships, throughRelationship: () => false }))
          : null),
      null,
    )
  if (problem) throw new APIError(problem, 400, null, true)

  if (isStaff(req.user)) return args
  // every operation's arguments are an object; only the bounded keys are touched
  const readArgs = args as ReadArgs
  const bounded =
    operation === 'read' || operation === 'readDistinct'
      ? boundRead(readArgs)
      : boundDepth(readArgs)
  return bounded as typeof args
}

/** Every collection gets boundReads first among its beforeOperation hooks. */
export function withBoundedReads(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [boundReads, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
