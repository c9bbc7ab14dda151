import { matrixMax, matrixSentence, shadeLevel } from '@/lib/charts/series'
import { DASHBOARD_TABLES } from '@/lib/charts/tables'
import { sectionMatrixTable } from '@/lib/plan/csv'
import { ChartCard } from '@/components/dashboard/ChartCard'
import { DataTable } from '@/components/dashboard/DataTable'
import { coverageOf, csvHref, type DashboardContext } from './context'

/** The section × goal area matrix of active initiatives, shaded by count. */
export async function MatrixWidget({ ctx }: { ctx: DashboardContext }) {
  const cov = await coverageOf(ctx)
  const table = sectionMatrixTable(cov)
  const max = matrixMax(cov)
  const title = DASHBOARD_TABLES.sections.title
  return (
    <ChartCard
      id="sections"
      title={title}
      takeaway={`${matrixSentence(cov)}.`}
      table={table}
      csvHref={csvHref(ctx, 'sections')}
      tableInBody
      wide
      note="Darker cells: more active initiatives. Total counts an initiative once even when it serves several goal areas."
    >
      <DataTable
        table={table}
        caption={title}
        className="dash-table dash-matrix"
        // shaded by count; the Total column is not shaded
        cellAttributes={(cell, c, row) =>
          c === row.length - 1 ? undefined : { 'data-level': shadeLevel(Number(cell), max) }
        }
      />
    </ChartCard>
  )
}
