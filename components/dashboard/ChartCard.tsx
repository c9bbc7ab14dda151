import type { ReactNode } from 'react'

import type { Table } from '@/lib/plan/csv'
import { DataTable } from './DataTable'

/**
 * One dashboard widget: a title that says what it shows, a one-line takeaway computed from the
 * data, the chart, its data table (on demand, and to screen readers) and the table as CSV.
 */
export function ChartCard({
  id,
  title,
  takeaway,
  note,
  table,
  csvHref,
  tableInBody = false,
  wide = false,
  children,
}: {
  id: string
  title: string
  takeaway: string
  note?: ReactNode
  table: Table
  csvHref: string
  /** the widget's own body already is this table (the matrix): do not repeat it */
  tableInBody?: boolean
  wide?: boolean
  children?: ReactNode
}) {
  return (
    <section
      className={`dash-card${wide ? ' dash-card--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      id={id}
      data-widget={id}
    >
      <header className="dash-card__header">
        <h2 id={`${id}-title`} className="dash-card__title">
          {title}
        </h2>
        <p className="dash-card__takeaway" data-takeaway>
          {takeaway}
        </p>
      </header>
      {children}
      {note ? <p className="dash-card__note">{note}</p> : null}
      {tableInBody ? null : (
        <details className="dash-card__data">
          <summary>Data table</summary>
          <DataTable table={table} caption={title} />
        </details>
      )}
      <p className="dash-card__actions no-print">
        <a href={csvHref} download className="dash-csv">
          Download CSV<span className="visually-hidden">: {title}</span>
        </a>
      </p>
    </section>
  )
}
