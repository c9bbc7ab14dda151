import type { Table } from '@/lib/plan/csv'

/** A plain data table (the numbers behind a chart, exactly the rows of its CSV). */
export function DataTable({
  table,
  caption,
  className,
}: {
  table: Table
  caption: string
  className?: string
}) {
  return (
    <div className="dash-table-wrap">
      <table className={className ?? 'dash-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={typeof cell === 'number' ? 'dash-num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
