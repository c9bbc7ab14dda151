import type { Payload, PayloadRequest } from 'payload'

import { env } from '@/lib/env'

/**
 * The association's name for a message: the current plan's organization ("Association for
 * Library Collections & Technical Services"), else the sender's name from EMAIL_FROM.
 */
export async function associationName(payload: Payload, req?: PayloadRequest): Promise<string> {
  const { docs } = await payload.find({
    collection: 'plans',
    where: { current: { equals: true } },
    select: { organization: true },
    depth: 0,
    limit: 1,
    pagination: false,
    // the organization's name is public on every plan page; no person is acting here
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  const organization = docs[0]?.organization?.trim()
  return organization || env().email.from.name
}
