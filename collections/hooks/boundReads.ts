import {
  APIError,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type FlattenedField,
} from 'payload'

import { boundDepth, boundRead, type ReadArgs } from '@/lib/api/readLimits'
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

/**
 * REST and GraphQL requests (not the site's own Local API reads, lib/data, which choose their
 * limits): a `where` the database adapter cannot run is a 400 for everyone, and anyone but staff
 * reads a bounded page at a bounded depth (lib/api/readLimits.ts).
 */
export const boundReads: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const withWhere = args as { where?: unknown; joins?: unknown }
  const fields = new Map(collection.flattenedFields.map((f) => [f.name, f]))
  const ctx = {
    kindOf: (path: string) => {
      const field = fields.get(path)
      return field ? kindOfField(field) : undefined
    },
    idType: req.payload.db.defaultIDType === 'number' ? ('number' as const) : ('text' as const),
  }
  const joinWheres =
    withWhere.joins && typeof withWhere.joins === 'object'
      ? Object.values(withWhere.joins as Record<string, { where?: unknown } | false>).map((join) =>
          join ? join.where : undefined,
        )
      : []
  const problem =
    checkWhere(withWhere.where, ctx) ??
    joinWheres.reduce<string | null>(
      (found, where) => found ?? checkWhere(where, { ...ctx, kindOf: () => undefined }),
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
