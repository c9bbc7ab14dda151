import type { CollectionAfterChangeHook } from 'payload'

/** When a goal area is renumbered or moved to another plan, its objectives follow (codes, plan). */
export const cascadeGoalToObjectives: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update') return doc
  const planOf = (value: unknown) =>
    value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value)
  if (doc.number === previousDoc?.number && planOf(doc.plan) === planOf(previousDoc?.plan))
    return doc
  const objectives = await req.payload.find({
    collection: 'objectives',
    where: { goal: { equals: doc.id } },
    depth: 0,
    pagination: false,
    select: { number: true },
    req,
  })
  // The objectives' beforeChange hook recomputes code, position and plan from the goal area.
  for (const objective of objectives.docs) {
    await req.payload.update({
      collection: 'objectives',
      id: objective.id,
      data: { number: objective.number },
      depth: 0,
      req,
      context,
    })
  }
  return doc
}
