import type { NumberFieldSingleValidation } from 'payload'

/** A plan has one Goal Area of each number: a second "Goal Area 3" is a field error. */
export const uniqueGoalNumber: NumberFieldSingleValidation = async (value, { data, id, req }) => {
  if (value == null) return 'A goal area needs a number.'
  if (!Number.isInteger(value) || value < 1) return 'Use a whole number from 1.'
  const plan = (data as { plan?: unknown })?.plan
  const planId = plan && typeof plan === 'object' ? (plan as { id: unknown }).id : plan
  if (planId == null || !req?.payload) return true
  const clash = await req.payload.find({
    collection: 'goals',
    where: {
      and: [
        { plan: { equals: planId } },
        { number: { equals: value } },
        ...(id != null ? [{ id: { not_equals: id } }] : []),
      ],
    },
    depth: 0,
    limit: 1,
    select: { number: true },
    req,
  })
  return clash.totalDocs > 0 ? `This plan already has a Goal Area ${value}.` : true
}
