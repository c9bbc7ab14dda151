import type { PayloadRequest, Where } from 'payload'

import { listForMessage } from '@/lib/plan/numbering'

/**
 * The initiatives that stop a delete (those matching `where`), for the refusal's message: how
 * many, "initiative" or "initiatives", and the first few titles. Null when there are none.
 */
export async function initiativesInTheWay(
  req: PayloadRequest,
  where: Where,
): Promise<{ total: number; noun: string; names: string } | null> {
  const found = await req.payload.find({
    collection: 'initiatives',
    where,
    depth: 0,
    limit: 5,
    sort: 'title',
    select: { title: true },
    req,
  })
  if (found.totalDocs === 0) return null
  return {
    total: found.totalDocs,
    noun: found.totalDocs === 1 ? 'initiative' : 'initiatives',
    names: listForMessage(
      found.docs.map((i) => `"${i.title}"`),
      found.totalDocs,
    ),
  }
}
