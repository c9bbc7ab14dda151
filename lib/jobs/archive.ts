/**
 * When a cycle closes: the board report as of that cycle is rendered once, stored as an archived
 * report (keyed by the cycle and the moment it closed, so a retry, a second runner or a later sweep
 * finds it and never renders again), and each board member with an email address gets one link.
 * Only the closing's own job (and Payload's retries of it) renders and mails the board; the hourly
 * sweep only retries the links that failed (`pendingOnly`), so a board member who joins later is
 * not sent the past, and a report an admin deleted is not made again. (A closed cycle cannot be
 * reopened: collections/Cycles' guard refuses it.)
 */
import type { Payload } from 'payload'

import { progressReportForQuery, REPORT_PARAMS } from '@/lib/data/report'
import { associationName } from '@/lib/email/association'
import { reportArchivedEmail } from '@/lib/email/messages'
import { env } from '@/lib/env'
import { reportFileName } from '@/lib/pdf/report/model'
import { renderPdf } from '@/lib/pdf/pool'
import type { Id } from '@/lib/plan/types'
import { loadBoard, loadCycleCase } from './cycleData'
import { deliver, emptyTally, uniqueIndexReady, type DeliveryTally } from './deliver'
import { ARCHIVED_REPORTS_SLUG, NOTIFICATIONS_SLUG } from './kinds'

/** The archive's page and a report's download (through sign-in and access). */
export const ARCHIVE_PATH = '/reports'
export const archivedReportPath = (id: Id) => `/reports/archive/${encodeURIComponent(String(id))}`

export interface ArchiveResult {
  /** the archived report's id, or null when the cycle is not closed (nothing to archive) */
  report: Id | null
  /** true when this run rendered and stored it, false when it was there already */
  created: boolean
  tally: DeliveryTally
}

/** The report as a board member in good standing sees it (the archive is the board's copy). */
const BOARD_READER = {
  id: 0,
  collection: 'members' as const,
  roles: ['board'],
  active: true,
  membershipExpires: null,
}

async function findArchived(payload: Payload, key: string): Promise<Id | null> {
  const { docs } = await payload.find({
    collection: ARCHIVED_REPORTS_SLUG,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs[0]?.id ?? null
}

const LINK_PREFIX = 'report-archived:'
const linkKey = (reportKey: string, recipient: string) => `${LINK_PREFIX}${reportKey}:${recipient}`

/** Keys of the board links whose sends are left to retry (failed, or claimed by a runner that may have died). */
async function pendingLinkKeys(payload: Payload): Promise<string[]> {
  const { docs } = await payload.find({
    collection: NOTIFICATIONS_SLUG,
    where: {
      and: [{ kind: { equals: 'report-archived' } }, { status: { in: ['failed', 'sending'] } }],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((doc) => doc.key)
}

/**
 * The cycles whose board links have sends left to retry (failed, or claimed by a runner that may
 * have died): what the hourly sweep hands to `archiveCycleReport(…, { pendingOnly: true })`.
 */
export async function cyclesWithPendingLinks(payload: Payload): Promise<string[]> {
  const keys = await pendingLinkKeys(payload)
  // key: report-archived:report:<cycle id>:<closedAt>:members:<id>
  const cycles = keys.flatMap((key) => {
    const match = /^report-archived:report:([^:]+):/.exec(key)
    return match ? [match[1]!] : []
  })
  return [...new Set(cycles)]
}

/** The recipients of this report's links whose sends are left to retry. */
async function pendingRecipients(payload: Payload, reportKey: string): Promise<Set<string>> {
  const keys = await pendingLinkKeys(payload)
  const prefix = `${LINK_PREFIX}${reportKey}:`
  return new Set(
    keys.filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)),
  )
}

/**
 * Archives the closed cycle's report (once) and sends the board its links (once each). With
 * `pendingOnly` (the sweep): nothing is rendered, and only the links that failed are sent again.
 */
export async function archiveCycleReport(
  payload: Payload,
  cycleId: Id,
  options: { pendingOnly?: boolean } = {},
): Promise<ArchiveResult> {
  const tally = emptyTally()
  const data = await loadCycleCase(payload, cycleId)
  if (!data || data.cycle.state !== 'closed' || !data.cycle.closedAt) {
    return { report: null, created: false, tally }
  }
  const { cycle, plan } = data
  const closedAtIso = data.cycle.closedAt
  const key = `report:${cycle.id}:${closedAtIso}`
  await uniqueIndexReady(payload, ARCHIVED_REPORTS_SLUG)
  let report = await findArchived(payload, key)
  let created = false
  if (report == null && options.pendingOnly) return { report: null, created, tally }
  if (report == null) {
    // the report's `cycle` parameter (as of the cycle) where the report supports it
    const query = new URLSearchParams(
      (REPORT_PARAMS as readonly string[]).includes('cycle') ? { cycle: String(cycle.id) } : {},
    )
    const closedAt = new Date(closedAtIso)
    const result = await progressReportForQuery(plan.slug, query, BOARD_READER, closedAt)
    if (result.status !== 200) {
      throw new Error(`The report of cycle ${cycle.id} could not be made: ${result.error}`)
    }
    // in the worker pool: `npm run dev` runs jobs in the server's own process
    const pdf = await renderPdf({ kind: 'progress-report', report: result.report })
    const name = reportFileName(result.report.plan, `${result.report.asOf}-${cycle.id}`)
    try {
      const doc = await payload.create({
        collection: ARCHIVED_REPORTS_SLUG,
        data: {
          key,
          title: `${plan.title}: ${cycle.name}`,
          plan: plan.id as number,
          cycleId: String(cycle.id),
          cycleName: cycle.name,
          closedAt: closedAtIso,
        },
        file: { data: pdf, mimetype: 'application/pdf', name, size: pdf.length },
        overrideAccess: true,
      })
      report = doc.id
      created = true
    } catch (err) {
      // another runner archived it first: use theirs
      report = await findArchived(payload, key)
      if (report == null) throw err
    }
  }

  const { serverUrl } = env()
  const association = await associationName(payload)
  const pending = options.pendingOnly ? await pendingRecipients(payload, key) : null
  for (const member of await loadBoard(payload)) {
    const recipient = `members:${member.id}`
    if (pending && !pending.has(recipient)) continue
    const outcome = await deliver(payload, {
      key: linkKey(key, recipient),
      kind: 'report-archived',
      recipient,
      to: member.email,
      email: reportArchivedEmail({
        association,
        planTitle: plan.title,
        cycleName: cycle.name,
        recipientName: member.name,
        reportUrl: `${serverUrl}${archivedReportPath(report)}`,
        archiveUrl: `${serverUrl}${ARCHIVE_PATH}`,
      }),
    })
    tally[outcome] += 1
  }
  return { report, created, tally }
}
