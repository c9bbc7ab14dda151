/**
 * Reads one plan for export: the plan, its goal areas and objectives, its initiatives (latest
 * drafts included) and their sections. Used by the export CLI (as the operator) and the export
 * endpoint (for an editor: `user` with access control).
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import type { Id } from '@/lib/plan/types'
import {
  buildPlanExport,
  parsedPlanOf,
  serializePlanExport,
  type LoadedPlan,
  type PlanExportDocument,
} from './document'
import { CSV_BOM } from '@/lib/plan/csv'
import { planToCsv } from './csv'
import { planToStratML } from './stratml'

export const EXPORT_FORMATS = ['json', 'stratml', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportAccess {
  /** acting for a person: their user, and access control applies */
  user?: PayloadRequest['user']
  req?: Partial<PayloadRequest>
}

export type PlanRef = { slug: string } | { id: Id }

const accessOf = (access: ExportAccess) =>
  access.user
    ? { user: access.user, overrideAccess: false as const, req: access.req }
    : { overrideAccess: true as const, req: access.req }

/** The plan's documents, or null when there is no such plan (or the person may not read it). */
export async function loadPlanForExport(
  payload: Payload,
  ref: PlanRef,
  access: ExportAccess = {},
): Promise<LoadedPlan | null> {
  const common = { depth: 0, ...accessOf(access) }
  const where: Where = 'slug' in ref ? { slug: { equals: ref.slug } } : { id: { equals: ref.id } }
  const found = await payload.find({ collection: 'plans', where, limit: 1, draft: true, ...common })
  const plan = found.docs[0]
  if (!plan) return null

  const goals = await payload.find({
    collection: 'goals',
    where: { plan: { equals: plan.id } },
    sort: 'number',
    pagination: false,
    ...common,
  })
  const goalIds = goals.docs.map((g) => g.id)
  const objectives = goalIds.length
    ? await payload.find({
        collection: 'objectives',
        where: { goal: { in: goalIds } },
        sort: 'position',
        pagination: false,
        ...common,
      })
    : { docs: [] }
  const initiatives = await payload.find({
    collection: 'initiatives',
    where: { plan: { equals: plan.id } },
    sort: 'createdAt',
    pagination: false,
    draft: true,
    ...common,
  })
  const sectionIds = [
    ...new Map(
      initiatives.docs.map((i) => {
        const id = typeof i.section === 'object' ? i.section.id : i.section
        return [String(id), id] as const
      }),
    ).values(),
  ]
  const sections = sectionIds.length
    ? await payload.find({
        collection: 'sections',
        where: { id: { in: sectionIds } },
        pagination: false,
        ...common,
      })
    : { docs: [] }
  const [cycles, updates] = await Promise.all([
    payload.find({
      collection: 'cycles',
      where: { plan: { equals: plan.id } },
      sort: 'asOf',
      pagination: false,
      ...common,
    }),
    payload.find({
      collection: 'progress-updates',
      where: { plan: { equals: plan.id } },
      sort: 'submittedAt',
      pagination: false,
      ...common,
    }),
  ])
  return {
    plan,
    goals: goals.docs,
    objectives: objectives.docs,
    sections: sections.docs,
    initiatives: initiatives.docs,
    cycles: cycles.docs,
    updates: updates.docs,
  }
}

export interface ExportFile {
  filename: string
  contentType: string
  body: string
  document: PlanExportDocument
}

/** The export file of a plan in the given format, or null when there is no such plan. */
export async function exportPlan(
  payload: Payload,
  ref: PlanRef,
  format: ExportFormat,
  access: ExportAccess = {},
): Promise<ExportFile | null> {
  const loaded = await loadPlanForExport(payload, ref, access)
  if (!loaded) return null
  const document = buildPlanExport(loaded)
  return renderExport(document, format)
}

/** The file of an export document in one of the three formats. */
export function renderExport(document: PlanExportDocument, format: ExportFormat): ExportFile {
  const slug = document.plan.slug
  switch (format) {
    case 'json':
      return {
        filename: `${slug}.json`,
        contentType: 'application/json; charset=utf-8',
        body: serializePlanExport(document),
        document,
      }
    case 'stratml':
      return {
        filename: `${slug}.stratml.xml`,
        contentType: 'application/xml; charset=utf-8',
        body: planToStratML(parsedPlanOf(document)),
        document,
      }
    case 'csv':
      return {
        filename: `${slug}-initiatives.csv`,
        contentType: 'text/csv; charset=utf-8',
        // a file people open in Excel, like the dashboard's CSV downloads
        body: `${CSV_BOM}${planToCsv(document)}`,
        document,
      }
  }
}

/** A `--format` / `?format=` value → the export format, or undefined. */
export function parseExportFormat(value: string | null | undefined): ExportFormat | undefined {
  const key = (value ?? '').trim().toLowerCase()
  if (key === 'xml') return 'stratml'
  return (EXPORT_FORMATS as readonly string[]).includes(key) ? (key as ExportFormat) : undefined
}
