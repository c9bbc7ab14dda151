import type { NumberFieldSingleValidation } from 'payload'

/** A goal area has one objective of each number: a second 1.3 is a field error. */
export const uniqueObjectiveNumber: NumberFieldSingleValidation = async (
  value,
  { data, id, req },
) => {
  if (value == null) return 'An objective needs a number.'
  if (!Number.isInteger(value) || value < 1) return 'Use a whole number from 1.'
  const goal = (data as { goal?: unknown })?.goal
  const goalId = goal && typeof goal === 'object' ? (goal as { id: unknown }).id : goal
  if (goalId == null || !req?.payload) return true
  const clash = await req.payload.find({
    collection: 'objectives',
    where: {
      and: [
        { goal: { equals: goalId } },
        { number: { equals: value } },
        ...(id != null ? [{ id: { not_equals: id } }] : []),
      ],
    },
    depth: 0,
    limit: 1,
    select: { code: true },
    req,
  })
  const code = clash.docs[0]?.code
  return clash.totalDocs > 0
    ? `This goal area already has objective ${code ?? `number ${value}`}.`
    : true
}
