import type { NextRequest } from 'next/server'

import { getViewer } from '@/lib/auth/viewer'
import { drillDownTable, goalDrillDown } from '@/lib/charts/drilldown'
import { DASHBOARD_TABLES, csvFileName, isDashboardTable } from '@/lib/charts/tables'
import { coverageOfQuery, resolveCoverageQuery } from '@/lib/data/coverage'
import { getPayloadClient } from '@/lib/data/payload'
import { CSV_BOM, toCsv, type Table } from '@/lib/plan/csv'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string; table: string }> }

const problem = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  })

/**
 * GET /dashboard/<slug>/csv/<table>.csv with the dashboard's filters: the rows of that widget's
 * data table as CSV (tables: coverage, status, years, sections, gaps, goal-<number>).
 */
export async function GET(request: NextRequest, { params }: Context) {
  const viewer = await getViewer()
  if (!viewer) return problem(401, 'Sign in as a member to download coverage data.')
  const { slug, table: file } = await params
  const name = /^([a-z0-9-]+)\.csv$/.exec(file)?.[1]
  const goal = name ? /^goal-(\d{1,3})$/.exec(name)?.[1] : undefined
  if (!name || (!isDashboardTable(name) && goal === undefined)) {
    const known = [...Object.keys(DASHBOARD_TABLES), 'goal-<number>'].map((t) => `${t}.csv`)
    return problem(404, `No table "${file}". Tables: ${known.join(', ')}.`)
  }
  try {
    // one data fetch for the filters, the table and the file name
    const resolved = await resolveCoverageQuery(slug, request.nextUrl.searchParams, viewer.user)
    if (!resolved.ok) return problem(resolved.status, resolved.error)
    let table: Table
    if (goal !== undefined) {
      const { data, filters } = resolved
      const drill = goalDrillDown(data.input, Number(goal), { audience: data.audience, filters })
      if (!drill) return problem(404, `Plan "${slug}" has no Goal Area ${goal}.`)
      table = drillDownTable(drill)
    } else {
      table = DASHBOARD_TABLES[name as keyof typeof DASHBOARD_TABLES].build(
        coverageOfQuery(resolved),
      )
    }
    const fileName = csvFileName(slug, name, resolved.filters.section)
    return new Response(`${CSV_BOM}${toCsv(table.headers, table.rows)}`, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (err) {
    const payload = await getPayloadClient()
    payload.logger.error({ err, msg: `CSV ${file} for plan "${slug}" failed` })
    return problem(500, 'The table could not be built just now. Try again in a moment.')
  }
}
