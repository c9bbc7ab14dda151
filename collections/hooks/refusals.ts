import { APIError, ValidationError, type CollectionSlug, type PayloadRequest } from 'payload'

/**
 * A change refused because of one field: a 400 whose message the admin shows under that field
 * (REST and GraphQL answer it as `errors[0].data.errors[0]`).
 */
export const fieldError = (
  collection: CollectionSlug,
  req: PayloadRequest,
  path: string,
  message: string,
) => new ValidationError({ collection, errors: [{ path, message }], req })

/** A delete refused because something depends on the document: 409, the message shown as is. */
export const deleteConflict = (message: string) => new APIError(message, 409, null, true)
