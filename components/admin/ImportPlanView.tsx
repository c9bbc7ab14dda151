import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'

import { isEditor } from '@/lib/auth/roles'
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES, formatBytes } from '@/lib/import/input'
import { ImportPlan } from './ImportPlan.client'
import styles from './importPlan.module.css'

/** /admin/import-plan: editors paste or upload a plan, check what was read, create it as a draft. */
export function ImportPlanView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const user = req.user
  const adminRoute = req.payload.config.routes.admin
  const apiRoute = req.payload.config.routes.api
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: 'Import plan' }]} />
      <Gutter className={styles.view}>
        <header className={styles.header}>
          <h1>Import a plan</h1>
          <p className={styles.lede}>
            Upload or drop the plan as it was published: a Word document or a PDF (up to{' '}
            {formatBytes(MAX_DOCUMENT_BYTES)}), or plain text, StratML (XML) or a Lodestar JSON
            export (up to {formatBytes(MAX_IMPORT_BYTES)}), or paste its text. Check what Lodestar
            read on the right, fix the text (or the document) where it misread something, then
            create the plan as a draft.
          </p>
        </header>
        {user && isEditor(user) ? (
          <ImportPlan adminRoute={adminRoute} apiRoute={apiRoute} />
        ) : (
          <p className={styles.refused} role="alert">
            Only editors can import plans. Ask an administrator for the editor role.
          </p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
