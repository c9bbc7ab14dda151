import type { AdminViewServerProps } from 'payload'

import { isEditor } from '@/lib/auth/roles'
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES, formatBytes } from '@/lib/import/input'
import { AdminView, adminViewStyles } from './AdminView'
import { ImportPlan } from './ImportPlan.client'

/** /admin/import-plan: editors paste or upload a plan, check what was read, create it as a draft. */
export function ImportPlanView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user
  const adminRoute = req.payload.config.routes.admin
  const apiRoute = req.payload.config.routes.api
  return (
    <AdminView
      initPageResult={initPageResult}
      params={params}
      searchParams={searchParams}
      title="Import a plan"
      crumb="Import plan"
      lede={
        <>
          Upload or drop the plan as it was published: a Word document or a PDF (up to{' '}
          {formatBytes(MAX_DOCUMENT_BYTES)}), or plain text, StratML (XML) or a Lodestar JSON export
          (up to {formatBytes(MAX_IMPORT_BYTES)}), or paste its text. Check what Lodestar read on
          the right, fix the text (or the document) where it misread something, then create the plan
          as a draft.
        </>
      }
    >
      {user && isEditor(user) ? (
        <ImportPlan adminRoute={adminRoute} apiRoute={apiRoute} />
      ) : (
        <p className={adminViewStyles.refused} role="alert">
          Only editors can import plans. Ask an administrator for the editor role.
        </p>
      )}
    </AdminView>
  )
}
