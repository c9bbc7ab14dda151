import 'server-only'

import fs from 'node:fs/promises'
import path from 'node:path'

import { archiveDirectory } from '@/lib/jobs/archiveStore'
import { ARCHIVED_REPORTS_SLUG } from '@/lib/jobs/kinds'
import type { Member, User } from '@/payload-types'
import { getPayloadClient } from './payload'

export interface ArchivedReportItem {
  id: number | string
  title: string
  cycleName: string
  closedAt: string | null
  filename: string
}

/** The archive as this person may read it (board members and staff), newest closing first. */
export async function listArchivedReports(user: Member | User): Promise<ArchivedReportItem[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: ARCHIVED_REPORTS_SLUG,
    sort: '-closedAt',
    depth: 0,
    pagination: false,
    user,
    overrideAccess: false,
  })
  return docs.map((doc) => ({
    id: doc.id,
    title: doc.title,
    cycleName: doc.cycleName ?? '',
    closedAt: doc.closedAt ?? null,
    filename: doc.filename ?? '',
  }))
}

/** An archived report's stored PDF, if this person may read it; the file as it was archived. */
export async function archivedReportFile(
  id: string,
  user: Member | User,
): Promise<{ filename: string; data: Buffer } | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: ARCHIVED_REPORTS_SLUG,
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const filename = docs[0]?.filename
  if (!filename || filename !== path.basename(filename)) return null
  try {
    return { filename, data: await fs.readFile(path.join(archiveDirectory(), filename)) }
  } catch (err) {
    payload.logger.error({ err, msg: `Archived report ${id}: file ${filename} is missing` })
    return null
  }
}
