import type { Payload, PayloadRequest, RequestContext } from 'payload'

import { paragraphsToLexical } from '@/lib/richtext/lexical'
import type { Id } from '@/lib/plan/types'
import { planProblems } from './check'
import { slugify } from '@/lib/format/slug'
import type { ParsedPlan } from './types'

export interface WritePlanOptions {
  /** defaults to the slug of the title */
  slug?: string
  /** publish the plan (otherwise it is saved as a draft) */
  publish: boolean
  current?: boolean
  req?: Partial<PayloadRequest>
  context?: RequestContext
  /** acting for a person: their user, and access control applies */
  user?: PayloadRequest['user']
  /** told of every document created, so a caller without a transaction can undo them */
  onCreate?: (collection: 'plans' | 'goals' | 'objectives', id: Id) => void
}

export interface WrittenPlan {
  id: Id
  slug: string
  goals: number
  objectives: number
}

/**
 * Stores a parsed plan: creates or updates the plan (by slug), its goal areas (by number) and
 * their objectives (by number), so running it twice changes nothing the second time.
 */
export async function writeParsedPlan(
  payload: Payload,
  parsed: ParsedPlan,
  options: WritePlanOptions,
): Promise<WrittenPlan> {
  // Refuse before the first write: a second goal 2 would otherwise update the first one.
  const duplicates = planProblems(parsed).filter((p) => / appears \d+ times/.test(p.message))
  if (duplicates.length > 0) throw new Error(duplicates.map((p) => p.message).join(' '))
  const slug = options.slug ?? slugify(parsed.title)
  const access = options.user
    ? { user: options.user, overrideAccess: false as const }
    : { overrideAccess: true as const }
  const common = { req: options.req, context: options.context, depth: 0, ...access }
  const startYear = parsed.startYear ?? new Date().getFullYear()
  const planData = {
    title: parsed.title,
    slug,
    organization: parsed.organization ?? '',
    startYear,
    endYear: parsed.endYear ?? startYear,
    adoptedOn: parsed.adoptedOn ?? null,
    adoptedBy: parsed.adoptedBy ?? null,
    lastRevised: parsed.lastRevised ?? null,
    objectiveLabel: parsed.objectiveLabel ?? null,
    preamble: parsed.preamble.length ? paragraphsToLexical(parsed.preamble) : null,
    vision: parsed.vision.length ? paragraphsToLexical(parsed.vision) : null,
    mission: parsed.mission.length ? paragraphsToLexical(parsed.mission) : null,
    values: parsed.values.map((value) => ({ value })),
    ...(options.current != null ? { current: options.current } : {}),
    _status: options.publish ? ('published' as const) : ('draft' as const),
  }

  const existing = await payload.find({
    collection: 'plans',
    where: { slug: { equals: slug } },
    limit: 1,
    draft: true,
    ...common,
  })
  const plan = existing.docs[0]
    ? await payload.update({
        collection: 'plans',
        id: existing.docs[0].id,
        data: planData,
        draft: !options.publish,
        ...common,
      })
    : await payload.create({
        collection: 'plans',
        data: planData,
        draft: !options.publish,
        ...common,
      })
  if (!existing.docs[0]) options.onCreate?.('plans', plan.id)

  let objectiveCount = 0
  for (const goal of parsed.goals) {
    const goalData = {
      plan: plan.id,
      number: goal.number,
      title: goal.title,
      description: goal.description.join('\n\n') || null,
    }
    const found = await payload.find({
      collection: 'goals',
      where: { and: [{ plan: { equals: plan.id } }, { number: { equals: goal.number } }] },
      limit: 1,
      ...common,
    })
    const goalDoc = found.docs[0]
      ? await payload.update({
          collection: 'goals',
          id: found.docs[0].id,
          data: goalData,
          ...common,
        })
      : await payload.create({ collection: 'goals', data: goalData, ...common })
    if (!found.docs[0]) options.onCreate?.('goals', goalDoc.id)

    for (const objective of goal.objectives) {
      const objectiveData = { goal: goalDoc.id, number: objective.number, text: objective.text }
      const foundObjective = await payload.find({
        collection: 'objectives',
        where: {
          and: [{ goal: { equals: goalDoc.id } }, { number: { equals: objective.number } }],
        },
        limit: 1,
        ...common,
      })
      if (foundObjective.docs[0]) {
        if (foundObjective.docs[0].text !== objective.text) {
          await payload.update({
            collection: 'objectives',
            id: foundObjective.docs[0].id,
            data: objectiveData,
            ...common,
          })
        }
      } else {
        const created = await payload.create({
          collection: 'objectives',
          data: objectiveData,
          ...common,
        })
        options.onCreate?.('objectives', created.id)
      }
      objectiveCount += 1
    }
  }
  return { id: plan.id, slug, goals: parsed.goals.length, objectives: objectiveCount }
}
