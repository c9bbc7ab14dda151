import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { writtenByJobs } from '@/collections/access/roles'
import { canReadReports } from '@/lib/auth/roles'
import { archiveDirectory } from '@/lib/jobs/archiveStore'
import { ARCHIVED_REPORTS_SLUG } from '@/lib/jobs/kinds'

/** An archived report is never changed: not its file, not its record (deleting is for admins). */
const refuseChanges: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'update') {
    throw new APIError(
      'An archived report cannot be changed; an admin may delete it.',
      403,
      undefined,
      true,
    )
  }
  return args
}

/**
 * The board reports archived when each cycle closed: the PDF as the board received it, stored
 * once (local disk under REPORT_ARCHIVE_DIR by default; a Payload storage adapter in production
 * if you add one) and never regenerated. Created by the jobs only.
 */
export const ArchivedReports: CollectionConfig = {
  slug: ARCHIVED_REPORTS_SLUG,
  labels: { singular: 'Archived report', plural: 'Archived reports' },
  admin: {
    group: 'Email',
    useAsTitle: 'title',
    defaultColumns: ['title', 'closedAt', 'filename', 'createdAt'],
    description:
      'The board report as of each closed cycle, stored when the cycle closed and emailed to the board as a link. Never regenerated; only admins may delete one.',
  },
  defaultSort: '-closedAt',
  access: writtenByJobs(({ req: { user } }) => canReadReports(user)),
  upload: {
    staticDir: archiveDirectory(),
    mimeTypes: ['application/pdf'],
    // the file is served by /reports/archive/<id> (sign-in and access), not by Payload's file route
    disableLocalStorage: false,
    hideRemoveFile: true,
  },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { readOnly: true, description: 'The cycle and the moment it closed: archived once.' },
    },
    { name: 'title', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'plan', type: 'relationship', relationTo: 'plans', admin: { readOnly: true } },
    { name: 'cycleId', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'cycleName', type: 'text', admin: { readOnly: true } },
    {
      name: 'closedAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
  hooks: { beforeOperation: [refuseChanges] },
}
