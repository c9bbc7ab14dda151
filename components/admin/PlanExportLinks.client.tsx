'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'

import styles from './importPlan.module.css'

const LINKS = [
  {
    format: 'json',
    label: 'JSON',
    title: 'Everything, with its initiatives: can be imported again',
  },
  { format: 'stratml', label: 'StratML', title: 'The plan in the ISO 17469-1 open standard (XML)' },
  { format: 'csv', label: 'CSV', title: 'One row per initiative and objective, for spreadsheets' },
] as const

/** Sidebar of a plan's edit view: download the plan (as last saved) in each export format. */
export function PlanExportLinks() {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api: apiRoute },
    },
  } = useConfig()
  if (id == null) return null
  return (
    <div className={styles.exportField}>
      <span className="field-label">Export</span>
      <div className={styles.exportLinks}>
        {LINKS.map((link) => (
          <a
            key={link.format}
            href={`${apiRoute}/plans/${encodeURIComponent(String(id))}/export?format=${link.format}`}
            download
            title={link.title}
          >
            {link.label}
          </a>
        ))}
      </div>
      <p className="field-description">
        The plan as last saved. JSON includes its initiatives and can be imported again.
      </p>
    </div>
  )
}
