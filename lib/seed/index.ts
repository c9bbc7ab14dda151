import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { parsePlanText } from '@/lib/import/text'
import { writeParsedPlan } from '@/lib/import/write'
import { DEMO_MEMBERS, DEMO_STAFF, SEED_SECTIONS } from './demoData'
import { seedHistory } from './history'
import { SAMPLE_INITIATIVES, type SampleInitiative } from './sampleInitiatives'

export const SEED_PLAN_FILE = 'data/plans/alcts-strategic-plan-2006-2011.txt'
export const SEED_PLAN_SLUG = 'alcts-strategic-plan-2006-2011'

export interface SeedOptions {
  payload: Payload
  req?: Partial<PayloadRequest>
  /** delete everything first */
  reset?: boolean
  /** create the demo accounts (staff and members) */
  demo: boolean
  demoPassword: string
  log?: (line: string) => void
}

export interface SeedResult {
  plan: string
  goals: number
  objectives: number
  sections: number
  initiatives: number
  staff: number
  members: number
}

const context = { disableRevalidate: true, seeding: true }

/** Collections in the order their documents can be deleted (children before parents). */
const RESET_ORDER: CollectionSlug[] = [
  // an initiative's progress updates go with it; then its plan's (now empty) cycles
  'initiatives',
  'cycles',
  'objectives',
  'goals',
  'plans',
  'sections',
  'users',
  'members',
]

/**
 * Seeds the ALCTS Strategic Plan 2006–2011 (parsed from the published text), its six sections,
 * 34 sample initiatives and, when asked, the demo accounts. Idempotent: documents are found by
 * their natural keys (slug, number, title, email, member number) and only created when missing.
 */
export async function seed(options: SeedOptions): Promise<SeedResult> {
  const { payload, req } = options
  const log = options.log ?? ((line: string) => payload.logger.info(line))
  const common = { req, context, depth: 0, overrideAccess: true as const }

  if (options.reset) {
    for (const collection of RESET_ORDER) {
      await payload.delete({ collection, where: { id: { exists: true } }, ...common })
    }
    log('Reset: all plans, sections, initiatives and accounts deleted.')
  }

  const text = fs.readFileSync(path.resolve(process.cwd(), SEED_PLAN_FILE), 'utf8')
  const parsed = parsePlanText(text)
  for (const warning of parsed.warnings) log(`Plan text line ${warning.line}: ${warning.message}`)
  const plan = await writeParsedPlan(payload, parsed.plan, {
    slug: SEED_PLAN_SLUG,
    publish: true,
    current: true,
    req,
    context,
  })

  const sectionIds = new Map<string, number>()
  for (const section of SEED_SECTIONS) {
    const found = await payload.find({
      collection: 'sections',
      where: { slug: { equals: section.slug } },
      limit: 1,
      ...common,
    })
    const doc =
      found.docs[0] ??
      (await payload.create({
        collection: 'sections',
        data: { ...section, kind: 'section' },
        ...common,
      }))
    sectionIds.set(section.slug, doc.id)
  }

  const objectives = await payload.find({
    collection: 'objectives',
    where: { plan: { equals: plan.id } },
    pagination: false,
    select: { code: true },
    ...common,
  })
  const objectiveIds = new Map(objectives.docs.map((o) => [String(o.code), o.id]))

  let initiatives = 0
  const seeded: { id: number; sample: SampleInitiative }[] = []
  for (const sample of SAMPLE_INITIATIVES) {
    const section = sectionIds.get(sample.section)
    if (section == null) throw new Error(`Seed data names an unknown section: ${sample.section}`)
    const served = sample.objectives.map((code) => {
      const id = objectiveIds.get(code)
      if (id == null) throw new Error(`Seed data names an unknown objective: ${code}`)
      return id
    })
    const found = await payload.find({
      collection: 'initiatives',
      where: { and: [{ title: { equals: sample.title } }, { section: { equals: section } }] },
      limit: 1,
      draft: true,
      ...common,
    })
    const doc =
      found.docs[0] ??
      (await payload.create({
        collection: 'initiatives',
        draft: sample.draft ?? false,
        data: {
          title: sample.title,
          section,
          objectives: served,
          summary:
            'Sample initiative for demonstration: not part of the ALCTS plan as published. ' +
            `Led by ${sample.lead}.`,
          status: sample.status,
          visibility: sample.visibility,
          startDate: sample.startDate ?? null,
          targetDate: sample.targetDate ?? null,
          completedDate: sample.completedDate ?? null,
          progress: sample.progress,
          lead: sample.lead,
          _status: sample.draft ? 'draft' : 'published',
        },
        ...common,
      }))
    seeded.push({ id: doc.id, sample })
    initiatives += 1
  }

  const history = await seedHistory({
    payload,
    req,
    context,
    plan: plan.id as number,
    initiatives: seeded,
  })
  if (history.cycles > 0) {
    log(`Seeded ${history.cycles} reporting cycles with ${history.updates} progress updates.`)
  }

  let staff = 0
  let members = 0
  if (options.demo) {
    for (const person of DEMO_STAFF) {
      const found = await payload.find({
        collection: 'users',
        where: { email: { equals: person.email } },
        limit: 1,
        ...common,
      })
      if (!found.docs[0]) {
        await payload.create({
          collection: 'users',
          data: {
            email: person.email,
            name: person.name,
            password: options.demoPassword,
            roles: person.roles,
            sections: (person.sections ?? []).map((slug) => sectionIds.get(slug)!),
          },
          ...common,
        })
      }
      staff += 1
    }
    for (const person of DEMO_MEMBERS) {
      const found = await payload.find({
        collection: 'members',
        where: { username: { equals: person.username } },
        limit: 1,
        ...common,
      })
      if (!found.docs[0]) {
        await payload.create({
          collection: 'members',
          data: { ...person, password: options.demoPassword },
          ...common,
        })
      }
      members += 1
    }
  }

  const result = {
    plan: plan.slug,
    goals: plan.goals,
    objectives: plan.objectives,
    sections: sectionIds.size,
    initiatives,
    staff,
    members,
  }
  log(
    `Seeded ${result.plan}: ${result.goals} goal areas, ${result.objectives} objectives, ` +
      `${result.sections} sections, ${result.initiatives} sample initiatives` +
      (options.demo
        ? `, ${staff} staff and ${members} member demo accounts.`
        : ' (no demo accounts).'),
  )
  return result
}
