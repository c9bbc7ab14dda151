import type { Table } from '@/lib/plan/csv'

type Cell = Table['rows'][number][number]

/** Extra attributes of one body cell, e.g. the matrix's `data-level` shading. */
export type CellAttributes = (
  cell: Cell,
  column: number,
  row: readonly Cell[],
) => Record<`data-${string}`, string | number | undefined> | undefined

/** A plain data table (the numbers behind a chart, exactly the rows of its CSV). */
export function DataTable({
  table,
  caption,
  className,
  cellAttributes,
}: {
  table: Table
  caption: string
  className?: string
  /** data attributes for the body's data cells (not the row headers) */
  cellAttributes?: CellAttributes
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
                  <td
                    key={c}
                    className={typeof cell === 'number' ? 'dash-num' : undefined}
                    {...cellAttributes?.(cell, c, row)}
                  >
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
