import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'

import styles from './adminView.module.css'

/** The admin's notices: `refused` (not allowed here) and `notice` (nothing to do yet). */
export const adminViewStyles = { refused: styles.refused, notice: styles.notice }

/**
 * The frame of a custom admin view (/admin/import-plan, /admin/my-updates): Payload's template
 * with its navigation, the step nav, and a header with the title and a lede.
 */
export function AdminView({
  initPageResult,
  params,
  searchParams,
  title,
  crumb = title,
  lede,
  children,
}: Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'> & {
  title: string
  /** The step nav's label, when shorter than the title. */
  crumb?: string
  lede: ReactNode
  children: ReactNode
}) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <SetStepNav nav={[{ label: crumb }]} />
      <Gutter className={styles.view}>
        <header className={styles.header}>
          <h1>{title}</h1>
          <p className={styles.lede}>{lede}</p>
        </header>
        {children}
      </Gutter>
    </DefaultTemplate>
  )
}
